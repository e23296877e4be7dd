import { z } from 'zod/mini';
import { uuid } from './common.ts';
import { itemKind } from './items.ts';
import { matchDeck } from './matching.ts';

/**
 * The data of an `item` message on `GET /api/events` (issue 20): which item changed, never
 * what it says. The other messages (`space`, `you`, `resync`, `ready`) carry no data,
 * except `match`: which deck the partner uploaded answers for.
 */
export const liveItemChange = z.object({ kind: itemKind, id: uuid });
export type LiveItemChange = z.infer<typeof liveItemChange>;

export const liveMatchChange = z.object({ deck: matchDeck });
