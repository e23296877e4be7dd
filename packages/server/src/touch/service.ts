import { and, desc, eq, gte, inArray, ne } from 'drizzle-orm';
import { err, localDateOf, ok, type Result } from '@hearth/core';
import type { NudgePreferences, NudgeView, TouchResponse } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { memberships, notifications, nudgeDays, nudgePreferences, nudges, users } from '../db/schema.ts';
import { transact } from '../db/transact.ts';
import { notifyMany } from '../notifications/notify.ts';

/** How long a snooze puts a nudge off. It comes back once; a second snooze is not offered. */
export const SNOOZE_MS = 60 * 60_000;
const WEEK_MS = 7 * 86_400_000;

type NudgeRow = typeof nudges.$inferSelect;

export function nudgeView(row: NudgeRow): NudgeView {
  return {
    id: row.id,
    dueAt: row.dueAt.toISOString(),
    promptId: row.promptId,
    state: row.state,
    snoozed: row.snoozedAt !== null,
    sentThinkingOfYou: row.sentThinkingOfYou !== null,
  };
}

const DONE_HISTORY_MS = 60 * 86_400_000;

/** Everything the Touch page shows one user; nothing here is about the partner except when they sent a "thinking of you". */
export async function touchOverview(db: Db, userId: string, now: Date): Promise<TouchResponse> {
  const [user] = await db
    .select({
      timeZone: users.timeZone,
      activeStart: users.activeStart,
      activeEnd: users.activeEnd,
      quietStart: users.quietStart,
      quietEnd: users.quietEnd,
      dailyBudget: nudgePreferences.dailyBudget,
      spacingMinutes: nudgePreferences.spacingMinutes,
    })
    .from(users)
    .leftJoin(nudgePreferences, eq(nudgePreferences.userId, users.id))
    .where(eq(users.id, userId));
  if (user === undefined) throw new Error('signed-in user vanished');
  const preferences: NudgePreferences | null =
    user.dailyBudget === null || user.spacingMinutes === null
      ? null
      : {
          timeZone: user.timeZone,
          activeHours: { start: user.activeStart, end: user.activeEnd },
          quietHours: user.quietStart !== null && user.quietEnd !== null ? { start: user.quietStart, end: user.quietEnd } : null,
          dailyBudget: user.dailyBudget,
          spacingMinutes: user.spacingMinutes,
        };

  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const today = localDateOf(now, user.timeZone);
  const recent = await db
    .select()
    .from(nudges)
    .where(and(eq(nudges.userId, userId), gte(nudges.dueAt, weekAgo)))
    .orderBy(nudges.dueAt);
  // Snoozed nudges count as reached: they did arrive once.
  const reached = recent.filter((n) => n.state !== 'planned' && n.state !== 'missed');
  const thoughts = await db
    .select({ at: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.event, 'thinking-of-you'), gte(notifications.createdAt, weekAgo)))
    .orderBy(desc(notifications.createdAt));
  // Reconnect's touch weeks count done nudges on the device (issue 21); two months covers a paused programme.
  const done = await db
    .select({ at: nudges.answeredAt })
    .from(nudges)
    .where(and(eq(nudges.userId, userId), eq(nudges.state, 'done'), gte(nudges.answeredAt, new Date(now.getTime() - DONE_HISTORY_MS))))
    .orderBy(nudges.answeredAt);
  return {
    preferences,
    doneAt: done.flatMap((d) => (d.at === null ? [] : [d.at.toISOString()])),
    today: reached.filter((n) => n.localDate === today || n.state === 'delivered' || n.state === 'snoozed').map(nudgeView),
    laterToday: recent.filter((n) => n.state === 'planned' && n.localDate === today).length,
    week: { done: reached.filter((n) => n.state === 'done').length, delivered: reached.length },
    thinkingOfYou: thoughts.map((t) => t.at.toISOString()),
  };
}

/**
 * Saves a user's nudge settings and turns nudges on. Today's plan is dropped (what is
 * still waiting, not what already arrived), so the worker plans the rest of today with
 * the new settings at its next poll.
 */
