import { and, asc, eq, inArray, isNotNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import {
  REMIND_DAILY_KINDS,
  REMIND_WEEKLY_KINDS,
  SCHEDULED_KINDS,
  SPARK_KINDS,
  kindRule,
  nextDailyReminderAt,
  nextPlanReminderAt,
  nextWeekAfter,
  nextWithinReminderHours,
  withinReminderHours,
} from '@hearth/core';
import { itemKind } from '@hearth/core/api';
import { items, memberships, notifications, spaces, users } from '../db/schema.ts';
import { notifyMany, type NewNotification } from './notify.ts';
import { scheduleOf } from '../items/store.ts';
import { sparkDeliverable } from '../spark/store.ts';

/** Spark kinds that never notify; they cannot be scheduled either, so they are never due. */
const SILENT_SPARK_KINDS = SPARK_KINDS.filter((k) => kindRule(k).spark?.notify !== true);

/** Items claimed per transaction: small enough that locks are short, large enough to drain a backlog fast. */
export const DISPATCH_BATCH = 100;

/**
 * Turns every reminder whose `remindAt` has passed into one in-app notification per
 * recipient, and returns how many it created. Safe to run from any number of workers
 * at once, and to crash at any point:
 * - a batch of due items is claimed with `FOR UPDATE SKIP LOCKED`, so concurrent
 *   workers take different items instead of queueing behind each other;
 * - the notifications are inserted in the same transaction, so a crash loses nothing
 *   (the claim is rolled back and the next poll takes the items again);
 * - the dedupe key `reminder:<item>:<remindAt>` is the idempotency key: even a worker
 *   that read an old snapshot cannot add a second copy (`notifyMany`, unique per recipient).
 * An item counts as handled once a notification exists for its current `remindAt`, so
 * moving `remindAt` later re-arms it. Private records are never notified (decision 0013).
 * A scheduled Spark message is delivered to the partner only, as a neutral "message",
 * and only while Spark allows it; while paused it simply is not due yet (decision 0033).
 */
export async function dispatchDueReminders(db: Db, now: Date, batch = DISPATCH_BATCH): Promise<number> {
  let created = 0;
  for (;;) {
    const { claimed, inserted } = await db.transaction(async (tx) => dispatchBatch(tx, now, batch));
    created += inserted;
    if (claimed < batch) return created;
  }
}

async function dispatchBatch(tx: Db, now: Date, batch: number): Promise<{ claimed: number; inserted: number }> {
  // Notifications keep JavaScript's millisecond precision; a remind_at written with microseconds
  // (by SQL, not the API) would otherwise never count as handled and be claimed forever.
  const handled = sql`exists (select 1 from ${notifications} where ${notifications.itemId} = ${items.id}
    and ${notifications.spaceId} = ${items.spaceId} and ${notifications.remindAt} = date_trunc('milliseconds', ${items.remindAt}))`;
  const spaceActive = sql`exists (select 1 from ${spaces} where ${spaces.id} = ${items.spaceId} and ${spaces.status} = 'active')`;
  const due = await tx
    .select({
      id: items.id,
      spaceId: items.spaceId,
      authorId: items.authorId,
      kind: items.kind,
      visibility: items.visibility,
      remindAt: items.remindAt,
      schedule: items.schedule,
    })
    .from(items)
    .where(
      and(
        isNotNull(items.remindAt),
        lte(items.remindAt, now),
        ne(items.kind, 'private-record'),
        notInArray(items.kind, SILENT_SPARK_KINDS),
        or(notInArray(items.kind, [...SPARK_KINDS]), sparkDeliverable()),
        spaceActive,
        sql`not ${handled}`,
      ),
    )
    .orderBy(asc(items.remindAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  if (due.length === 0) return { claimed: 0, inserted: 0 };
  const deferred = await deferOutOfHours(tx, due, now);

  const members = await tx
    .select({ spaceId: memberships.spaceId, userId: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.spaceId, [...new Set(due.map((d) => d.spaceId))]));

  const rows: NewNotification[] = [];
  for (const item of due) {
    if (item.remindAt === null || deferred.has(keyOf(item))) continue;
    const kind = itemKind.parse(item.kind);
    const spark = kindRule(kind).spark !== undefined;
    // Shared items remind both partners; a private item only its author (if still in the space); a Spark message only its recipient.
    const recipients = members.filter(
      (m) => m.spaceId === item.spaceId && (spark ? m.userId !== item.authorId : item.visibility === 'shared' || m.userId === item.authorId),
    );
    for (const r of recipients) {
      rows.push({
        userId: r.userId,
        spaceId: item.spaceId,
        event: spark ? 'message' : 'reminder',
        itemId: item.id,
        itemKind: spark ? null : kind,
        refId: null,
        dedupeKey: `reminder:${item.id}:${item.remindAt.toISOString()}`,
        remindAt: item.remindAt,
        at: now,
      });
    }
  }
  const inserted = await notifyMany(tx, rows);
  await rearmDaily(
    tx,
    due.filter((d) => !deferred.has(keyOf(d))),
    now,
  );
  await rearmScheduled(tx, due, now);
  return { claimed: due.length, inserted: inserted.length };
}

const keyOf = (item: { spaceId: string; id: string }) => `${item.spaceId}:${item.id}`;

/**
 * A weekly reminder (Reconnect's) only reaches its author inside their active hours
 * and outside their quiet hours, read now in their zone: one due at another moment (the
 * hours changed after it was set, or the worker was down) moves to the next allowed
 * moment instead, and fires then. Returns the items moved, which notify nobody now.
 */
async function deferOutOfHours(tx: Db, due: readonly { id: string; spaceId: string; authorId: string; kind: string }[], now: Date): Promise<Set<string>> {
  const weekly = due.filter((d) => REMIND_WEEKLY_KINDS.some((k) => k === d.kind));
  const moved = new Set<string>();
  if (weekly.length === 0) return moved;
  const authors = await tx
    .select({ id: users.id, timeZone: users.timeZone, activeStart: users.activeStart, activeEnd: users.activeEnd, quietStart: users.quietStart, quietEnd: users.quietEnd })
    .from(users)
    .where(inArray(users.id, [...new Set(weekly.map((d) => d.authorId))]));
  for (const item of weekly) {
    const author = authors.find((a) => a.id === item.authorId);
    if (author === undefined) continue;
    const hours = {
      active: { start: author.activeStart, end: author.activeEnd },
      quiet: author.quietStart !== null && author.quietEnd !== null ? { start: author.quietStart, end: author.quietEnd } : null,
    };
    if (withinReminderHours(now, author.timeZone, hours)) continue;
    // Hours that allow no minute at all would hold the reminder back for ever; it goes out as set.
    const next = nextWithinReminderHours(now, author.timeZone, hours);
    if (next === null) continue;
    await tx.update(items).set({ remindAt: next }).where(and(eq(items.spaceId, item.spaceId), eq(items.id, item.id)));
    moved.add(keyOf(item));
  }
  return moved;
}

/**
 * A daily reminder (e.g. the daily question) fires again tomorrow at the same local
 * time in its author's zone, whether or not the app was opened in between; a weekly one
 * (Reconnect's) a week later, past now. Done in the
 * claiming transaction, so the move and the notification commit or roll back together.
 */
async function rearmDaily(tx: Db, due: readonly { id: string; spaceId: string; authorId: string; kind: string; remindAt: Date | null }[], now: Date): Promise<void> {
  const daily = due.filter((d) => REMIND_DAILY_KINDS.some((k) => k === d.kind) || REMIND_WEEKLY_KINDS.some((k) => k === d.kind));
  if (daily.length === 0) return;
  const zones = await tx
    .select({ id: users.id, timeZone: users.timeZone })
    .from(users)
    .where(inArray(users.id, [...new Set(daily.map((d) => d.authorId))]));
  for (const item of daily) {
    const zone = zones.find((z) => z.id === item.authorId)?.timeZone;
    if (item.remindAt === null || zone === undefined) continue;
    const next = REMIND_WEEKLY_KINDS.some((k) => k === item.kind) ? nextWeekAfter(item.remindAt, now, zone) : nextDailyReminderAt(item.remindAt, now, zone);
    if (next !== null) await tx.update(items).set({ remindAt: new Date(next) }).where(and(eq(items.spaceId, item.spaceId), eq(items.id, item.id)));
  }
}

/**
 * A ritual's reminder moves on to the next occurrence's as soon as it fires (decision
 * 0016), in the same transaction. From whichever is later, the fired instant or now: a
 * worker that was down for a week sends one reminder, not a backlog. A date (no rule)
 * has none left and its `remindAt` becomes null.
 */
async function rearmScheduled(tx: Db, due: readonly { id: string; spaceId: string; kind: string; remindAt: Date | null; schedule: unknown }[], now: Date): Promise<void> {
  for (const item of due) {
    if (item.remindAt === null || !SCHEDULED_KINDS.some((k) => k === item.kind)) continue;
    const schedule = scheduleOf(item);
    const from = new Date(Math.max(item.remindAt.getTime(), now.getTime()));
    const next = schedule === null ? null : nextPlanReminderAt(schedule, from);
    await tx.update(items).set({ remindAt: next }).where(and(eq(items.spaceId, item.spaceId), eq(items.id, item.id)));
  }
}

/** For tests: whether a notification exists for this recipient (used to check scoping). */
export async function notificationsFor(db: Db, userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt));
}
