import { describe, expect, it } from 'vitest';
import { TOUCH_MOMENTS, TOUCH_PROMPTS, type TouchPrompt } from './catalog.ts';
import { momentOfNudge, pickTouchPrompt } from './picker.ts';

describe('touch catalog', () => {
  it('has at least 60 prompts with unique ids, text, and every moment represented', () => {
    expect(TOUCH_PROMPTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TOUCH_PROMPTS.map((p) => p.id)).size).toBe(TOUCH_PROMPTS.length);
    for (const p of TOUCH_PROMPTS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.moments.length).toBeGreaterThan(0);
      expect(p.text.length).toBeGreaterThan(10);
    }
    // A week at the full budget of five needs enough of each moment to avoid repeats.
    for (const m of TOUCH_MOMENTS) expect(TOUCH_PROMPTS.filter((p) => p.moments.includes(m)).length).toBeGreaterThanOrEqual(12);
  });
});

describe('pickTouchPrompt', () => {
  it('never repeats within the week while unused prompts remain', () => {
    for (const moment of TOUCH_MOMENTS) {
      const fitting = TOUCH_PROMPTS.filter((p) => p.moments.includes(moment)).length;
      const used: string[] = [];
      for (let i = 0; i < fitting; i++) {
        const r = pickTouchPrompt(TOUCH_PROMPTS, moment, used, `n${String(i)}`);
        if (!r.ok) throw new Error(r.message);
        expect(r.value.how).toBe('fresh');
        expect(r.value.prompt.moments).toContain(moment);
        expect(used).not.toContain(r.value.prompt.id);
        used.push(r.value.prompt.id);
      }
      // Everything used: the least recently used one comes back.
      const r = pickTouchPrompt(TOUCH_PROMPTS, moment, used, 'again');
      expect(r.ok && r.value).toEqual({ prompt: TOUCH_PROMPTS.find((p) => p.id === used[0]), how: 'repeat' });
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = pickTouchPrompt(TOUCH_PROMPTS, 'evening', [], 'x');
    expect(pickTouchPrompt(TOUCH_PROMPTS, 'evening', [], 'x')).toEqual(a);
    const ids = new Set(Array.from({ length: 40 }, (_, i) => pickTouchPrompt(TOUCH_PROMPTS, 'evening', [], String(i))).map((r) => (r.ok ? r.value.prompt.id : '')));
    expect(ids.size).toBeGreaterThan(10);
  });

  it('reports an empty choice as a value', () => {
    const only: TouchPrompt[] = [{ id: 'a', moments: ['morning'], text: 'A hug before work.' }];
    const r = pickTouchPrompt(only, 'apart', [], 'x');
    expect(r.ok ? 'ok' : r.code).toBe('no-prompts');
  });
});

describe('momentOfNudge', () => {
  it('reads morning and evening from the active hours on the local clock', () => {
    const z = 'Europe/Berlin';
    expect(momentOfNudge(new Date('2026-05-04T07:00:00Z'), z)).toBe('morning'); // 09:00
    expect(momentOfNudge(new Date('2026-05-04T11:00:00Z'), z)).toBe('passing-by'); // 13:00
    expect(momentOfNudge(new Date('2026-05-04T18:30:00Z'), z)).toBe('evening'); // 20:30
    // A night worker awake 22:00–06:00: their morning is 23:00.
    expect(momentOfNudge(new Date('2026-05-04T21:00:00Z'), z, { start: '22:00', end: '06:00' })).toBe('morning');
  });
});
