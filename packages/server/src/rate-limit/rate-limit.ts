import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { rateLimits } from '../db/schema.ts';

export type Limit = { readonly max: number; readonly windowMs: number };
/** Per client address and per email (or per account), for each protected route. */
export type RateLimitConfig = { readonly perIp: Limit; readonly perAccount: Limit };

export const DEFAULT_LIMITS: RateLimitConfig = {
  perIp: { max: 30, windowMs: 60_000 },
  perAccount: { max: 10, windowMs: 15 * 60_000 },
};

export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Fixed-window counter kept in the database, so every app process shares one count.
 * A single upsert both starts a new window and counts within the current one, so two
 * concurrent requests can never both see the same count.
 */
export async function hit(db: Db, key: string, limit: Limit, nowMs: number): Promise<Verdict> {
  const windowStart = Math.floor(nowMs / limit.windowMs) * limit.windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  if (row === undefined || row.count <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + limit.windowMs - nowMs) / 1000)) };
}

/** Windows older than a day cannot matter to any limit we set. */
export async function pruneRateLimits(db: Db, nowMs: number): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, nowMs - 86_400_000));
}