export async function savePreferences(db: Db, userId: string, p: NudgePreferences, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        timeZone: p.timeZone,
        activeStart: p.activeHours.start,
        activeEnd: p.activeHours.end,
        quietStart: p.quietHours?.start ?? null,
        quietEnd: p.quietHours?.end ?? null,
        updatedAt: now,
      })
      .where(eq(users.id, userId));
    const values = { dailyBudget: p.dailyBudget, spacingMinutes: p.spacingMinutes, nextPlanAt: now, updatedAt: now };
    await tx
      .insert(nudgePreferences)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: nudgePreferences.userId, set: values });
    const dropped = await tx
      .delete(nudges)
      .where(and(eq(nudges.userId, userId), eq(nudges.state, 'planned')))
      .returning({ localDate: nudges.localDate });
    const dates = [...new Set([localDateOf(now, p.timeZone), ...dropped.map((d) => d.localDate)])];
    await tx.delete(nudgeDays).where(and(eq(nudgeDays.userId, userId), inArray(nudgeDays.localDate, dates)));
  });
}

export async function isOwnNudge(db: Db, userId: string, nudgeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: nudges.id })
    .from(nudges)
    .where(and(eq(nudges.id, nudgeId), eq(nudges.userId, userId)));
  return row !== undefined;
}

export type NudgeActionError = 'not_found' | 'conflict';
export type NudgeAction = { readonly kind: 'done'; readonly thinkingOfYou: boolean } | { readonly kind: 'snooze' } | { readonly kind: 'not-now' };

/**
 * The recipient's answer to a nudge. Scoped by the user, so someone else's nudge is
 * "not found". Retrying the same answer returns the nudge unchanged; "did it" may be
 * repeated to add the "thinking of you" if the first try did not ask for it.
 */
export async function answerNudge(db: Db, userId: string, nudgeId: string, action: NudgeAction, now: Date): Promise<Result<NudgeView, NudgeActionError>> {
  return transact(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(nudges)
      .where(and(eq(nudges.id, nudgeId), eq(nudges.userId, userId)))
      .for('update');
    if (row === undefined) return err('not_found', 'No such nudge.');
    if (row.state === 'planned' || row.state === 'missed') return err('conflict', 'This nudge has not reached you.');

    if (action.kind === 'snooze') {
      if (row.state === 'snoozed') return ok(nudgeView(row));
      if (row.state !== 'delivered') return err('conflict', 'This nudge is already answered.');
      if (row.snoozedAt !== null) return err('conflict', 'A nudge can be snoozed once.');
      const [updated] = await tx
        .update(nudges)
        .set({ state: 'snoozed', snoozedAt: now, dueAt: new Date(now.getTime() + SNOOZE_MS) })
        .where(eq(nudges.id, row.id))
        .returning();
      return ok(nudgeView(updated ?? row));
    }

    const target = action.kind === 'done' ? 'done' : 'not-now';
    if (row.state !== target && row.state !== 'delivered' && row.state !== 'snoozed') return err('conflict', 'This nudge is already answered.');
    const sendThought = action.kind === 'done' && action.thinkingOfYou && row.sentThinkingOfYou === null;
    if (sendThought) {
      const partners = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.spaceId, row.spaceId), ne(memberships.userId, userId)));
      // Content-free: the partner learns that you thought of them, not which prompt or when it was due.
      await notifyMany(
        tx,
        partners.map((p) => ({
          userId: p.userId,
          spaceId: row.spaceId,
          event: 'thinking-of-you' as const,
          itemId: null,
          itemKind: null,
          refId: null,
          dedupeKey: `thinking-of-you:${row.id}`,
          at: now,
        })),
      );
    }
    const [updated] = await tx
      .update(nudges)
      .set({
        state: target,
        answeredAt: row.answeredAt ?? now,
        ...(sendThought ? { sentThinkingOfYou: now } : {}),
      })
      .where(eq(nudges.id, row.id))
      .returning();
    return ok(nudgeView(updated ?? row));
  });
}
