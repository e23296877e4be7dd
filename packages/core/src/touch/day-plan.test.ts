import { describe, expect, it } from 'vitest';
import { TOUCH_PROMPTS } from './catalog.ts';
import { localDateOf, nextLocalMidnight, planNudgeDay } from './day-plan.ts';

describe('local days', () => {
  it('reads the local date and finds the next local midnight, across daylight saving', () => {
    expect(localDateOf(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDateOf(new Date('2026-03-28T23:30:00Z'), 'America/New_York')).toBe('2026-03-28');
    // Berlin springs forward on 29 March: that day has 23 hours.
    expect(nextLocalMidnight(new Date('2026-03-29T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(nextLocalMidnight(new Date('2026-03-28T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // New York falls back on 1 November: that day has 25 hours.
    expect(nextLocalMidnight(new Date('2026-11-01T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(nextLocalMidnight(new Date('2026-10-31T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    // Exactly at midnight, the next one is a day later.
    expect(nextLocalMidnight(new Date('2026-05-04T00:00:00Z'), 'UTC').toISOString()).toBe('2026-05-05T00:00:00.000Z');
  });
});

describe('planNudgeDay', () => {
  const settings = { timeZone: 'Europe/Berlin', dailyBudget: 5, minSpacingMinutes: 60 };

  it('gives each planned instant a fitting prompt, none from the past week, none twice in a day', () => {
    const recent = TOUCH_PROMPTS.slice(0, 20).map((p) => p.id);
    for (let seed = 0; seed < 50; seed++) {
      const r = planNudgeDay(settings, '2026-05-04', String(seed), recent);
      if (!r.ok) throw new Error(r.message);
      expect(r.value).toHaveLength(5);
      const ids = r.value.map((n) => n.promptId);
      expect(new Set(ids).size).toBe(5);
      for (const id of ids) {
        expect(recent).not.toContain(id);
        expect(TOUCH_PROMPTS.some((p) => p.id === id)).toBe(true);
      }
    }
  });

  it('is the same for the same seed, and empty at budget 0', () => {
    expect(planNudgeDay(settings, '2026-05-04', 's', [])).toEqual(planNudgeDay(settings, '2026-05-04', 's', []));
    expect(planNudgeDay({ ...settings, dailyBudget: 0 }, '2026-05-04', 's', [])).toEqual({ ok: true, value: [] });
  });
});
