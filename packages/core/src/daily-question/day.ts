import { calendarDateIn, zonedDateTimeToIso } from '../talk/conversation-state.ts';

/**
 * The couple's date. Both partners must get the same question on the same day, so
 * the couple has one calendar: it follows the partner whose local date changes first,
 * i.e. the one furthest east. At any instant that partner's date is the later of the
 * two, so the couple's date is simply the latest local date among the partners'
 * time zones. With one partner (the other hasn't joined yet), it is theirs.
 * The later partner's evening thus already shows the next day's question: the price
 * of one shared question, and the reason this follows the earlier zone rather than
 * the later (nobody is asked "today's" question of a day that has already ended for them).
 */
export function coupleDate(now: Date, timeZones: readonly string[]): string {
  const dates = (timeZones.length > 0 ? timeZones : ['UTC']).map((z) => calendarDateIn(now, z));
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function addDaysToDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The next instant, strictly after `now`, at which the wall clock in `timeZone` shows
 * `time` ("HH:MM"). Right across DST changes: a time skipped by the change lands just
 * after the gap. Null for a malformed time.
 */
export function nextReminderAt(now: Date, time: string, timeZone: string): string | null {
  const today = calendarDateIn(now, timeZone);
  // Yesterday too: near midnight the zone's date and UTC can disagree.
  for (const offset of [-1, 0, 1, 2]) {
    const iso = zonedDateTimeToIso(addDaysToDate(today, offset), time, timeZone);
    if (iso === null) return null;
    if (Date.parse(iso) > now.getTime()) return iso;
  }
  return null;
}

/**
 * The next instant after `now` at the same local time of day as `previous` in
 * `timeZone`: how the server re-arms a daily reminder without knowing what it is for.
 */
export function nextDailyReminderAt(previous: Date, now: Date, timeZone: string): string | null {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(previous);
  const hour = parts.find((p) => p.type === 'hour')?.value;
  const minute = parts.find((p) => p.type === 'minute')?.value;
  if (hour === undefined || minute === undefined) return null;
  return nextReminderAt(now, `${hour}:${minute}`, timeZone);
}
