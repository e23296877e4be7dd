import { createHmac, randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { localDateOf, nextLocalMidnight, planNudgeDay } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { memberships, nudgeDays, nudgePreferences, nudges, spaces, users } from '../db/schema.ts';
import { serverSecret } from '../db/secrets.ts';
import { notifyMany, type NewNotification } from '../notifications/notify.ts';

/** Rows handled per transaction, as for reminders: short locks, quick to drain a backlog. */
export const NUDGE_BATCH = 100;
/**
 * A nudge found this late (the server was down) is let go rather than sent: an hour
 * after its time it may fall in quiet hours or long after the moment it was meant for.
 */
export const NUDGE_LATE_LIMIT_MS = 60 * 60_000;
/** Name of the server secret that seeds the planner, so nobody can predict a day's times from outside. */
export const NUDGE_SEED_SECRET = 'nudge-seed';

const DAY_MS = 86_400_000;

/** The planner's seed for one user and local date: keyed by a server secret, stable across workers and retries. */
export function nudgeSeed(secret: Uint8Array, userId: string, localDate: string): string {
  return createHmac('sha256', secret).update(`hearth/touch/seed\n${userId}\n${localDate}`).digest('hex');
}

const minusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Plans the local day for every user whose day has begun and whose nudges are on,
 * once per (user, local date) whatever number of workers run: the `nudge_days` insert
 * is the idempotency key, and the nudges are inserted in the same transaction. Returns
 * how many users' days it planned.
 */
export async function planDueDays(db: Db, now: Date, secret: Uint8Array, batch = NUDGE_BATCH): Promise<number> {
  let planned = 0;
  for (;;) {
    const { claimed, done } = await db.transaction(async (tx) => planBatch(tx, now, secret, batch));
    planned += done;
    if (claimed < batch) return planned;
  }
}

async function planBatch(tx: Db, now: Date, secret: Uint8Array, batch: number): Promise<{ claimed: number; done: number }> {
  const due = await tx
    .select({
      userId: nudgePreferences.userId,
      dailyBudget: nudgePreferences.dailyBudget,
      spacingMinutes: nudgePreferences.spacingMinutes,
      timeZone: users.timeZone,
      activeStart: users.activeStart,
      activeEnd: users.activeEnd,
      quietStart: users.quietStart,
      quietEnd: users.quietEnd,
      spaceId: memberships.spaceId,
    })
    .from(nudgePreferences)
    .innerJoin(users, eq(users.id, nudgePreferences.userId))
    .innerJoin(memberships, eq(memberships.userId, nudgePreferences.userId))
    .innerJoin(spaces, and(eq(spaces.id, memberships.spaceId), eq(spaces.status, 'active')))
    .where(lte(nudgePreferences.nextPlanAt, now))
    .orderBy(asc(nudgePreferences.nextPlanAt))
    .limit(batch)
    .for('update', { of: nudgePreferences, skipLocked: true });

  let done = 0;
  for (const u of due) {
    const localDate = localDateOf(now, u.timeZone);
    // Moving the mark first means a plan that cannot be made (a zone this runtime lost) is not retried every poll.
    await tx.update(nudgePreferences).set({ nextPlanAt: nextLocalMidnight(now, u.timeZone) }).where(eq(nudgePreferences.userId, u.userId));
    const claimed = await tx.insert(nudgeDays).values({ userId: u.userId, localDate, plannedAt: now }).onConflictDoNothing().returning();
    if (claimed.length === 0 || u.dailyBudget === 0) continue;

    const week = await tx
      .select({ promptId: nudges.promptId, dueAt: nudges.dueAt, state: nudges.state, localDate: nudges.localDate })
      .from(nudges)
      .where(and(eq(nudges.userId, u.userId), gte(nudges.localDate, minusDays(localDate, 7))))
      .orderBy(asc(nudges.dueAt));
    const plan = planNudgeDay(
      {
        timeZone: u.timeZone,
        activeHours: { start: u.activeStart, end: u.activeEnd },
        quietHours: u.quietStart !== null && u.quietEnd !== null ? { start: u.quietStart, end: u.quietEnd } : null,
        dailyBudget: u.dailyBudget,
        minSpacingMinutes: u.spacingMinutes,
      },
      localDate,
      nudgeSeed(secret, u.userId, localDate),
      week.map((n) => n.promptId),
    );
    if (!plan.ok) continue;

    // Re-planned after a settings change: what already reached them today counts against
    // the budget and keeps its spacing, and nothing is planned in the past.
    const spacingMs = u.spacingMinutes * 60_000;
    const sentToday = week.filter((n) => n.localDate === localDate && n.state !== 'planned').map((n) => n.dueAt.getTime());
    const room = Math.max(0, u.dailyBudget - sentToday.length);
    const fresh = plan.value
      .filter((n) => Date.parse(n.at) > now.getTime() && sentToday.every((t) => Math.abs(Date.parse(n.at) - t) >= spacingMs))
      .slice(0, room);
    if (fresh.length > 0) {
      await tx.insert(nudges).values(
        fresh.map((n) => ({
          id: randomUUID(),
          userId: u.userId,
          spaceId: u.spaceId,
          localDate,
          dueAt: new Date(n.at),
          promptId: n.promptId,
          state: 'planned' as const,
        })),
      );
    }
    done++;
  }
  return { claimed: due.length, done };
}

/**
 * Sends every nudge whose time has come through the one notification path, exactly
 * once: claimed with SKIP LOCKED, notified and marked in one transaction, and the
 * notification's key `nudge:<id>` (or `nudge:<id>:snoozed` for the one re-send after a
 * snooze) stops a second copy. Returns how many it sent.
 */
export async function deliverDueNudges(db: Db, now: Date, batch = NUDGE_BATCH): Promise<number> {
  let sent = 0;
  for (;;) {
    const { claimed, inserted } = await db.transaction(async (tx) => deliverBatch(tx, now, batch));
    sent += inserted;
    if (claimed < batch) return sent;
  }
}

async function deliverBatch(tx: Db, now: Date, batch: number): Promise<{ claimed: number; inserted: number }> {
  const due = await tx
    .select({ id: nudges.id, userId: nudges.userId, spaceId: nudges.spaceId, state: nudges.state, dueAt: nudges.dueAt })
    .from(nudges)
    .where(and(inArray(nudges.state, ['planned', 'snoozed']), lte(nudges.dueAt, now)))
    .orderBy(asc(nudges.dueAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  if (due.length === 0) return { claimed: 0, inserted: 0 };

  const active = new Set(
    (
      await tx
        .select({ spaceId: memberships.spaceId, userId: memberships.userId })
        .from(memberships)
        .innerJoin(spaces, and(eq(spaces.id, memberships.spaceId), eq(spaces.status, 'active')))
        .where(inArray(memberships.userId, [...new Set(due.map((d) => d.userId))]))
    ).map((m) => `${m.userId}|${m.spaceId}`),
  );
  const send: NewNotification[] = [];
  const missed: string[] = [];
  for (const n of due) {
    if (!active.has(`${n.userId}|${n.spaceId}`) || now.getTime() - n.dueAt.getTime() > NUDGE_LATE_LIMIT_MS) {
      missed.push(n.id);
      continue;
    }
    send.push({
      userId: n.userId,
      spaceId: n.spaceId,
      // The event alone: which prompt it carries stays out of notifications and push payloads.
      event: 'nudge',
      itemId: null,
      itemKind: null,
      refId: n.id,
      dedupeKey: n.state === 'snoozed' ? `nudge:${n.id}:snoozed` : `nudge:${n.id}`,
      at: now,
    });
  }
  const inserted = await notifyMany(tx, send);
  const sentIds = send.map((s) => s.refId).filter((id) => id !== null);
  if (sentIds.length > 0) await tx.update(nudges).set({ state: 'delivered' }).where(inArray(nudges.id, sentIds));
  if (missed.length > 0) await tx.update(nudges).set({ state: 'missed' }).where(inArray(nudges.id, missed));
  return { claimed: due.length, inserted: inserted.length };
}

/**
 * The worker's Touch step: plan the days that have begun, then send what is due. The
 * seed secret is read once per worker (it never changes after the first start).
 */
export function touchWorkerStep(db: Db): (now: Date) => Promise<void> {
  let secret: Uint8Array | undefined;
  return async (now) => {
    secret ??= await serverSecret(db, NUDGE_SEED_SECRET);
    await planDueDays(db, now, secret);
    await deliverDueNudges(db, now);
  };
}

/** For tests: a user's nudges, earliest first. */
export async function nudgesOf(db: Db, userId: string) {
  return db.select().from(nudges).where(eq(nudges.userId, userId)).orderBy(asc(nudges.dueAt));
}

