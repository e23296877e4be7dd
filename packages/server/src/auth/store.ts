import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { preparedFor } from '../db/prepared.ts';
import { memberships, sessions, spaces, users } from '../db/schema.ts';

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

export type SessionContext = {
  readonly session: SessionRow;
  readonly user: UserRow;
  /** The user's membership and its space, when they have one. */
  readonly membership: typeof memberships.$inferSelect | null;
  readonly space: typeof spaces.$inferSelect | null;
};

const sessionContextQuery = preparedFor((db) =>
  db
    .select({ session: sessions, user: users, membership: memberships, space: spaces })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(spaces, eq(spaces.id, memberships.spaceId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare('session_context'),
);

/**
 * The session, its user and their membership in one statement: every signed-in request
 * starts here, and on that path each round trip and each query build costs more than
 * the query itself (bench/README.md).
 */
export async function sessionWithUser(db: Db, tokenHash: Uint8Array): Promise<SessionContext | undefined> {
  const [row] = await sessionContextQuery(db).execute({ tokenHash });
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
