import { localDayKey, type DayKey } from '../talk/checkin-history.ts';
import { weekStart } from '../support/balance.ts';
import { addDays, daysBetween } from '../support/key-dates.ts';

/**
 * "Our week": a look back over the last seven days, made on the device from what
 * the couple can read, plus one gentle next step. It counts; it never scores.
 *
 * Kinds are grouped into the practices a couple would recognise. A kind missing
 * from the table (a private record, a preference, anything Spark) is not counted,
 * so a new practice has to opt in here before it shows up in a summary or an email.
 */

export const WEEK_CATEGORIES = ['checkins', 'together', 'firsts', 'appreciations', 'support'] as const;
export type WeekCategory = (typeof WEEK_CATEGORIES)[number];

export const WEEK_CATEGORY_LABEL: Record<WeekCategory, { readonly one: string; readonly many: string }> = {
  checkins: { one: 'check-in', many: 'check-ins' },
  together: { one: 'time together', many: 'times together' },
  firsts: { one: 'first', many: 'firsts' },
  appreciations: { one: 'thank-you', many: 'thank-yous' },
  support: { one: 'moment of support', many: 'moments of support' },
};

const CATEGORY_OF_KIND: Readonly<Record<string, WeekCategory>> = {
  checkin: 'checkins',
  'support-thanks': 'appreciations',
  'support-response': 'support',
  'support-celebration': 'support',
  // A ritual or date marked on the device; only "we did it" counts (the page reads the mark).
  'together-mark': 'together',
  'together-first': 'firsts',
};

export function weekCategoryOf(kind: string): WeekCategory | null {
  return Object.hasOwn(CATEGORY_OF_KIND, kind) ? (CATEGORY_OF_KIND[kind] ?? null) : null;
}

/** Every kind that counts towards a week on the device. */
export const WEEK_KINDS: readonly string[] = Object.keys(CATEGORY_OF_KIND);

/**
 * What the server's digest may count: it sees kinds, not contents, so it cannot tell
 * "we did it" from "skipped" and leaves time together out rather than count skips.
 */
export const DIGEST_KINDS: readonly string[] = WEEK_KINDS.filter((k) => k !== 'together-mark');
export type DigestCategory = Exclude<WeekCategory, 'together'>;
export const DIGEST_CATEGORIES: readonly DigestCategory[] = ['checkins', 'firsts', 'appreciations', 'support'];

export type WeekEntry = { readonly kind: string; readonly authorId: string; readonly createdAt: string };

export type WeekCount = { readonly mine: number; readonly partner: number };

export type NextStep = { readonly code: 'plan-time-together' | 'check-in' | 'say-thanks' | 'keep-going'; readonly text: string; readonly href: string };

export type WeekSummary = {
  /** The first and last local day looked at (seven days ending today). */
  readonly from: DayKey;
  readonly to: DayKey;
  readonly counts: Readonly<Record<WeekCategory, WeekCount>>;
  /** Days since the couple last spent time together that they marked, or null if never. */
  readonly daysSinceTogether: number | null;
  readonly nextStep: NextStep;
};

/** Three weeks without time together is when Hearth starts suggesting some. */
export const TOGETHER_GAP_DAYS = 21;

function emptyCounts(): Record<WeekCategory, { mine: number; partner: number }> {
  return { checkins: { mine: 0, partner: 0 }, together: { mine: 0, partner: 0 }, firsts: { mine: 0, partner: 0 }, appreciations: { mine: 0, partner: 0 }, support: { mine: 0, partner: 0 } };
}

export type WeekInput = {
  readonly entries: readonly WeekEntry[];
  readonly me: string;
  readonly now: Date;
  readonly timeZone: string;
  /** Ideas both partners said yes to (the ideas deck), for the "no date lately" step. */
  readonly matchedIdeas: number;
};

