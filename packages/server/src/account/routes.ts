import { Hono } from 'hono';
import { deleteAccountRequest } from '@hearth/core/api';
import { clearSessionCookie, requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { unwrap } from '../http/errors.ts';
import { limitAttempt } from '../http/rate-limited.ts';
import { bytes, readBody } from '../http/validate.ts';
import { deleteAccount } from './service.ts';

export const accountRoutes = new Hono<AppEnv>().post('/me/delete', async (c) => {
  const { user } = await requireSession(c);
  const body = await readBody(c, deleteAccountRequest);
  // Same budget as other password confirmations: guessing here is guessing the password.
  await limitAttempt(c, 'confirm', user.id);
  unwrap(await deleteAccount(c.var.deps, user, bytes(body.authKey, 'authKey')));
  clearSessionCookie(c, c.var.deps.config);
  return c.body(null, 204);
});
