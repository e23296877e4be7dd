import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { memberships, sessions, users } from '../db/schema.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;

export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** Returns undefined when the email is taken: the unique index decides, not a prior read. */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(user).onConflictDoNothing({ target: users.email }).returning();
  return row;
}

export async function updateUser(db: Db, id: string, changes: Partial<NewUser>): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(changes).where(eq(users.id, id)).returning();
  return row;
}

export async function spaceIdOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ spaceId: memberships.spaceId }).from(memberships).where(eq(memberships.userId, userId));
  return row?.spaceId ?? null;
}

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function sessionWithUser(db: Db, tokenHash: Uint8Array): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return row;
}

export async function deleteSession(db: Db, tokenHash: Uint8Array): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function touchSession(db: Db, tokenHash: Uint8Array, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

export async function confirmSession(db: Db, tokenHash: Uint8Array, at: Date): Promise<void> {
  await db.update(sessions).set({ confirmedAt: at, lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of the user except `keep` (all of them when keep is undefined). */
export async function deleteOtherSessions(db: Db, userId: string, keep: Uint8Array | undefined): Promise<void> {
  await db
    .delete(sessions)
    .where(keep === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.tokenHash, keep)));
}
