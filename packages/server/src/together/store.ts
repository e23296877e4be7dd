import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { SCHEDULED_KINDS } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { calendarFeeds, items, memberships, spaces } from '../db/schema.ts';

export async function feedOf(db: Db, userId: string) {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row;
}

/** Replaces the member's token hash: the old address stops working in the same statement. */
export async function saveFeed(db: Db, userId: string, spaceId: string, tokenHash: string, at: Date): Promise<void> {
  await db
    .insert(calendarFeeds)
    .values({ userId, spaceId, tokenHash, createdAt: at })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { spaceId, tokenHash, createdAt: at } });
}

export async function deleteFeed(db: Db, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

/**
 * The space a feed token opens, only while its member still belongs to that space and
 * the space is active: leaving (or the space ending) silently ends the feed too.
 */
export async function spaceOfFeed(db: Db, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ spaceId: calendarFeeds.spaceId })
    .from(calendarFeeds)
    .innerJoin(memberships, and(eq(memberships.userId, calendarFeeds.userId), eq(memberships.spaceId, calendarFeeds.spaceId)))
    .innerJoin(spaces, and(eq(spaces.id, calendarFeeds.spaceId), eq(spaces.status, 'active')))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row?.spaceId;
}

/** Ids and schedules of a space's rituals and dates (all shared): everything the feed may show. */
export async function schedulesInSpace(db: Db, spaceId: string) {
  return db
    .select({ id: items.id, kind: items.kind, schedule: items.schedule })
    .from(items)
    .where(and(eq(items.spaceId, spaceId), eq(items.visibility, 'shared'), inArray(items.kind, [...SCHEDULED_KINDS]), isNotNull(items.schedule)));
}
