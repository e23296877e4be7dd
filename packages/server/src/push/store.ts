import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { equalBytes, err, ok, utf8ToBytes, type Result } from '@hearth/core';
import type { PushSubscribeBody } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { pushSubscriptions } from '../db/schema.ts';
import { transact } from '../db/transact.ts';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/**
 * Saves this device's subscription for the signed-in person, or updates its choices.
 * Keyed by endpoint: the browser gives one per origin. A second account signing in on the
 * same browser may take the subscription over, but only by showing its keys (decision
 * 0050): the `auth` secret and `p256dh` key live in that browser and are never sent back
 * by the API, so knowing someone's endpoint URL alone cannot move their device.
 */
export async function saveSubscription(db: Db, userId: string, body: PushSubscribeBody, at: Date): Promise<Result<PushSubscriptionRow, 'conflict'>> {
  const values = {
    userId,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    label: body.label,
    previews: body.previews,
    discreet: body.discreet,
    updatedAt: at,
  };
  return transact(db, async (tx) => {
    const [inserted] = await tx
      .insert(pushSubscriptions)
      .values({ id: randomUUID(), endpoint: body.endpoint, createdAt: at, ...values })
      .onConflictDoNothing({ target: pushSubscriptions.endpoint })
      .returning();
    if (inserted !== undefined) return ok(inserted);
    const [held] = await tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, body.endpoint)).for('update');
    if (held === undefined) throw new Error('a push subscription vanished while it was being saved');
    // core's equalBytes compares in constant time.
    const same = (a: string, b: string) => equalBytes(utf8ToBytes(a), utf8ToBytes(b));
    const sameDevice = same(held.auth, body.keys.auth) && same(held.p256dh, body.keys.p256dh);
    if (held.userId !== userId && !sameDevice) return err('conflict', 'This device is registered to another account. Sign in there and turn notifications off first.');
    const [row] = await tx.update(pushSubscriptions).set(values).where(eq(pushSubscriptions.id, held.id)).returning();
    if (row === undefined) throw new Error('updating a push subscription returned no row');
    return ok(row);
  });
}

/** Only the owner can remove a subscription; someone else's endpoint is quietly not theirs. */
export async function removeSubscription(db: Db, userId: string, endpoint: string): Promise<boolean> {
  const gone = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
    .returning({ id: pushSubscriptions.id });
  return gone.length > 0;
}

export async function listSubscriptions(db: Db, userId: string): Promise<PushSubscriptionRow[]> {
  return db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).orderBy(asc(pushSubscriptions.createdAt));
}
