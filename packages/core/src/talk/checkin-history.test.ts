import { describe, expect, it } from 'vitest';
import { addMonths, checkedInToday, compareMonths, groupByLocalDay, localDayKey, monthGrid, monthOf, waitingForHeard } from './checkin-history.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const PARTNER = '00000000-0000-4000-8000-00000000000b';

describe('local days', () => {
  it('puts a late-evening UTC check-in on the next day in Berlin and the same day in New York', () => {
    expect(localDayKey('2030-03-10T23:30:00.000Z', 'Europe/Berlin')).toBe('2030-03-11');
    expect(localDayKey('2030-03-10T23:30:00.000Z', 'UTC')).toBe('2030-03-10');
    expect(localDayKey('2030-03-10T23:30:00.000Z', 'America/New_York')).toBe('2030-03-10');
    expect(localDayKey('2030-03-11T03:30:00.000Z', 'America/New_York')).toBe('2030-03-10');
    expect(localDayKey('2030-03-10T13:00:00.000Z', 'Pacific/Auckland')).toBe('2030-03-11');
  });

  it('follows daylight saving time', () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer (the switch in 2030 is on 31 March).
    expect(localDayKey('2030-03-30T22:30:00.000Z', 'Europe/Berlin')).toBe('2030-03-30');
    expect(localDayKey('2030-03-30T23:30:00.000Z', 'Europe/Berlin')).toBe('2030-03-31');
    expect(localDayKey('2030-06-30T22:30:00.000Z', 'Europe/Berlin')).toBe('2030-07-01');
    expect(localDayKey('2030-06-30T21:30:00.000Z', 'Europe/Berlin')).toBe('2030-06-30');
    // The same instant in October, after the switch back, is still the same day.
    expect(localDayKey('2030-10-27T22:30:00.000Z', 'Europe/Berlin')).toBe('2030-10-27');
  });

  it('falls back to UTC for an unknown zone and to null for an unreadable time', () => {
    expect(localDayKey('2030-03-10T23:30:00.000Z', 'Not/A_Zone')).toBe('2030-03-10');
    expect(localDayKey('yesterday', 'UTC')).toBeNull();
  });

  it('groups check-ins by local day, oldest first within a day', () => {
    const items = [
      { id: 'c', createdAt: '2030-03-11T08:00:00.000Z' },
      { id: 'b', createdAt: '2030-03-10T23:30:00.000Z' },
      { id: 'a', createdAt: '2030-03-10T12:00:00.000Z' },
      { id: 'x', createdAt: 'garbled' },
    ];
    const berlin = groupByLocalDay(items, 'Europe/Berlin');
    expect([...berlin.keys()]).toEqual(['2030-03-10', '2030-03-11']);
    expect(berlin.get('2030-03-11')?.map((i) => i.id)).toEqual(['b', 'c']);
    const utc = groupByLocalDay(items, 'UTC');
    expect(utc.get('2030-03-10')?.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('month grid', () => {
  it('lays out a month Monday first in full weeks', () => {
    // March 2030 starts on a Friday and has 31 days: 4 leading days, 5 weeks.
    const grid = monthGrid({ year: 2030, month: 3 }, new Map());
    expect(grid.weeks).toHaveLength(5);
    for (const week of grid.weeks) expect(week.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const first = grid.weeks[0]!;
    expect(first.map((d) => d.key)).toEqual(['2030-02-25', '2030-02-26', '2030-02-27', '2030-02-28', '2030-03-01', '2030-03-02', '2030-03-03']);
    expect(first.map((d) => d.inMonth)).toEqual([false, false, false, false, true, true, true]);
    expect(grid.weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
    expect(grid.weeks.at(-1)?.at(-1)?.key).toBe('2030-03-31');
    // April 2030 starts on a Monday; its last week ends with padding days of May.
    const april = monthGrid({ year: 2030, month: 4 }, new Map()).weeks;
    expect(april[0]?.[0]?.key).toBe('2030-04-01');
    expect(april.at(-1)?.map((d) => d.inMonth)).toEqual([true, true, false, false, false, false, false]);
    expect(april.at(-1)?.at(-1)?.key).toBe('2030-05-05');
  });

  it('handles short months, leap years and a month starting on Monday', () => {
    // February 2027 starts on a Monday and has 28 days: exactly four weeks.
    expect(monthGrid({ year: 2027, month: 2 }, new Map()).weeks).toHaveLength(4);
    expect(monthGrid({ year: 2028, month: 2 }, new Map()).weeks.flat().filter((d) => d.inMonth)).toHaveLength(29);
    // September 2030 starts on a Sunday: six weeks.
    const sep = monthGrid({ year: 2030, month: 9 }, new Map());
    expect(sep.weeks).toHaveLength(6);
    expect(sep.weeks[0]?.[6]?.key).toBe('2030-09-01');
  });

  it('puts each day’s items in its cell and none in the padding days', () => {
    const byDay = new Map([
      ['2030-03-11', ['b', 'c']],
      ['2030-02-28', ['old']],
    ]);
    const cells = monthGrid({ year: 2030, month: 3 }, byDay).weeks.flat();
    expect(cells.find((d) => d.key === '2030-03-11')?.items).toEqual(['b', 'c']);
    expect(cells.find((d) => d.key === '2030-02-28')?.items).toEqual([]);
    expect(cells.find((d) => d.key === '2030-03-12')?.items).toEqual([]);
  });

  it('moves between months across years', () => {
    expect(addMonths({ year: 2030, month: 1 }, -1)).toEqual({ year: 2029, month: 12 });
    expect(addMonths({ year: 2030, month: 12 }, 1)).toEqual({ year: 2031, month: 1 });
    expect(addMonths({ year: 2030, month: 5 }, -17)).toEqual({ year: 2028, month: 12 });
    expect(monthOf('2030-03-11')).toEqual({ year: 2030, month: 3 });
    expect(monthOf('soon')).toBeNull();
    expect(compareMonths({ year: 2030, month: 1 }, { year: 2029, month: 12 })).toBeGreaterThan(0);
  });
});

describe('waiting for a "heard you"', () => {
  const checkin = (id: string, authorId: string, visibility: 'shared' | 'private', createdAt: string) => ({ id, authorId, visibility, createdAt });
  const checkins = [
    checkin('p1', PARTNER, 'shared', '2030-03-10T08:00:00.000Z'),
    checkin('p2', PARTNER, 'shared', '2030-03-11T08:00:00.000Z'),
    checkin('p3', PARTNER, 'private', '2030-03-11T09:00:00.000Z'),
    checkin('m1', ME, 'shared', '2030-03-11T10:00:00.000Z'),
    checkin('p4', PARTNER, 'shared', '2030-03-01T08:00:00.000Z'),
  ];

  it('lists the partner’s shared check-ins I have not heard yet, newest first', () => {
    expect(waitingForHeard(checkins, [], ME).map((c) => c.id)).toEqual(['p2', 'p1', 'p4']);
    const heard = [
      { parentId: 'p1', authorId: ME },
      // The partner hearing their own check-in, or mine, changes nothing for me.
      { parentId: 'p2', authorId: PARTNER },
      { parentId: 'm1', authorId: PARTNER },
    ];
    expect(waitingForHeard(checkins, heard, ME).map((c) => c.id)).toEqual(['p2', 'p4']);
    expect(waitingForHeard(checkins, heard, PARTNER).map((c) => c.id)).toEqual([]);
  });

  it('leaves out check-ins older than `since`', () => {
    expect(waitingForHeard(checkins, [], ME, '2030-03-09T00:00:00.000Z').map((c) => c.id)).toEqual(['p2', 'p1']);
  });

  it('knows whether I checked in today in my own time zone', () => {
    const mine = [checkin('m', ME, 'private', '2030-03-10T23:30:00.000Z')];
    const now = new Date('2030-03-11T07:00:00.000Z');
    expect(checkedInToday(mine, ME, now, 'Europe/Berlin')).toBe(true);
    expect(checkedInToday(mine, ME, now, 'UTC')).toBe(false);
    expect(checkedInToday(mine, PARTNER, now, 'Europe/Berlin')).toBe(false);
  });
});
