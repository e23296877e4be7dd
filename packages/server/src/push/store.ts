import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { PushSubscribeBody } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { pushSubscriptions } from '../db/schema.ts';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/**
 * Saves this device's subscription for the signed-in person, or updates its choices.
 * Keyed by endpoint: the browser gives one per origin, so a second account signing in on
 * the same device takes the subscription over (the first no longer gets pushes there).
 */
export async function saveSubscription(db: Db, userId: string, body: PushSubscribeBody, at: Date): Promise<PushSubscriptionRow> {
  const values = {
    userId,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    label: body.label,
    previews: body.previews,
    discreet: body.discreet,
    updatedAt: at,
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ id: randomUUID(), endpoint: body.endpoint, createdAt: at, ...values })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning();
  if (row === undefined) throw new Error('saving a push subscription returned no row');
  return row;
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