export function summarizeWeek(input: WeekInput): WeekSummary | null {
  const to = localDayKey(input.now, input.timeZone);
  const from = to === null ? null : addDays(to, -6);
  if (to === null || from === null) return null;
  const counts = emptyCounts();
  let lastTogether: DayKey | null = null;
  for (const entry of input.entries) {
    const category = weekCategoryOf(entry.kind);
    const day = localDayKey(entry.createdAt, input.timeZone);
    if (category === null || day === null || day > to) continue;
    if (category === 'together' && (lastTogether === null || day > lastTogether)) lastTogether = day;
    if (day < from) continue;
    counts[category][entry.authorId === input.me ? 'mine' : 'partner'] += 1;
  }
  const daysSinceTogether = lastTogether === null ? null : daysBetween(lastTogether, to);
  return { from, to, counts, daysSinceTogether, nextStep: nextStepFor(counts, daysSinceTogether, input.matchedIdeas) };
}

const total = (c: WeekCount): number => c.mine + c.partner;

/** The single most useful thing to do next, in order: time together, talking, warmth. */
export function nextStepFor(counts: Readonly<Record<WeekCategory, WeekCount>>, daysSinceTogether: number | null, matchedIdeas: number): NextStep {
  if (total(counts.together) === 0 && (daysSinceTogether === null || daysSinceTogether >= TOGETHER_GAP_DAYS)) {
    const gap = daysSinceTogether === null ? 'No time together marked yet' : 'No date in three weeks';
    return matchedIdeas > 0
      ? { code: 'plan-time-together', text: `${gap} — here are your matched ideas.`, href: '/app/together/ideas' }
      : { code: 'plan-time-together', text: `${gap} — swipe through some ideas together and see what you both like.`, href: '/app/together/ideas' };
  }
  if (counts.checkins.mine === 0) return { code: 'check-in', text: 'No check-in from you this week. Two minutes on how you feel is a good start.', href: '/app/talk' };
  if (counts.appreciations.mine === 0) return { code: 'say-thanks', text: 'Think of one thing your partner did this week, and thank them for it.', href: '/app/support/thanks' };
  return { code: 'keep-going', text: 'A good week between you. Keep doing the small things.', href: '/app/' };
}

/** "3 check-ins", "1 time together", or "no check-ins". */
export function describeCount(category: WeekCategory, n: number): string {
  const label = WEEK_CATEGORY_LABEL[category];
  return n === 0 ? `no ${label.many}` : `${n} ${n === 1 ? label.one : label.many}`;
}

/**
 * The weekly email digest: counts only, never content, and only of shared practices.
 * It covers the last full week (Monday to Sunday in the reader's zone) and is due from
 * Monday 09:00 to the end of Tuesday their time (a worker that was down on Monday
 * catches up; an old week is never sent late). `week` is that Monday, the key that
 * makes it once a week.
 */
export type DigestPlan = { readonly week: DayKey; readonly from: DayKey; readonly to: DayKey };

export const DIGEST_HOUR = 9;

export function digestDue(now: Date, timeZone: string): DigestPlan | null {
  const today = localDayKey(now, timeZone);
  const monday = today === null ? null : weekStart(today);
  if (today === null || monday === null) return null;
  const hour = localHour(now, timeZone);
  if (hour === null) return null;
  const sinceMonday = daysBetween(monday, today);
  if (sinceMonday === null || sinceMonday > 1 || (sinceMonday === 0 && hour < DIGEST_HOUR)) return null;
  const from = addDays(monday, -7);
  const to = from === null ? null : addDays(from, 6);
  const week = to === null ? null : addDays(to, 1);
  return from === null || to === null || week === null ? null : { week, from, to };
}

function localHour(now: Date, timeZone: string): number | null {
  try {
    return Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now));
  } catch {
    return null;
  }
}

export type DigestMail = { readonly subject: string; readonly text: string };

/** The email's words. Neutral subject (a shared inbox or a lock screen may show it). */
export function digestMail(counts: Readonly<Record<DigestCategory, number>>, from: DayKey, to: DayKey, appUrl: string): DigestMail {
  const lines = DIGEST_CATEGORIES.map((c) => `- ${describeCount(c, counts[c])}`);
  const quiet = DIGEST_CATEGORIES.every((c) => counts[c] === 0);
  return {
    subject: 'Your week in Hearth',
    text: [
      `Your week in Hearth, ${from} to ${to}:`,
      '',
      ...lines,
      '',
      quiet ? 'A quiet week. A small thank-you is an easy place to start again.' : 'Open Hearth to see your week together.',
      appUrl,
      '',
      'You get this because you turned on the weekly digest in Hearth’s settings. Turn it off there at any time.',
    ].join('\n'),
  };
}
