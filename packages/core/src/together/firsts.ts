import { z } from 'zod/mini';
import { calendarDate } from '../support/bodies.ts';
import { parseDayKey, type DayKey } from '../talk/checkin-history.ts';
import { DATE_IDEAS, type DateIdea } from './ideas.ts';
import { weekIndex } from './weeks.ts';

/**
 * First firsts (DESIGN §2, practice 2): things a couple did together for the first
 * time. Novel, slightly exciting time together is what the research behind the
 * practice points at (Coulter & Malouff, 2013), so Hearth counts them — a count that
 * only grows, never a streak to break.
 */

/** A first, sealed and shared (`together-first`). */
export const togetherFirstBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** The day it happened, as the couple remember it. */
  date: calendarDate,
  /** A memory of it ("the waiter taught us the word for 'delicious'"). */
  note: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  /** The deck idea it came from, if any (a catalog id or an own idea's item id), so suggestions skip it. */
  ideaId: z._default(z.nullable(z.string().check(z.maxLength(64))), null),
});
export type TogetherFirstBody = z.infer<typeof togetherFirstBody>;

/**
 * Seasons are the meteorological quarters March–May, June–August, September–November
 * and December–February. The same blocks are spring in one hemisphere and autumn in the
 * other, so Hearth counts by block and names the months, never "spring" (decision 0021).
 */
export type Season = {
  /** "YYYY-MM" of the block's first month; December's block runs into the next year. */
  readonly start: string;
  /** The three months, "YYYY-MM". */
  readonly months: readonly [string, string, string];
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const monthKey = (year: number, month: number): string => {
  const index = year * 12 + (month - 1);
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
};

export function seasonOf(day: DayKey): Season | null {
  const d = parseDayKey(day);
  if (!d) return null;
  // Months since the block start: March, June, September and December are 0.
  const offset = (d.month + 9) % 3;
  const startIndex = d.year * 12 + (d.month - 1) - offset;
  const year = Math.floor(startIndex / 12);
  const month = (startIndex % 12) + 1;
  return { start: monthKey(year, month), months: [monthKey(year, month), monthKey(year, month + 1), monthKey(year, month + 2)] };
}

export type MonthCount = { readonly month: string; readonly count: number };

export type FirstsCounts = {
  readonly total: number;
  readonly thisMonth: number;
  readonly thisSeason: number;
  readonly season: Season;
  /** Months with at least one first, newest first. */
  readonly byMonth: readonly MonthCount[];
};

/** Counts by the date each first happened (not when it was written down). Unreadable dates count only in the total. */
export function firstsCounts(firsts: readonly { readonly date: string }[], today: DayKey): FirstsCounts | null {
  const season = seasonOf(today);
  if (!season) return null;
  const thisMonth = today.slice(0, 7);
  const perMonth = new Map<string, number>();
  for (const f of firsts) {
    if (!parseDayKey(f.date)) continue;
    const m = f.date.slice(0, 7);
    perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
  }
  const byMonth = [...perMonth].map(([month, count]) => ({ month, count })).sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  return {
    total: firsts.length,
    thisMonth: perMonth.get(thisMonth) ?? 0,
    thisSeason: season.months.reduce((n, m) => n + (perMonth.get(m) ?? 0), 0),
    season,
    byMonth,
  };
}

/** "3 firsts this season", "1 first this month"; none yet is an invitation, not a verdict. */
export function firstsCountText(count: number, period: 'season' | 'month'): string {
  if (count === 0) return `Nothing new yet this ${period} — there is room for a first.`;
  return `${String(count)} ${count === 1 ? 'first' : 'firsts'} this ${period}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "December–February", "March–May". */
export function seasonMonthsLabel(season: Season): string {
  const name = (key: string) => MONTH_NAMES[Number(key.slice(5, 7)) - 1] ?? key;
  return `${name(season.months[0])}–${name(season.months[2])}`;
}

/** "November 2026". */
export function monthLabel(month: string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return name ? `${name} ${month.slice(0, 4)}` : month;
}

/**
 * A few catalog ideas likely to be a first for this couple: marked first-first and not
 * yet recorded as one. The window moves on each week, so the suggestions change
 * without anyone asking, and stay put through a week of visits.
 */
export function suggestFirsts(doneIdeaIds: ReadonlySet<string>, today: DayKey, count = 3, catalog: readonly DateIdea[] = DATE_IDEAS): DateIdea[] {
  const open = catalog.filter((i) => i.firstFirst && !doneIdeaIds.has(i.id));
  if (open.length === 0) return [];
  const week = weekIndex(today) ?? 0;
  const start = (((week * count) % open.length) + open.length) % open.length;
  const picked: DateIdea[] = [];
  for (let k = 0; k < Math.min(count, open.length); k++) {
    const idea = open[(start + k) % open.length];
    if (idea) picked.push(idea);
  }
  return picked;
}
