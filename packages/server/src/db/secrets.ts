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
  await db.insert(serverSecrets).values({ name, value: randomBytes(bytes) }).onConflictDoNothing();
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  if (row === undefined) throw new Error(`server secret ${name} vanished after insert`);
  return row.value;
}
