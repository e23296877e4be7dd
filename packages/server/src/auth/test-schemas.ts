import { z } from 'zod';
import { userView } from '@hearth/core/api';

/** GET /api/me and PATCH /api/me/settings answer { user }; core has no named schema for it. */
export const meResponseSchema = z.object({ user: userView });
