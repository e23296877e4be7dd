import { describe, expect, it } from 'vitest';
import { calendarDate, supportKeyDateBody } from './bodies.ts';
import { dueKeyDate, nextKeyDateReminder, nextOccurrence, occurrenceInYear, occurrencesFrom, zonedInstant } from './key-dates.ts';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('yearly recurrence', () => {
  it('moves 29 February to 28 February in years without one', () => {
    expect(occurrenceInYear('2028-02-29', 2029)).toBe('2029-02-28');
    expect(occurrenceInYear('2028-02-29', 2032)).toBe('2032-02-29');
    expect(occurrenceInYear('2028-02-29', 2100)).toBe('2100-02-28');
    expect(occurrenceInYear('2028-02-29', 2000)).toBe('2000-02-29');
    expect(occurrenceInYear('1990-07-04', 2031)).toBe('2031-07-04');
  });

  it('finds the next occurrence on or after today, yearly or once', () => {
    const birthday = { date: '1990-07-04', recurrence: 'yearly' } as const;
    expect(nextOccurrence(birthday, '2030-07-03')).toBe('2030-07-04');
    expect(nextOccurrence(birthday, '2030-07-04')).toBe('2030-07-04');
    expect(nextOccurrence(birthday, '2030-07-05')).toBe('2031-07-04');
    expect(occurrencesFrom({ date: '2028-02-29', recurrence: 'yearly' }, '2029-03-01', 3)).toEqual(['2030-02-28', '2031-02-28', '2032-02-29']);
    // A yearly date set in the future starts there, not a year before it.
    expect(nextOccurrence({ date: '2032-05-01', recurrence: 'yearly' }, '2030-01-01')).toBe('2032-05-01');
    expect(nextOccurrence({ date: '2030-05-01', recurrence: 'once' }, '2030-04-30')).toBe('2030-05-01');
    expect(nextOccurrence({ date: '2030-05-01', recurrence: 'once' }, '2030-05-02')).toBeNull();
  });

  it('accepts only dates that exist', () => {
    expect(calendarDate.safeParse('2028-02-29').success).toBe(true);
    expect(calendarDate.safeParse('2029-02-29').success).toBe(false);
    expect(calendarDate.safeParse('2030-13-01').success).toBe(false);
    expect(calendarDate.safeParse('1 May').success).toBe(false);
    const body = { title: 'Sam’s birthday', type: 'birthday', date: '1992-02-29', concerns: 'partner', recurrence: 'yearly', leadDays: [14, 1] };
    expect(supportKeyDateBody.safeParse(body).success).toBe(true);
    expect(supportKeyDateBody.safeParse({ ...body, leadDays: [1, 1] }).success).toBe(false);
    expect(supportKeyDateBody.safeParse({ ...body, leadDays: [400] }).success).toBe(false);
  });
});

