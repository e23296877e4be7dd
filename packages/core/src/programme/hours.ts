import { addDaysToDate } from '../daily-question/day.ts';
import { calendarDateIn, isoToZonedDateTime, zonedDateTimeToIso } from '../talk/conversation-state.ts';
import { parseHm, type HoursRange } from '../touch/planner.ts';

/** A person's reminder window: Hearth reminds only inside `active` and never inside `quiet`. */
export type ReminderHours = { readonly active: HoursRange; readonly quiet: HoursRange | null };

/** The picker's own bounds: a reminder to do something together belongs to the day, not the night. */
const EARLIEST = 8 * 60;
const LATEST = 21 * 60;

/** Whether minute-of-day `m` falls in [start, end), a range that may run past midnight. */
function inRange(m: number, range: HoursRange): boolean {
  const start = parseHm(range.start);
  const end = parseHm(range.end);
  if (start === null || end === null || start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

function allowedMinute(m: number, hours: ReminderHours): boolean {
  return inRange(m, hours.active) && (hours.quiet === null || !inRange(m, hours.quiet));
}

function hm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The times a weekly reminder may be set to: every half hour from 08:00 to 21:00 that
 * lies inside the person's active hours and outside their quiet hours. When their
 * hours leave none of those (a night shift), every half hour of the active hours.
 */
export function reminderTimes(hours: ReminderHours): string[] {
  const day: string[] = [];
  for (let m = EARLIEST; m <= LATEST; m += 30) if (allowedMinute(m, hours)) day.push(hm(m));
  if (day.length > 0) return day;
  const any: string[] = [];
  for (let m = 0; m < 24 * 60; m += 30) if (allowedMinute(m, hours)) any.push(hm(m));
  return any;
}

/** Minute of the day at `at` in the zone. */
function localMinute(at: Date, timeZone: string): number {
  return parseHm(isoToZonedDateTime(at.toISOString(), timeZone).slice(11, 16)) ?? 0;
}

/** Whether a reminder may reach this person at `at`. */
export function withinReminderHours(at: Date, timeZone: string, hours: ReminderHours): boolean {
  return allowedMinute(localMinute(at, timeZone), hours);
}

/**
 * The first instant at or after `at` when a reminder may reach this person: `at`
 * itself when it is allowed, else the next moment the active hours open or the quiet
 * hours close, whichever comes first and is allowed. Null when the hours allow no
 * minute at all.
 */
export function nextWithinReminderHours(at: Date, timeZone: string, hours: ReminderHours): Date | null {
  if (withinReminderHours(at, timeZone, hours)) return at;
  const openings = [hours.active.start, ...(hours.quiet === null ? [] : [hours.quiet.end])];
  const today = calendarDateIn(at, timeZone);
  let best: Date | null = null;
  for (let d = 0; d <= 2; d += 1) {
    for (const time of openings) {
      const iso = zonedDateTimeToIso(addDaysToDate(today, d), time, timeZone);
      if (iso === null) continue;
      const candidate = new Date(iso);
      if (candidate.getTime() <= at.getTime() || !withinReminderHours(candidate, timeZone, hours)) continue;
      if (best === null || candidate.getTime() < best.getTime()) best = candidate;
    }
  }
  return best;
}

/**
 * The email copy of a weekly reminder, for someone who opted in. Neutral on purpose: a
 * shared inbox or a lock-screen preview says only that Hearth has something ready, and
 * the link opens the app, not a page whose address names the programme.
 */
export function weeklyReminderMail(appUrl: string): { subject: string; text: string } {
  return {
    subject: 'Your week in Hearth is ready',
    text: [
      'Your week in Hearth is ready.',
      '',
      'Open Hearth when you have twenty minutes:',
      appUrl,
      '',
      'You get this because you asked for your weekly reminder by email. Turn it off in Hearth’s settings, under Reminders, at any time.',
    ].join('\n'),
  };
}
