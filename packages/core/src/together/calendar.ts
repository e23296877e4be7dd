import ical from 'ical-generator';
import { offsetAt } from '../touch/zone.ts';
import { floatingOf, type TogetherSchedule } from './schedule.ts';

/**
 * iCalendar output for rituals and dates, with ical-generator. The web app builds a
 * `.ics` download from decrypted plans (full titles); the server builds the
 * subscription feed from schedules alone (discreet titles). Times are written as
 * wall-clock times with a TZID and the RRULE as stored, so a calendar app expands the
 * recurrence itself and keeps 12:30 at 12:30 across daylight saving, as core does.
 */

export type CalendarEntry = {
  readonly id: string;
  readonly title: string;
  readonly location?: string | undefined;
  readonly description?: string | undefined;
  readonly url?: string | undefined;
  readonly schedule: TogetherSchedule;
};

export type CalendarOptions = {
  readonly name: string;
  /** Stamped on every event (DTSTAMP); pass the request time for a stable feed. */
  readonly now: Date;
  readonly url?: string | undefined;
};

const MINUTE_MS = 60_000;
const YEAR_MINUTES = 366 * 1440;
const WEEK_MINUTES = 7 * 1440;

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');
const offsetText = (minutes: number): string => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
/** A UTC minute shown on a wall clock `offset` minutes ahead, as an iCalendar local DATE-TIME. */
const wallText = (utcMinute: number, offset: number): string => {
  const d = new Date((utcMinute + offset) * MINUTE_MS);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
};

export type OffsetChange = { readonly at: number; readonly from: number; readonly to: number };

/**
 * Every offset change of a zone in the UTC minutes [from, to): weekly samples, then a
 * bisection to the minute where two samples differ (zones change at most about twice
 * a year, never twice in a week).
 */
export function offsetChanges(timeZone: string, from: number, to: number): OffsetChange[] {
  const out: OffsetChange[] = [];
  let prev = offsetAt(from, timeZone);
  for (let t = from; t < to; ) {
    const next = Math.min(t + WEEK_MINUTES, to);
    const offset = offsetAt(next, timeZone);
    if (offset !== prev) {
      let same = t;
      let changed = next;
      while (changed - same > 1) {
        const mid = Math.floor((same + changed) / 2);
        if (offsetAt(mid, timeZone) === prev) same = mid;
        else changed = mid;
      }
      out.push({ at: changed, from: prev, to: offset });
      prev = offset;
    }
    t = next;
  }
  return out;
}

/**
 * A VTIMEZONE listing each change in the range as its own observance (RFC 5545 allows
 * one onset per observance), built from the runtime's zone data rather than a second
 * copy of the tz database.
 */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const first = offsetAt(from, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (type: 'STANDARD' | 'DAYLIGHT', at: number, before: number, after: number) =>
    lines.push(`BEGIN:${type}`, `DTSTART:${wallText(at, before)}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, `END:${type}`);
  observance('STANDARD', from, first, first);
  for (const c of offsetChanges(timeZone, from, to)) observance(c.to > c.from ? 'DAYLIGHT' : 'STANDARD', c.at, c.from, c.to);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The calendar as iCalendar text. Entries whose start cannot be read are left out. */
export function buildCalendar(entries: readonly CalendarEntry[], options: CalendarOptions): string {
  const starts = entries.map((e) => floatingOf(e.schedule.start)?.getTime()).filter((t) => t !== undefined);
  const nowMinute = Math.floor(options.now.getTime() / MINUTE_MS);
  // Zone data from a year before the earliest start to five years ahead: enough for any calendar app to expand.
  const from = Math.floor(Math.min(nowMinute, ...starts.map((t) => t / MINUTE_MS))) - YEAR_MINUTES;
  const to = nowMinute + 5 * YEAR_MINUTES;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Hearth', product: 'Together', language: 'EN' },
    timezone: { name: null, generator: (tz) => vtimezone(tz, from, to) },
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  for (const e of entries) {
    const start = floatingOf(e.schedule.start);
    if (start === null) continue;
    calendar.createEvent({
      id: e.id,
      stamp: options.now,
      start,
      end: new Date(start.getTime() + e.schedule.durationMinutes * MINUTE_MS),
      timezone: e.schedule.timeZone,
      summary: e.title,
      ...(e.location ? { location: e.location } : {}),
      ...(e.description ? { description: e.description } : {}),
      ...(e.url === undefined ? {} : { url: e.url }),
      ...(e.schedule.rrule === null ? {} : { repeating: e.schedule.rrule }),
    });
  }
  return calendar.toString();
}
