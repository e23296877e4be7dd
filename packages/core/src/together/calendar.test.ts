import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar.ts';
import { nextOccurrences, togetherSchedule } from './schedule.ts';

const schedule = (start: string, timeZone: string, rrule: string | null) => togetherSchedule.parse({ start, timeZone, rrule, durationMinutes: 90, leadMinutes: 60 });

const ENTRIES = [
  { id: 'lunch@hearth', title: 'Lunch, just us', location: 'Café Linde', schedule: schedule('2026-01-04T12:30', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SU') },
  { id: 'brunch@hearth', title: 'Long brunch', schedule: schedule('2026-01-25T11:00', 'America/New_York', 'FREQ=MONTHLY;BYDAY=-1SU') },
  { id: 'walk@hearth', title: 'Evening walk', schedule: schedule('2026-01-06T19:00', 'America/New_York', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU') },
  { id: 'date@hearth', title: 'Pottery class', schedule: schedule('2026-03-29T10:00', 'Europe/Berlin', null) },
];

/** Expands every event with ical.js, an independent parser, using the VTIMEZONEs in the file. */
function expandWithIcalJs(text: string, count: number): Map<string, string[]> {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const out = new Map<string, string[]>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const starts: string[] = [];
    const it = event.iterator();
    for (let next = it.next(); next && starts.length < count; next = it.next()) starts.push(next.toJSDate().toISOString());
    out.set(event.uid, starts);
  }
  return out;
}

describe('the iCalendar output', () => {
  it('parses with ical.js, whose expansion gives the same instants as core across daylight saving', () => {
    const text = buildCalendar(ENTRIES, { name: 'Hearth', now: new Date('2026-01-01T00:00:00Z') });
    const expanded = expandWithIcalJs(text, 30);
    for (const e of ENTRIES) {
      const ours = nextOccurrences(e.schedule, new Date('2025-12-31T00:00:00Z'), 30).map((o) => o.start.toISOString());
      expect(expanded.get(e.id), e.title).toEqual(ours);
    }
    // The spring change falls inside the expanded range for both zones.
    expect(expanded.get('lunch@hearth')).toContain('2026-03-29T10:30:00.000Z');
    expect(expanded.get('lunch@hearth')).toContain('2026-03-22T11:30:00.000Z');
  });

  it('keeps titles, places and the recurrence rule', () => {
    const text = buildCalendar(ENTRIES, { name: 'Hearth', now: new Date('2026-01-01T00:00:00Z'), url: 'https://hearth.example/app/together' });
    const root = new ICAL.Component(ICAL.parse(text));
    const lunch = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.uid === 'lunch@hearth');
    expect(lunch?.summary).toBe('Lunch, just us');
    expect(lunch?.location).toBe('Café Linde');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260104T123000');
  });
});
