import { localDayKey, type DayKey } from '../talk/checkin-history.ts';
import { addDays, weekdayOf } from './key-dates.ts';

/**
 * The week's balance, a private look for each partner: warm moments (thank-yous and
 * celebrations, given and received) alongside hard conversations opened (Talk's
 * topics). Couples research often cites about five positive interactions for each
 * negative one during conflict; Hearth shows the counts and a gentle sentence, never
 * a ratio to beat.
 */

export type BalanceItem = { readonly kind: string; readonly authorId: string; readonly createdAt: string };

export type WeekBalance = {
  /** Monday and Sunday of the week, in the person's time zone. */
  readonly from: DayKey;
  readonly to: DayKey;
  readonly given: { readonly appreciations: number; readonly celebrations: number };
  readonly received: { readonly appreciations: number; readonly celebrations: number };
  /** Hard conversations opened this week, by either partner. */
  readonly hard: number;
  /** All warm moments between the two of you this week. */
  readonly warm: number;
};

/** The Monday of the week `day` falls in. */
export function weekStart(day: DayKey): DayKey | null {
  const wd = weekdayOf(day);
  return wd === null ? null : addDays(day, -wd);
}

export function weekBalance(items: readonly BalanceItem[], me: string, now: Date, timeZone: string): WeekBalance | null {
  const today = localDayKey(now, timeZone);
  const from = today === null ? null : weekStart(today);
  const to = from === null ? null : addDays(from, 6);
  if (from === null || to === null) return null;
  const given = { appreciations: 0, celebrations: 0 };
  const received = { appreciations: 0, celebrations: 0 };
  let hard = 0;
  for (const item of items) {
    const day = localDayKey(item.createdAt, timeZone);
    if (day === null || day < from || day > to) continue;
    const side = item.authorId === me ? given : received;
    if (item.kind === 'support-thanks') side.appreciations += 1;
    else if (item.kind === 'support-celebration') side.celebrations += 1;
    else if (item.kind === 'talk-topic') hard += 1;
  }
  const warm = given.appreciations + given.celebrations + received.appreciations + received.celebrations;
  return { from, to, given, received, hard, warm };
}

/** About five warm moments for each hard one: the guideline, as a threshold for wording only. */
export const WARM_PER_HARD = 5;

/** One kind sentence about the week; it describes, it does not grade. */
export function balanceNote(b: Pick<WeekBalance, 'warm' | 'hard'>): string {
  if (b.hard === 0 && b.warm === 0) return 'A quiet week so far. A small thank-you is an easy place to start.';
  if (b.hard === 0) return 'No hard conversations this week, and some warm moments between you.';
  if (b.warm >= b.hard * WARM_PER_HARD) return 'Plenty of warmth around the hard conversations this week.';
  if (b.warm === 0) return 'A week with hard conversations. A thank-you or a cheer for a win can soften it a little.';
  return 'Hard conversations have taken some room this week. A few more warm moments can help carry them.';
}

/** Whether today is my chosen day for the weekly appreciation prompt and I have not thanked my partner yet today. */
export function weeklyPromptDue(
  promptDay: number | null,
  myThanks: readonly { readonly authorId: string; readonly createdAt: string }[],
  me: string,
  now: Date,
  timeZone: string,
): boolean {
  if (promptDay === null) return false;
  const today = localDayKey(now, timeZone);
  if (today === null || weekdayOf(today) !== promptDay) return false;
  return !myThanks.some((t) => t.authorId === me && localDayKey(t.createdAt, timeZone) === today);
}
