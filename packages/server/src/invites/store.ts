import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { invites } from '../db/schema.ts';

export type InviteRow = typeof invites.$inferSelect;

export async function inviteById(db: Db, id: string): Promise<InviteRow | undefined> {
  const [row] = await db.select().from(invites).where(eq(invites.id, id));
  return row;
}

export async function insertInvite(db: Db, invite: typeof invites.$inferInsert): Promise<InviteRow | undefined> {
  const [row] = await db.insert(invites).values(invite).onConflictDoNothing({ target: invites.id }).returning();
  return row;
}

export async function pendingInvites(db: Db, spaceId: string, at: Date): Promise<InviteRow[]> {
  return db
    .select()
    .from(invites)
    .where(and(eq(invites.spaceId, spaceId), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, at)))
    .orderBy(desc(invites.createdAt));
}

export async function revokePending(db: Db, spaceId: string, at: Date): Promise<void> {
  await db
    .update(invites)
    .set({ revokedAt: at })
    .where(and(eq(invites.spaceId, spaceId), isNull(invites.usedAt), isNull(invites.revokedAt)));
}

/** Scoped by space: a member can only revoke their own space's invites. */
export async function revokeInvite(db: Db, spaceId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(invites)
    .set({ revokedAt: at })
    .where(and(eq(invites.id, id), eq(invites.spaceId, spaceId), isNull(invites.usedAt), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  return rows.length > 0;
}

/** The single-use guarantee: only one caller can flip used_at from null. */
export async function claimInvite(db: Db, id: string, userId: string, at: Date): Promise<InviteRow | undefined> {
  const [row] = await db
    .update(invites)
    .set({ usedAt: at, usedBy: userId })
    .where(and(eq(invites.id, id), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, at)))
    .returning();
  return row;
}
