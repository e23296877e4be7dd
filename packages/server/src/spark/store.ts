import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { SPARK_LEVELS, effectiveSpark, levelRank, type SparkEffective, type SparkSettings } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { items, memberships, sparkConsent } from '../db/schema.ts';

export type SparkPair = { readonly mine: SparkSettings | null; readonly partner: SparkSettings | null };

function settingsOf(row: { enabled: boolean; level: number; paused: boolean }): SparkSettings {
  // A rank outside the list cannot be written through the API; reading it as the mildest level fails safe.
  const level = SPARK_LEVELS[row.level] ?? 'sweet';
  return { enabled: row.enabled, level, paused: row.paused };
}

/**
 * Both partners' settings in this space, as seen from `userId`. `lock` holds them
 * until the transaction ends, so a pause saved at the same moment waits for (or
 * wins against) a Spark write, never interleaves with it.
 */
export async function sparkPair(db: Db, spaceId: string, userId: string, lock = false): Promise<SparkPair> {
  const query = db.select().from(sparkConsent).where(eq(sparkConsent.spaceId, spaceId));
  const rows = lock ? await query.for('share') : await query;
  const mine = rows.find((r) => r.userId === userId);
  const partner = rows.find((r) => r.userId !== userId);
  return { mine: mine ? settingsOf(mine) : null, partner: partner ? settingsOf(partner) : null };
}

/** What Spark may do in this space right now (state and effective level); the same for both partners once both opted in. */
export async function sparkEffective(db: Db, spaceId: string, userId: string, lock = false): Promise<SparkEffective> {
  const { mine, partner } = await sparkPair(db, spaceId, userId, lock);
  return effectiveSpark(mine, partner);
}

export async function saveSparkSettings(db: Db, spaceId: string, userId: string, settings: SparkSettings, at: Date): Promise<void> {
  const values = { enabled: settings.enabled, level: levelRank(settings.level), paused: settings.paused, updatedAt: at };
  await db
    .insert(sparkConsent)
    .values({ spaceId, userId, ...values })
    .onConflictDoUpdate({ target: [sparkConsent.spaceId, sparkConsent.userId], set: values });
}

/** SQL: both partners of the item's space have Spark on and neither has paused it, with `extra` about the pair (a, b). */
function bothOn(extra?: SQL): SQL {
  return sql`exists (select 1 from ${sparkConsent} as a join ${sparkConsent} as b
    on b.space_id = a.space_id and b.user_id > a.user_id
    where a.space_id = ${items.spaceId} and a.enabled and b.enabled and not a.paused and not b.paused
    ${extra === undefined ? sql`` : sql`and ${extra}`})`;
}

/**
 * SQL: an item's Spark level is within what the couple allows right now — both turned
 * Spark on, neither paused, and the item's level at or below the lower of the two.
 * The same for either partner, so the list, the single fetch and the reminder worker
 * all use this one clause.
 */
export function sparkDeliverable(): SQL {
  return bothOn(sql`${items.sparkLevel} <= least(a.level, b.level)`);
}

/** SQL: Spark is on for both right now, whatever the level (for the kinds without one, SPARK_GATED_KINDS). */
export function sparkOpen(): SQL {
  return bothOn();
}

/** The other member(s) of the space: who a Spark message is delivered to. */
export async function partnersOf(db: Db, spaceId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.spaceId, spaceId), ne(memberships.userId, userId)));
  return rows.map((r) => r.userId);
}
