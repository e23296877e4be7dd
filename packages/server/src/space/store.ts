import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { invites, items, memberships, spaces, users } from '../db/schema.ts';

export type SpaceRow = typeof spaces.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function memberOf(db: Db, userId: string): Promise<{ membership: MembershipRow; space: SpaceRow } | undefined> {
  const [row] = await db
    .select({ membership: memberships, space: spaces })
    .from(memberships)
    .innerJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(eq(memberships.userId, userId));
  return row;
}

/** Members with their time zone (schedule metadata both apps need for the couple's day). */
export async function membersOf(db: Db, spaceId: string): Promise<(MembershipRow & { timeZone: string })[]> {
  const rows = await db
    .select({ membership: memberships, timeZone: users.timeZone })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.spaceId, spaceId))
    .orderBy(asc(memberships.joinedAt));
  return rows.map((r) => ({ ...r.membership, timeZone: r.timeZone }));
}

export async function memberCount(db: Db, spaceId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.spaceId, spaceId));
  return row?.n ?? 0;
}

/**
 * Locks the space row for the rest of the transaction. Membership changes take it
 * for update, so they queue behind each other; item writes take it shared, so they
 * run side by side but never across a leave that ends the space.
 */
export async function lockSpace(db: Db, spaceId: string, mode: 'update' | 'share' = 'update'): Promise<SpaceRow | undefined> {
  const [row] = await db.select().from(spaces).where(eq(spaces.id, spaceId)).for(mode);
  return row;
}

export async function insertSpace(db: Db, space: typeof spaces.$inferInsert): Promise<SpaceRow | undefined> {
  const [row] = await db.insert(spaces).values(space).onConflictDoNothing({ target: spaces.id }).returning();
  return row;
}

/** Returns undefined when the user already has a membership (the unique index on user_id decides). */
export async function insertMembership(db: Db, m: typeof memberships.$inferInsert): Promise<MembershipRow | undefined> {
  const [row] = await db.insert(memberships).values(m).onConflictDoNothing().returning();
  return row;
}

export async function updateMemberProfile(db: Db, spaceId: string, userId: string, profile: Uint8Array): Promise<void> {
  await db
    .update(memberships)
    .set({ profile })
    .where(and(eq(memberships.spaceId, spaceId), eq(memberships.userId, userId)));
}

export async function endSpace(db: Db, spaceId: string, at: Date): Promise<void> {
  await db.update(spaces).set({ status: 'ended', endedAt: at }).where(and(eq(spaces.id, spaceId), eq(spaces.status, 'active')));
  await db
    .update(invites)
    .set({ revokedAt: at })
    .where(and(eq(invites.spaceId, spaceId), isNull(invites.usedAt), isNull(invites.revokedAt)));
}

export async function removeMember(db: Db, spaceId: string, userId: string): Promise<void> {
  await db
    .delete(items)
    .where(and(eq(items.spaceId, spaceId), eq(items.authorId, userId), eq(items.visibility, 'private')));
  await db.delete(memberships).where(and(eq(memberships.spaceId, spaceId), eq(memberships.userId, userId)));
}

/** Items and invites go with the space (ON DELETE CASCADE). */
export async function deleteSpace(db: Db, spaceId: string): Promise<void> {
  await db.delete(spaces).where(eq(spaces.id, spaceId));
}
