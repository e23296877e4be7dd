import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RRule } from './rrule.ts';
import {
  checkRrule,
  choiceOfRrule,
  firstOccurrence,
  describeRecurrence,
  nextOccurrences,
  nextPlanReminderAt,
  occurrencesBetween,
  rruleOfChoice,
  togetherSchedule,
  type TogetherSchedule,
} from './schedule.ts';

const plan = (start: string, timeZone: string, rrule: string | null, leadMinutes: number | null = 60): TogetherSchedule =>
  togetherSchedule.parse({ start, timeZone, rrule, durationMinutes: 60, leadMinutes });

const iso = (dates: readonly { start: Date }[]) => dates.map((d) => d.start.toISOString());

describe('weekly rituals stay at the same wall-clock time across daylight saving', () => {
  it('Berlin: Sunday 12:30 moves from 11:30Z to 10:30Z on 29 March and back on 25 October', () => {
    const lunch = plan('2026-03-15T12:30', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SU');
    expect(iso(nextOccurrences(lunch, new Date('2026-03-01T00:00:00Z'), 4))).toEqual([
      '2026-03-15T11:30:00.000Z',
      '2026-03-22T11:30:00.000Z',
      '2026-03-29T10:30:00.000Z',
      '2026-04-05T10:30:00.000Z',
    ]);
    expect(iso(nextOccurrences(lunch, new Date('2026-10-12T00:00:00Z'), 2))).toEqual(['2026-10-18T10:30:00.000Z', '2026-10-25T11:30:00.000Z']);
    expect(nextOccurrences(lunch, new Date('2026-10-12T00:00:00Z'), 2).map((o) => o.local)).toEqual(['2026-10-18T12:30', '2026-10-25T12:30']);
  });

  it('New York: Sunday 12:30 moves on 8 March and 1 November (different days from Europe)', () => {
    const lunch = plan('2026-03-01T12:30', 'America/New_York', 'FREQ=WEEKLY;BYDAY=SU');
    expect(iso(nextOccurrences(lunch, new Date('2026-02-28T00:00:00Z'), 2))).toEqual(['2026-03-01T17:30:00.000Z', '2026-03-08T16:30:00.000Z']);
    expect(iso(nextOccurrences(lunch, new Date('2026-10-20T00:00:00Z'), 2))).toEqual(['2026-10-25T16:30:00.000Z', '2026-11-01T17:30:00.000Z']);
  });

  it('a time the spring switch skips lands an hour later; a repeated autumn hour takes standard time', () => {
    const night = plan('2026-03-29T02:30', 'Europe/Berlin', null);
    expect(iso(nextOccurrences(night, new Date('2026-03-01T00:00:00Z'), 1))).toEqual(['2026-03-29T01:30:00.000Z']);
    const autumn = plan('2026-10-25T02:30', 'Europe/Berlin', null);
    expect(iso(nextOccurrences(autumn, new Date('2026-10-01T00:00:00Z'), 1))).toEqual(['2026-10-25T01:30:00.000Z']);
  });
});

describe('monthly and every-N-weeks rules', () => {
  it('the last Sunday of the month, including the one daylight saving starts on', () => {
    const brunch = plan('2026-01-25T12:30', 'Europe/Berlin', 'FREQ=MONTHLY;BYDAY=-1SU');
    expect(nextOccurrences(brunch, new Date('2026-01-01T00:00:00Z'), 5).map((o) => o.local)).toEqual([
      '2026-01-25T12:30',
      '2026-02-22T12:30',
      '2026-03-29T12:30',
      '2026-04-26T12:30',
      '2026-05-31T12:30',
    ]);
    expect(iso(nextOccurrences(brunch, new Date('2026-03-01T00:00:00Z'), 1))).toEqual(['2026-03-29T10:30:00.000Z']);
  });

  it('every 2 weeks on Tuesday skips the week between', () => {
    const walk = plan('2026-01-06T19:00', 'America/New_York', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
    expect(nextOccurrences(walk, new Date('2026-01-01T00:00:00Z'), 3).map((o) => o.local)).toEqual(['2026-01-06T19:00', '2026-01-20T19:00', '2026-02-03T19:00']);
  });

  it('monthly on a date, and a one-off date that has passed has no more occurrences', () => {
    const rent = plan('2026-01-15T18:00', 'Europe/Berlin', 'FREQ=MONTHLY;BYMONTHDAY=15');
    expect(nextOccurrences(rent, new Date('2026-01-20T00:00:00Z'), 2).map((o) => o.local)).toEqual(['2026-02-15T18:00', '2026-03-15T18:00']);
    const once = plan('2026-01-15T18:00', 'Europe/Berlin', null);
    expect(nextOccurrences(once, new Date('2026-01-16T00:00:00Z'), 2)).toEqual([]);
  });

  it('lists occurrences between two instants', () => {
    const lunch = plan('2026-03-15T12:30', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SU');
    expect(occurrencesBetween(lunch, new Date('2026-03-22T11:30:00Z'), new Date('2026-03-29T10:30:00Z')).map((o) => o.local)).toEqual(['2026-03-22T12:30']);
  });
});

describe('reminders', () => {
  it('the next reminder is the lead time before the next occurrence, and moves on after it fires', () => {
    const lunch = plan('2026-03-15T12:30', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SU', 60);
    const first = nextPlanReminderAt(lunch, new Date('2026-03-28T00:00:00Z'));
    expect(first?.toISOString()).toBe('2026-03-29T09:30:00.000Z');
    expect(first && nextPlanReminderAt(lunch, first)?.toISOString()).toBe('2026-04-05T09:30:00.000Z');
  });

  it('a lead time is an exact duration (like an iCalendar alarm), also across the autumn change in New York', () => {
    const lunch = plan('2026-03-01T12:30', 'America/New_York', 'FREQ=WEEKLY;BYDAY=SU', 1440);
    // 1 November 12:30 EST is 17:30Z; 24 hours earlier is 13:30 EDT on the 31st.
    expect(nextPlanReminderAt(lunch, new Date('2026-10-26T00:00:00Z'))?.toISOString()).toBe('2026-10-31T17:30:00.000Z');
  });

  it('no lead time or no occurrence left means no reminder', () => {
    expect(nextPlanReminderAt(plan('2026-03-15T12:30', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SU', null), new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect(nextPlanReminderAt(plan('2026-03-15T12:30', 'Europe/Berlin', null), new Date('2026-03-15T12:00:00Z'))).toBeNull();
  });
});

describe('rules from the form and custom rules', () => {
  it('round-trips the picker choices', () => {
    const choices = [
      { kind: 'weekly', interval: 2, days: ['MO', 'TH'] },
      { kind: 'monthly-weekday', interval: 1, position: -1, day: 'SU' },
      { kind: 'monthly-date', interval: 3, date: 15 },
    ] as const;
    for (const c of choices) {
      const rule = rruleOfChoice(c);
      expect(rule === null ? null : checkRrule(rule).ok).toBe(true);
      expect(choiceOfRrule(rule)).toEqual(c);
    }
    expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH')).toBe('Every 2 weeks on Monday and Thursday');
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=-1SU')).toBe('Last Sunday of every month');
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=SU')).toBe('Every Sunday');
  });

  it('accepts a custom rule, normalised, and refuses floods and start-time parts', () => {
    expect(checkRrule('rrule:freq=monthly;byday=1SA,3SA')).toEqual({ ok: true, rrule: 'FREQ=MONTHLY;BYDAY=1SA,3SA' });
    expect(choiceOfRrule('FREQ=MONTHLY;BYDAY=1SA,3SA').kind).toBe('custom');
    expect(checkRrule('FREQ=HOURLY').ok).toBe(false);
    expect(checkRrule('FREQ=DAILY;BYHOUR=1,2,3').ok).toBe(false);
    expect(checkRrule('FREQ=WEEKLY\nDTSTART:20260101T000000Z').ok).toBe(false);
    expect(checkRrule('not a rule').ok).toBe(false);
    expect(togetherSchedule.safeParse({ start: '2026-02-30T12:00', timeZone: 'Europe/Berlin', rrule: null, durationMinutes: 60, leadMinutes: null }).success).toBe(false);
    expect(togetherSchedule.safeParse({ start: '2026-02-10T12:00', timeZone: 'Mars/Olympus', rrule: null, durationMinutes: 60, leadMinutes: null }).success).toBe(false);
  });
});

describe('no rule can make the server or the worker loop (hard edges)', () => {
  const raw = (start: string, rrule: string | null) => ({ start, timeZone: 'Europe/Berlin', rrule, durationMinutes: 60, leadMinutes: 30 });

  it('refuses rules that never happen, at the boundary, with the reason on the rule', () => {
    for (const rule of ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', 'FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=9']) {
      const parsed = togetherSchedule.safeParse(raw('2026-04-05T12:00', rule));
      expect(parsed.success, rule).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['rrule']);
    }
    // Sparse but real: a leap day, the fifth Monday.
    expect(togetherSchedule.safeParse(raw('2026-04-05T12:00', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29')).success).toBe(true);
    expect(togetherSchedule.safeParse(raw('2026-04-05T12:00', 'FREQ=MONTHLY;BYDAY=5MO')).success).toBe(true);
  });

  it('refuses an enormous COUNT, an UNTIL or a start no couple could mean', () => {
    expect(checkRrule('FREQ=DAILY;COUNT=100000000')).toEqual({ ok: false, reason: 'COUNT between 1 and 5000' });
    expect(checkRrule('FREQ=DAILY;COUNT=5000').ok).toBe(true);
    expect(checkRrule('FREQ=DAILY;UNTIL=99991231T000000Z').ok).toBe(false);
    expect(togetherSchedule.safeParse(raw('0001-01-01T12:00', 'FREQ=DAILY')).success).toBe(false);
    expect(togetherSchedule.safeParse(raw('9999-12-31T12:00', null)).success).toBe(false);
    expect(togetherSchedule.safeParse(raw('1985-06-01T12:00', 'FREQ=YEARLY')).success).toBe(true);
  });

  it('an expansion that runs out of steps ends with what it found instead of walking to the year 9999', () => {
    // Not checked (as if stored before the check): the expansion must still end.
    const never = { ...raw('2026-04-05T12:00', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' };
    expect(occurrencesBetween(never, new Date('2026-01-01T00:00:00Z'), new Date('2200-01-01T00:00:00Z'), 500, 1_000)).toEqual([]);
    expect(firstOccurrence(never)).toBeUndefined();
    // A COUNT rule walks from its start: with too few steps it stops early, with enough it finds every one.
    const counted = plan('2026-01-01T09:00', 'UTC', 'FREQ=DAILY;COUNT=400');
    expect(occurrencesBetween(counted, new Date('2026-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'), 1_000, 100)).toHaveLength(100);
    expect(occurrencesBetween(counted, new Date('2026-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'), 1_000)).toHaveLength(400);
  });

  it('a daily ritual from 1900 still answers for 2199: rules without COUNT start near the window', () => {
    const daily = plan('1900-01-01T12:00', 'UTC', 'FREQ=DAILY');
    const january = occurrencesBetween(daily, new Date('2199-01-01T00:00:00Z'), new Date('2199-02-01T00:00:00Z'), 500, 100);
    expect(january.map((o) => o.local)).toHaveLength(31);
    expect(january[0]?.local).toBe('2199-01-01T12:00');
  });

  it('starting a rule near the window gives exactly the occurrences rrule gives from its start', () => {
    const rules = [
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=WEEKLY',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'FREQ=WEEKLY;INTERVAL=3;WKST=SU;BYDAY=SU,MO',
      'FREQ=MONTHLY',
      'FREQ=MONTHLY;INTERVAL=5',
      'FREQ=MONTHLY;BYDAY=-1SU',
      'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=31',
      'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=2',
      'FREQ=YEARLY',
      'FREQ=YEARLY;INTERVAL=3',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
      'FREQ=YEARLY;BYMONTH=3,9',
      'FREQ=DAILY;BYMONTH=2',
    ];
    const day = (y: number, d: number) => new Date(Date.UTC(y, 0, 1) + d * 86_400_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 1950, max: 2030 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 60 * 365 }),
        (rule, year, dayOfYear, minute, later) => {
          const startFloating = new Date(day(year, dayOfYear).getTime() + minute * 60_000);
          const start = startFloating.toISOString().slice(0, 16);
          const schedule = plan(start, 'UTC', rule, null);
          const from = new Date(startFloating.getTime() + later * 86_400_000);
          const to = new Date(from.getTime() + 400 * 86_400_000);
          const reference = new RRule({ ...RRule.parseString(rule), dtstart: startFloating, tzid: null })
            .between(from, to, true)
            .filter((d) => d.getTime() < to.getTime())
            .map((d) => d.toISOString().slice(0, 16));
          expect(occurrencesBetween(schedule, from, to).map((o) => o.local)).toEqual(reference);
        },
      ),
      { seed: 20261206, numRuns: 150 },
    );
  });
});
