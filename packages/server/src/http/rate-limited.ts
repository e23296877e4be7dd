import type { Context } from 'hono';
import type { AppEnv } from './context.ts';
import { clientIp } from './client-ip.ts';
import { HttpError } from './errors.ts';
import { hit } from '../rate-limit/rate-limit.ts';

/**
 * Counts one attempt at `action` against the client address and, when given, the
 * account it targets. Called after the body is validated, so a malformed request
 * neither counts nor writes anything.
 */
export async function limitAttempt(c: Context<AppEnv>, action: string, account?: string): Promise<void> {
  const { db, limits, config, now } = c.var.deps;
  const nowMs = now().getTime();
  const checks = [hit(db, `${action}:ip:${clientIp(c, config.trustProxy)}`, limits.perIp, nowMs)];
  if (account !== undefined) checks.push(hit(db, `${action}:account:${account}`, limits.perAccount, nowMs));
  for (const verdict of await Promise.all(checks)) {
    if (!verdict.allowed) {
      throw new HttpError('rate_limited', 'Too many attempts. Please wait a little and try again.', {
        'Retry-After': String(verdict.retryAfterSeconds),
      });
    }
  }
}
