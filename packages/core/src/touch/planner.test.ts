import { describe, expect, it } from 'vitest';
import { planNudges, type NudgeSettings } from './planner.ts';

const testFormatters = new Map<string, Intl.DateTimeFormat>();
const blockOffsets = new Map<string, number>();

/**
 * Wall clock of an instant in a zone, read with the test's own formatter. Offsets are
 * remembered per quarter hour of UTC (every 2026 change in these zones falls on one),
 * because formatting each instant would make the loops below slow.
 */
function wall(iso: string, timeZone: string): { date: string; minutes: number } {
  const ms = Date.parse(iso);
  const block = Math.floor(ms / 900_000);
  const key = `${timeZone}|${String(block)}`;
  let offset = blockOffsets.get(key);
  if (offset === undefined) {
    const f =
      testFormatters.get(timeZone) ??
      new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    testFormatters.set(timeZone, f);
    const at = block * 900_000;
    const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute'])) - at;
    blockOffsets.set(key, offset);
  }
  const local = new Date(ms + offset).toISOString();
  return { date: local.slice(0, 10), minutes: hm(local.slice(11, 16)) };
}

const hm = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const inRange = (m: number, start: number, end: number): boolean => (start < end ? m >= start && m < end : m >= start || m < end);

function plan(s: NudgeSettings, date: string, seed: string): readonly string[] {
  const r = planNudges(s, date, seed);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const DATES = ['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-06-15', '2026-04-05'];
const SETUPS: NudgeSettings[] = [
  { timeZone: '' },
  { timeZone: '', dailyBudget: 5, quietHours: { start: '12:00', end: '13:30' } },
  { timeZone: '', dailyBudget: 4, activeHours: { start: '22:00', end: '06:00' }, quietHours: { start: '02:00', end: '03:00' }, minSpacingMinutes: 60 },
  { timeZone: '', dailyBudget: 5, activeHours: { start: '00:30', end: '04:00' }, minSpacingMinutes: 30 },
];

describe('planNudges rules over many seeds, zones and days', () => {
  it('keeps inside active hours, outside quiet hours, spaced, within budget, deterministic', () => {
    // Violations are collected and compared once: an expect() per instant would make this the slowest test by far.
    const broken: string[] = [];
    let checked = 0;
    for (const zone of ZONES) {
      for (const base of SETUPS) {
        const s = { ...base, timeZone: zone };
        const active = s.activeHours ?? { start: '08:00', end: '22:00' };
        const [as, ae] = [hm(active.start), hm(active.end)];
        const spacing = (s.minSpacingMinutes ?? 90) * 60_000;
        for (const date of DATES) {
          for (let seed = 0; seed < 200; seed += zone === 'Europe/Berlin' || zone === 'America/New_York' ? 1 : 10) {
            const times = plan(s, date, String(seed));
            const at = `${zone} ${date} ${String(seed)} ${JSON.stringify(base)}`;
            if (times.length > (s.dailyBudget ?? 2)) broken.push(`over budget: ${at}`);
            for (const [i, t] of times.entries()) {
              const w = wall(t, zone);
              if (!inRange(w.minutes, as, ae)) broken.push(`outside active hours ${t}: ${at}`);
              // The session belongs to the day it starts on: before midnight on `date`, after it on the next day.
              const expectedDate = as < ae || w.minutes >= as ? date : nextDay(date);
              if (w.date !== expectedDate) broken.push(`wrong day ${t}: ${at}`);
              if (s.quietHours && inRange(w.minutes, hm(s.quietHours.start), hm(s.quietHours.end))) broken.push(`quiet ${t}: ${at}`);
              const prev = times[i - 1];
              if (prev !== undefined && Date.parse(t) - Date.parse(prev) < spacing) broken.push(`too close ${t}: ${at}`);
            }
            checked++;
          }
        }
      }
    }
    expect(broken.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    // Thousands of plans: on a shared, busy machine this takes longer than the default 5 s.
  }, 30_000);

  it('gives the full budget on an ordinary window', () => {
    for (let seed = 0; seed < 200; seed++) expect(plan({ timeZone: 'Europe/Berlin', dailyBudget: 5 }, '2026-05-04', `s${String(seed)}`)).toHaveLength(5);
  });

  it('is deterministic for a seed and varies across seeds and days', () => {
    const s = { timeZone: 'America/New_York', dailyBudget: 3 };
    expect(plan(s, '2026-05-04', 'a')).toEqual(plan(s, '2026-05-04', 'a'));
    const bySeed = new Set(Array.from({ length: 50 }, (_, i) => plan(s, '2026-05-04', String(i)).join()));
    expect(bySeed.size).toBeGreaterThan(45);
    // Same seed over a month: the time of day of the first nudge is not a fixed pattern.
    let date = '2026-05-01';
    const firstTimes = new Set<number>();
    for (let d = 0; d < 30; d++, date = nextDay(date)) firstTimes.add(wall(plan(s, date, 'a')[0] ?? '', s.timeZone).minutes);
    expect(firstTimes.size).toBeGreaterThan(20);
  });

  it('spreads two nudges over the day rather than bunching them', () => {
    let firstBeforeNoon = 0;
    for (let seed = 0; seed < 200; seed++) {
      const t = plan({ timeZone: 'Europe/Berlin' }, '2026-05-04', String(seed))[0] ?? '';
      if (wall(t, 'Europe/Berlin').minutes < 12 * 60) firstBeforeNoon++;
    }
    expect(firstBeforeNoon).toBeGreaterThan(100);
  });

  it('budget 0 turns nudges off', () => {
    expect(plan({ timeZone: 'Europe/Berlin', dailyBudget: 0 }, '2026-05-04', 'x')).toEqual([]);
  });

  it('returns fewer rather than breaking spacing when the window is small', () => {
    const s = { timeZone: 'Europe/Berlin', dailyBudget: 5, activeHours: { start: '18:00', end: '21:00' } };
    for (let seed = 0; seed < 50; seed++) expect(plan(s, '2026-05-04', String(seed))).toHaveLength(2);
    // Quiet hours swallowing the whole window leave nothing.
    expect(plan({ ...s, quietHours: { start: '17:00', end: '23:00' } }, '2026-05-04', 'x')).toEqual([]);
  });

  it('keeps spacing across consecutive days when the night is short', () => {
    const s = { timeZone: 'Europe/Berlin', dailyBudget: 5, activeHours: { start: '07:00', end: '06:30' } };
    for (let seed = 0; seed < 40; seed++) {
      let date = '2026-03-27';
      for (let d = 0; d < 4; d++, date = nextDay(date)) {
        const today = plan(s, date, String(seed));
        const tomorrow = plan(s, nextDay(date), String(seed));
        expect(Date.parse(tomorrow[0] ?? '') - Date.parse(today.at(-1) ?? '')).toBeGreaterThanOrEqual(90 * 60_000);
      }
    }
  });

  it('rejects bad input as values', () => {
    const bad = (s: NudgeSettings, date = '2026-05-04') => {
      const r = planNudges(s, date, 'x');
      return r.ok ? 'ok' : r.code;
    };
    expect(bad({ timeZone: 'Mars/Olympus' })).toBe('invalid-time-zone');
    expect(bad({ timeZone: 'UTC', activeHours: { start: '8:00', end: '22:00' } })).toBe('invalid-hours');
    expect(bad({ timeZone: 'UTC', quietHours: { start: '10:00', end: '10:00' } })).toBe('invalid-hours');
    expect(bad({ timeZone: 'UTC', dailyBudget: 6 })).toBe('invalid-budget');
    expect(bad({ timeZone: 'UTC', dailyBudget: 1.5 })).toBe('invalid-budget');
    expect(bad({ timeZone: 'UTC', minSpacingMinutes: 0 })).toBe('invalid-spacing');
    expect(bad({ timeZone: 'UTC' }, '2026-02-30')).toBe('invalid-date');
    expect(bad({ timeZone: 'UTC', quietHours: null })).toBe('ok');
  });
});

describe('planNudges on daylight-saving days', () => {
  const night = { dailyBudget: 5, activeHours: { start: '01:00', end: '04:00' }, minSpacingMinutes: 45 };

  it('skips the hour that does not exist (spring forward)', () => {
    for (const [zone, date] of [['Europe/Berlin', '2026-03-29'], ['America/New_York', '2026-03-08']] as const) {
      for (let seed = 0; seed < 100; seed++) {
        const times = plan({ ...night, timeZone: zone }, date, String(seed));
        // 01:00–04:00 is two real hours that day: three nudges 45 minutes apart fit, not four.
        expect(times).toHaveLength(3);
        for (const t of times) expect(Math.floor(wall(t, zone).minutes / 60)).not.toBe(2);
      }
      expect(plan({ ...night, timeZone: zone }, '2026-05-04', 'x')).toHaveLength(4);
    }
  });

  it('uses a repeated hour once (fall back)', () => {
    // The second showing of local 02:00–02:59 in Berlin is 01:00–01:59 UTC; of 01:00–01:59 in New York, 06:00–06:59 UTC.
    const cases = [
      { zone: 'Europe/Berlin', date: '2026-10-25', repeatedUtcHour: 1 },
      { zone: 'America/New_York', date: '2026-11-01', repeatedUtcHour: 6 },
    ];
    for (const { zone, date, repeatedUtcHour } of cases) {
      let firstShowing = 0;
      const lengths = new Set<number>();
      const hours = new Set<number>();
      for (let seed = 0; seed < 200; seed++) {
        const times = plan({ ...night, timeZone: zone }, date, String(seed));
        lengths.add(times.length);
        for (const t of times) {
          const hour = new Date(t).getUTCHours();
          hours.add(hour);
          if (hour === repeatedUtcHour - 1) firstShowing++;
        }
      }
      // Three wall hours span four real ones; leaving out the repeated hour still leaves room for five.
      expect([...lengths]).toEqual([5]);
      expect(hours.has(repeatedUtcHour)).toBe(false);
      expect(firstShowing).toBeGreaterThan(0);
    }
  });

  it('places a day-time window right on both change days', () => {
    const s = { timeZone: 'Europe/Berlin', dailyBudget: 5, activeHours: { start: '08:00', end: '08:10' }, minSpacingMinutes: 1 };
    expect(plan(s, '2026-03-29', 'x').every((t) => t >= '2026-03-29T06:00:00.000Z' && t < '2026-03-29T06:10:00.000Z')).toBe(true);
    expect(plan(s, '2026-10-25', 'x').every((t) => t >= '2026-10-25T07:00:00.000Z' && t < '2026-10-25T07:10:00.000Z')).toBe(true);
  });
});
