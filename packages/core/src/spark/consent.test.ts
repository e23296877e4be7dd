import { describe, expect, it } from 'vitest';
import { SPARK_LEVELS, effectiveLevel, effectiveSpark, levelAllowed, lowerLevel, type SparkSettings } from './consent.ts';

const on = (level: SparkSettings['level'], paused = false): SparkSettings => ({ enabled: true, level, paused });
const off = (level: SparkSettings['level'] = 'spicy'): SparkSettings => ({ enabled: false, level, paused: false });

describe('effective Spark level', () => {
  it('is the lower of the two levels, whichever partner holds it', () => {
    for (const a of SPARK_LEVELS) {
      for (const b of SPARK_LEVELS) {
        const expected = SPARK_LEVELS[Math.min(SPARK_LEVELS.indexOf(a), SPARK_LEVELS.indexOf(b))];
        expect(effectiveLevel(on(a), on(b))).toBe(expected);
        expect(effectiveLevel(on(b), on(a))).toBe(expected);
        expect(lowerLevel(a, b)).toBe(expected);
      }
    }
  });

  it('is off until I turn it on, and waiting until my partner does', () => {
    expect(effectiveSpark(null, on('spicy'))).toEqual({ state: 'off', level: null });
    expect(effectiveSpark(off(), on('spicy'))).toEqual({ state: 'off', level: null });
    expect(effectiveSpark(on('spicy'), null)).toEqual({ state: 'waiting', level: null });
    expect(effectiveSpark(on('spicy'), off('spicy'))).toEqual({ state: 'waiting', level: null });
  });

  it('is paused, with no level, when either partner pauses', () => {
    expect(effectiveSpark(on('spicy', true), on('spicy'))).toEqual({ state: 'paused', level: null });
    expect(effectiveSpark(on('spicy'), on('spicy', true))).toEqual({ state: 'paused', level: null });
  });

  it('looks the same from both sides', () => {
    const a = on('flirty');
    const b = on('spicy', true);
    expect(effectiveSpark(a, b)).toEqual(effectiveSpark(b, a));
    expect(effectiveSpark(on('flirty'), on('spicy'))).toEqual({ state: 'on', level: 'flirty' });
  });

  it('allows content at or below the limit only', () => {
    expect(levelAllowed('sweet', 'sweet')).toBe(true);
    expect(levelAllowed('flirty', 'sweet')).toBe(false);
    expect(levelAllowed('spicy', 'flirty')).toBe(false);
    expect(levelAllowed('flirty', 'spicy')).toBe(true);
  });
});