describe('reminder instants', () => {
  it('places 9:00 on the local wall clock, across daylight saving time', () => {
    // Berlin: CET (UTC+1) until 31 March 2030, CEST (UTC+2) after.
    expect(iso(zonedInstant('2030-03-30', 9, 'Europe/Berlin'))).toBe('2030-03-30T08:00:00.000Z');
    expect(iso(zonedInstant('2030-03-31', 9, 'Europe/Berlin'))).toBe('2030-03-31T07:00:00.000Z');
    expect(iso(zonedInstant('2030-10-27', 9, 'Europe/Berlin'))).toBe('2030-10-27T08:00:00.000Z');
    // New York switches on 10 March 2030.
    expect(iso(zonedInstant('2030-03-09', 9, 'America/New_York'))).toBe('2030-03-09T14:00:00.000Z');
    expect(iso(zonedInstant('2030-03-10', 9, 'America/New_York'))).toBe('2030-03-10T13:00:00.000Z');
    // Auckland is ahead of UTC: 9:00 there is the evening before in UTC.
    expect(iso(zonedInstant('2030-06-15', 9, 'Pacific/Auckland'))).toBe('2030-06-14T21:00:00.000Z');
    expect(iso(zonedInstant('2030-06-15', 9, 'Not/A_Zone'))).toBe('2030-06-15T09:00:00.000Z');
  });

  it('schedules 14 days and 1 day before, then the next year', () => {
    const kd = { date: '2012-04-01', recurrence: 'yearly', leadDays: [14, 1] } as const;
    const first = nextKeyDateReminder(kd, new Date('2030-03-01T00:00:00.000Z'), 'Europe/Berlin');
    expect(first).toEqual({ at: new Date('2030-03-18T08:00:00.000Z'), occurrence: '2030-04-01', leadDays: 14 });
    // The day before falls after the switch to summer time: still 9:00 in Berlin.
    const second = nextKeyDateReminder(kd, first?.at ?? new Date(0), 'Europe/Berlin');
    expect(second).toEqual({ at: new Date('2030-03-31T07:00:00.000Z'), occurrence: '2030-04-01', leadDays: 1 });
    const third = nextKeyDateReminder(kd, second?.at ?? new Date(0), 'Europe/Berlin');
    expect(third).toEqual({ at: new Date('2031-03-18T08:00:00.000Z'), occurrence: '2031-04-01', leadDays: 14 });
  });

  it('reminds about a 29 February birthday on 28 February in common years, and on the day in leap years', () => {
    const kd = { date: '2000-02-29', recurrence: 'yearly', leadDays: [14, 1] } as const;
    const tz = 'Europe/Berlin';
    expect(nextKeyDateReminder(kd, new Date('2029-02-01T00:00:00.000Z'), tz)).toEqual({
      at: new Date('2029-02-14T08:00:00.000Z'),
      occurrence: '2029-02-28',
      leadDays: 14,
    });
    expect(nextKeyDateReminder(kd, new Date('2029-02-14T08:00:00.000Z'), tz)?.at).toEqual(new Date('2029-02-27T08:00:00.000Z'));
    expect(nextKeyDateReminder(kd, new Date('2029-02-27T08:00:00.000Z'), tz)).toMatchObject({ occurrence: '2030-02-28', leadDays: 14 });
    expect(nextKeyDateReminder(kd, new Date('2031-12-01T00:00:00.000Z'), tz)).toEqual({
      at: new Date('2032-02-15T08:00:00.000Z'),
      occurrence: '2032-02-29',
      leadDays: 14,
    });
    expect(nextKeyDateReminder(kd, new Date('2032-02-15T08:00:00.000Z'), tz)?.at).toEqual(new Date('2032-02-28T08:00:00.000Z'));
  });

  it('uses the person’s own day and zone', () => {
    const kd = { date: '2030-06-15', recurrence: 'yearly', leadDays: [0] } as const;
    const now = new Date('2030-06-14T22:00:00.000Z');
    // Already 10:00 on the day in Auckland: this year's reminder has gone, next year's is next.
    expect(nextKeyDateReminder(kd, now, 'Pacific/Auckland')?.at).toEqual(new Date('2031-06-14T21:00:00.000Z'));
    // Still the evening before in London and New York.
    expect(nextKeyDateReminder(kd, now, 'Europe/London')?.at).toEqual(new Date('2030-06-15T08:00:00.000Z'));
    expect(nextKeyDateReminder(kd, now, 'America/New_York')?.at).toEqual(new Date('2030-06-15T13:00:00.000Z'));
  });

  it('has nothing left for a past one-off date or without lead times', () => {
    const now = new Date('2030-06-01T00:00:00.000Z');
    expect(nextKeyDateReminder({ date: '2030-05-01', recurrence: 'once', leadDays: [1] }, now, 'UTC')).toBeNull();
    expect(nextKeyDateReminder({ date: '2030-07-01', recurrence: 'once', leadDays: [] }, now, 'UTC')).toBeNull();
    expect(nextKeyDateReminder({ date: '2030-07-01', recurrence: 'once', leadDays: [1] }, now, 'UTC')?.at).toEqual(
      new Date('2030-06-30T09:00:00.000Z'),
    );
  });
});

describe('due in the app', () => {
  const kd = { date: '2019-03-20', recurrence: 'yearly', leadDays: [14, 1] } as const;
  it('shows a key date from its first reminder until the day itself', () => {
    // 8:00 in Berlin on 6 March: the 14-day reminder is at 9:00.
    expect(dueKeyDate(kd, new Date('2030-03-06T07:00:00.000Z'), 'Europe/Berlin')).toBeNull();
    expect(dueKeyDate(kd, new Date('2030-03-06T08:30:00.000Z'), 'Europe/Berlin')).toEqual({ occurrence: '2030-03-20', daysUntil: 14 });
    expect(dueKeyDate(kd, new Date('2030-03-20T20:00:00.000Z'), 'Europe/Berlin')).toEqual({ occurrence: '2030-03-20', daysUntil: 0 });
    // The next day in Berlin, it waits for next year.
    expect(dueKeyDate(kd, new Date('2030-03-20T23:30:00.000Z'), 'Europe/Berlin')).toBeNull();
    expect(dueKeyDate({ ...kd, leadDays: [] }, new Date('2030-03-20T12:00:00.000Z'), 'UTC')).toBeNull();
  });
});
