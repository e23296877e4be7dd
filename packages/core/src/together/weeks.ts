import { parseDayKey, type DayKey } from '../talk/checkin-history.ts';

/**
 * Weeks as plain numbers, for things that change once a week (the interest to ask
 * about, the first-first suggestions). Weeks start on Monday; the day itself comes
 * from the person's own time zone (`localDayKey`), so the week turns at their midnight.
 */

const DAY_MS = 86_400_000;

const dayNumber = (day: DayKey): number | null => {
  const d = parseDayKey(day);
  return d ? Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS) : null;
};

/** Weeks since the Monday 1970-01-05 (day 4 of the epoch); the week before is -1. */
export function weekIndex(day: DayKey): number | null {
  const n = dayNumber(day);
  return n === null ? null : Math.floor((n - 4) / 7);
}

/** The ISO 8601 week of a date, as "2026-W48" (the year is the week's own, which differs near New Year). */
export function isoWeekKey(day: DayKey): string | null {
  const n = dayNumber(day);
  if (n === null) return null;
  // The Thursday of the same Monday-based week decides the ISO year.
  const weekday = (((n + 3) % 7) + 7) % 7; // Monday = 0
  const thursday = new Date((n - weekday + 3) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 1 + ((4 - new Date(Date.UTC(year, 0, 1)).getUTCDay() + 7) % 7));
  const week = 1 + Math.round((thursday.getTime() - firstThursday) / (7 * DAY_MS));
  return `${String(year)}-W${String(week).padStart(2, '0')}`;
}

/** A small stable hash (FNV-1a, 32 bit) for spreading rotations; not for secrets. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
