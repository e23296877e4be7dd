import { randomUUID } from 'node:crypto';
import type { ItemKindName } from '@hearth/core';
import type { NotificationEvent } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { notifications } from '../db/schema.ts';
import { enqueuePushes } from '../push/outbox.ts';
import type { NotificationRow } from './store.ts';

export type NewNotification = {
  readonly userId: string;
  readonly spaceId: string;
  readonly event: NotificationEvent;
  readonly itemId: string | null;
  readonly itemKind: ItemKindName | null;
  readonly refId: string | null;
  /**
   * Unique per recipient: the same key twice is one notification. Callers build it from
   * what makes the event unique (`reminder:<item>:<instant>`, `nudge:<id>`), so a retry,
   * a crash or a second worker can never notify twice.
   */
  readonly dedupeKey: string;
  readonly remindAt?: Date | null;
  readonly at: Date;
  /**
   * A preview sealed by the sender's device under the space's push-preview key
   * (`sealPushPreview` in core). The server cannot read it; it is pushed only to the
   * recipient's devices that turned previews on.
   */
  readonly preview?: Uint8Array | null;
};

/**
 * The one way anybody is notified. Every source (reminders, nudges, messages) calls it
 * inside its own transaction, so the notification commits or rolls back with the change
 * that caused it. Returns the rows that are new; a known key is skipped quietly.
 */
export async function notifyMany(tx: Db, list: readonly NewNotification[]): Promise<NotificationRow[]> {
  if (list.length === 0) return [];
  const rows = list.map((n) => ({
    id: randomUUID(),
    userId: n.userId,
    spaceId: n.spaceId,
    event: n.event,
    itemId: n.itemId,
    itemKind: n.itemKind,
    refId: n.refId,
    dedupeKey: n.dedupeKey,
    remindAt: n.remindAt ?? null,
    createdAt: n.at,
  }));
  const created = await tx.insert(notifications).values(rows).onConflictDoNothing().returning();
  // Same transaction: a notification and its pushes commit (or roll back) together (decision 0025).
  await enqueuePushes(tx, created, list);
  return created;
}

/** One notification; whether it was new. */
export async function notify(tx: Db, n: NewNotification): Promise<boolean> {
  return (await notifyMany(tx, [n])).length === 1;
}
