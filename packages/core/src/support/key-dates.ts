import { localDayKey, parseDayKey, type DayKey } from '../talk/checkin-history.ts';
import type { Recurrence } from './bodies.ts';

/**
 * Key dates: when a birthday or anniversary next comes round, and when to remind
 * about it. Calendar arithmetic is done on plain dates in UTC (no zone can shift a
 * day there); only the reminder instant is placed in the person's own time zone, so
 * "9:00 the day before" means 9:00 on their wall clock, summer or winter.
 *
 * The server schedules by the instant alone (the item's `remindAt`); the title and
 * the date itself stay sealed.
 */

/** Reminders go out at this local hour: morning, so there is a day to act on them. */
export const REMINDER_HOUR = 9;

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const dayKeyOfUtc = (ms: number): DayKey => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

const utcMsOf = (key: DayKey): number | null => {
  const d = parseDayKey(key);
  return d ? Date.UTC(d.year, d.month - 1, d.day) : null;
};

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The day `days` after (or before, if negative) a date. */
export function addDays(key: DayKey, days: number): DayKey | null {
  const ms = utcMsOf(key);
  return ms === null ? null : dayKeyOfUtc(ms + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number | null {
  const a = utcMsOf(from);
  const b = utcMsOf(to);
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

/** Monday = 0 … Sunday = 6. */
export function weekdayOf(key: DayKey): number | null {
  const ms = utcMsOf(key);
  return ms === null ? null : (new Date(ms).getUTCDay() + 6) % 7;
}

/** A yearly date in a given year; 29 February falls on 28 February in years without one. */
export function occurrenceInYear(date: DayKey, year: number): DayKey | null {
  const d = parseDayKey(date);
  if (!d) return null;
  const day = d.month === 2 && d.day === 29 && !isLeapYear(year) ? 28 : d.day;
  return `${pad(year, 4)}-${pad(d.month)}-${pad(day)}`;
}

export type KeyDateSchedule = { readonly date: DayKey; readonly recurrence: Recurrence; readonly leadDays: readonly number[] };

/**
 * The occurrences on or after `today`, soonest first: at most one for a one-off date,
 * and for a yearly one the next `count`. A yearly date set in the future starts there.
 */
export function occurrencesFrom(kd: Pick<KeyDateSchedule, 'date' | 'recurrence'>, today: DayKey, count = 2): DayKey[] {
  const origin = parseDayKey(kd.date);
  const now = parseDayKey(today);
  if (!origin || !now) return [];
  if (kd.recurrence === 'once') return kd.date >= today ? [kd.date] : [];
  const out: DayKey[] = [];
  for (let year = Math.max(origin.year, now.year); out.length < count && year <= Math.max(origin.year, now.year) + count + 1; year++) {
    const occ = occurrenceInYear(kd.date, year);
    if (occ !== null && occ >= today) out.push(occ);
  }
  return out;
}

export function nextOccurrence(kd: Pick<KeyDateSchedule, 'date' | 'recurrence'>, today: DayKey): DayKey | null {
  return occurrencesFrom(kd, today, 1)[0] ?? null;
}

/** Offset of a zone from UTC at an instant, in ms (Berlin in summer: +2 h). */
function zoneOffsetMs(at: number, timeZone: string): number {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', calendar: 'gregory' });
  } catch {
    // An unknown zone (from another device's runtime): UTC rather than a crash.
    return 0;
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p['year'] ?? 1970, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `hour`:00 on `day`. The offset is
 * looked up twice, because the guess made with the first offset may sit on the other
 * side of a daylight-saving switch.
 */
export function zonedInstant(day: DayKey, hour: number, timeZone: string): Date | null {
  const ms = utcMsOf(day);
  if (ms === null) return null;
  const wall = ms + hour * 3_600_000;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  return new Date(second);
}

export type Reminder = { readonly at: Date; readonly occurrence: DayKey; readonly leadDays: number };

/** Every reminder of the coming occurrences, in time order. */
function remindersFrom(kd: KeyDateSchedule, today: DayKey, timeZone: string): Reminder[] {
  const out: Reminder[] = [];
  for (const occurrence of occurrencesFrom(kd, today, 2)) {
    for (const lead of kd.leadDays) {
      const day = addDays(occurrence, -lead);
      const at = day === null ? null : zonedInstant(day, REMINDER_HOUR, timeZone);
      if (at) out.push({ at, occurrence, leadDays: lead });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The next reminder strictly after `now`, for the item's `remindAt`; null when there
 * is none (a one-off date that has passed, or no lead times chosen).
 */
export function nextKeyDateReminder(kd: KeyDateSchedule, now: Date, timeZone: string): Reminder | null {
  const today = localDayKey(now, timeZone);
  if (today === null) return null;
  // From the day before in UTC terms, so an occurrence "today" elsewhere is not skipped.
  const from = addDays(today, -1) ?? today;
  return remindersFrom(kd, from, timeZone).find((r) => r.at.getTime() > now.getTime()) ?? null;
}

export type DueKeyDate = { readonly occurrence: DayKey; readonly daysUntil: number };

/**
 * Whether a key date should be shown as a reminder in the app now: its next occurrence
 * (today or later) has at least one reminder whose time has come. Null otherwise.
 */
export function dueKeyDate(kd: KeyDateSchedule, now: Date, timeZone: string): DueKeyDate | null {
  const today = localDayKey(now, timeZone);
  if (today === null) return null;
  const occurrence = nextOccurrence(kd, today);
  if (occurrence === null) return null;
  const due = kd.leadDays.some((lead) => {
    const day = addDays(occurrence, -lead);
    const at = day === null ? null : zonedInstant(day, REMINDER_HOUR, timeZone);
    return at !== null && at.getTime() <= now.getTime();
  });
  const daysUntil = daysBetween(today, occurrence);
  return due && daysUntil !== null ? { occurrence, daysUntil } : null;
}
