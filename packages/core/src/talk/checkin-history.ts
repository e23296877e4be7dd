/**
 * Check-in history, as pure functions of item metadata: which calendar day a
 * check-in belongs to in someone's own time zone, a month laid out as weeks, and
 * which of the partner's check-ins are still waiting for a "heard you".
 */

/** A calendar date as "YYYY-MM-DD". */
export type DayKey = string;

/** A month of a year; month is 1–12. */
export type YearMonth = { readonly year: number; readonly month: number };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'gregory' });
    } catch {
      // An unknown zone (a settings value from another device's runtime): UTC rather than a crash.
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'gregory' });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar day an instant falls on in the given IANA time zone, e.g. a check-in
 * at 23:30 UTC is already the next day in Europe/Berlin. Null for an unreadable time.
 */
export function localDayKey(at: string | Date, timeZone: string): DayKey | null {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Groups items by the local day of `createdAt`, each day's items oldest first. Unreadable times are left out. */
export function groupByLocalDay<T extends { readonly createdAt: string }>(items: readonly T[], timeZone: string): Map<DayKey, T[]> {
  const days = new Map<DayKey, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  for (const item of sorted) {
    const key = localDayKey(item.createdAt, timeZone);
    if (key === null) continue;
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  }
  return days;
}

export function parseDayKey(key: DayKey): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(key);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function monthOf(key: DayKey): YearMonth | null {
  const d = parseDayKey(key);
  return d ? { year: d.year, month: d.month } : null;
}

export function addMonths(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export type MonthDay<T> = {
  readonly key: DayKey;
  /** Day of the month, 1–31. */
  readonly day: number;
  /** False for the days of the previous and next month that fill the first and last week. */
  readonly inMonth: boolean;
  /** Monday = 0 … Sunday = 6. */
  readonly weekday: number;
  readonly items: readonly T[];
};

export type MonthGrid<T> = {
  readonly year: number;
  readonly month: number;
  /** Four to six weeks of seven days, Monday first. */
  readonly weeks: readonly (readonly MonthDay<T>[])[];
};

const DAY_MS = 86_400_000;

/** The month laid out Monday-first as full weeks, each day with its items from `byDay` (see groupByLocalDay). */
export function monthGrid<T>(ym: YearMonth, byDay: ReadonlyMap<DayKey, readonly T[]>): MonthGrid<T> {
  // Calendar arithmetic in UTC: no time zone or daylight saving can shift a day here.
  const first = Date.UTC(ym.year, ym.month - 1, 1);
  const daysInMonth = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const cells = Math.ceil((lead + daysInMonth) / 7) * 7;
  const weeks: MonthDay<T>[][] = [];
  for (let i = 0; i < cells; i++) {
    const d = new Date(first + (i - lead) * DAY_MS);
    const key = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const inMonth = d.getUTCMonth() === ym.month - 1;
    const cell: MonthDay<T> = { key, day: d.getUTCDate(), inMonth, weekday: i % 7, items: inMonth ? (byDay.get(key) ?? []) : [] };
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]?.push(cell);
  }
  return { year: ym.year, month: ym.month, weeks };
}

type CheckinMeta = { readonly id: string; readonly authorId: string; readonly visibility: 'shared' | 'private'; readonly createdAt: string };
type ThreadMeta = { readonly parentId: string | null; readonly authorId: string };

/**
 * The partner's shared check-ins that have no "heard you" from me yet, newest first.
 * `since` (an instant) leaves out older ones, so Today shows what is current and the
 * history keeps the rest.
 */
export function waitingForHeard<C extends CheckinMeta>(
  checkins: readonly C[],
  heard: readonly ThreadMeta[],
  me: string,
  since?: string | Date,
): C[] {
  const acknowledged = new Set(heard.filter((h) => h.authorId === me && h.parentId !== null).map((h) => h.parentId));
  const from = since === undefined ? Number.NEGATIVE_INFINITY : new Date(since).getTime();
  return checkins
    .filter((c) => c.authorId !== me && c.visibility === 'shared' && !acknowledged.has(c.id) && Date.parse(c.createdAt) >= from)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** Whether `me` has checked in (shared or private) on the local day of `now`. */
export function checkedInToday(checkins: readonly CheckinMeta[], me: string, now: Date, timeZone: string): boolean {
  const today = localDayKey(now, timeZone);
  return checkins.some((c) => c.authorId === me && localDayKey(c.createdAt, timeZone) === today);
}
