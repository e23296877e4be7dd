import { eq } from 'drizzle-orm';
import { randomBytes } from '@hearth/core/crypto';
import type { Db } from './open.ts';
import { serverSecrets } from './schema.ts';

/**
 * Returns the named secret, creating it on first use. Insert-then-read makes it
 * race-safe: when several processes start together, exactly one value wins and
 * all of them read that one.
 */
export async function serverSecret(db: Db, name: string, bytes = 32): Promise<Uint8Array> {
  return serverSecretFrom(db, name, () => randomBytes(bytes));
}

/** As `serverSecret`, for secrets that are not plain random bytes (a key pair): `make` runs only if none is stored yet. */
export async function serverSecretFrom(db: Db, name: string, make: () => Uint8Array): Promise<Uint8Array> {
  const [existing] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  if (existing !== undefined) return existing.value;
  await db.insert(serverSecrets).values({ name, value: make() }).onConflictDoNothing();
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  if (row === undefined) throw new Error(`server secret ${name} vanished after insert`);
  return row.value;
}
