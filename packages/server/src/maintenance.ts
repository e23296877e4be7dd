import { lt, or } from 'drizzle-orm';
import type { Config } from './config/env.ts';
import type { Db } from './db/open.ts';
import { sessions } from './db/schema.ts';
import { pruneRateLimits } from './rate-limit/rate-limit.ts';
import { forgetUnconfirmed } from './newsletter/service.ts';
import { sweepAbandonedUploads } from './photos/store.ts';

/**
 * Expired sessions are already refused on use; this removes the ones nobody comes
 * back for, and rate-limit windows long past, so neither table grows forever.
 */
export async function sweep(db: Db, config: Config, now: Date): Promise<void> {
  const at = now.getTime();
  await db
    .delete(sessions)
    .where(or(lt(sessions.lastSeenAt, new Date(at - config.sessionIdleMs)), lt(sessions.createdAt, new Date(at - config.sessionMaxMs))));
  await pruneRateLimits(db, at);
  await forgetUnconfirmed(db, now);
  await sweepAbandonedUploads(db, now);
}
