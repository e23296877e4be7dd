import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { deviceChallenges, trustedDevices } from '../db/schema.ts';

export type TrustedDeviceRow = typeof trustedDevices.$inferSelect;

export async function listDevices(db: Db, userId: string): Promise<TrustedDeviceRow[]> {
  return db.select().from(trustedDevices).where(eq(trustedDevices.userId, userId)).orderBy(asc(trustedDevices.createdAt));
}

/** The device, locked for the rest of the transaction (an unlock attempt counts one at a time). */
export async function deviceForUpdate(db: Db, userId: string, id: string): Promise<TrustedDeviceRow | undefined> {
  const [row] = await db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.id, id), eq(trustedDevices.userId, userId)))
    .for('update');
  return row;
}

export async function insertDevice(db: Db, row: typeof trustedDevices.$inferInsert): Promise<TrustedDeviceRow | undefined> {
  const [inserted] = await db.insert(trustedDevices).values(row).onConflictDoNothing({ target: trustedDevices.id }).returning();
  return inserted;
}

export async function updateDevice(db: Db, id: string, change: Partial<typeof trustedDevices.$inferInsert>): Promise<TrustedDeviceRow | undefined> {
  const [row] = await db.update(trustedDevices).set(change).where(eq(trustedDevices.id, id)).returning();
  return row;
}

export async function deleteDevice(db: Db, userId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(trustedDevices)
    .where(and(eq(trustedDevices.id, id), eq(trustedDevices.userId, userId)))
    .returning({ id: trustedDevices.id });
  return gone.length > 0;
}

/** A new password or the recovery key: no device opens without the password any more. */
export async function endEveryDeviceUnlock(db: Db, userId: string): Promise<void> {
  await db.delete(trustedDevices).where(eq(trustedDevices.userId, userId));
  await db.delete(deviceChallenges).where(eq(deviceChallenges.userId, userId));
}

export async function saveChallenge(db: Db, row: typeof deviceChallenges.$inferInsert): Promise<void> {
  // Old ones go first: a person has a handful at most.
  await db.delete(deviceChallenges).where(and(eq(deviceChallenges.userId, row.userId), lt(deviceChallenges.expiresAt, row.expiresAt)));
  await db.insert(deviceChallenges).values(row);
}

/** Takes the person's newest live challenge for this purpose and uses it up. */
export async function takeChallenge(db: Db, userId: string, purpose: string, at: Date): Promise<string | undefined> {
  const rows = await db
    .delete(deviceChallenges)
    .where(and(eq(deviceChallenges.userId, userId), eq(deviceChallenges.purpose, purpose)))
    .returning({ challenge: deviceChallenges.challenge, expiresAt: deviceChallenges.expiresAt });
  return rows.filter((r) => r.expiresAt.getTime() > at.getTime()).at(-1)?.challenge;
}
