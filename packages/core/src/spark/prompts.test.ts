import { describe, expect, it } from 'vitest';
import { SPARK_LEVELS, levelAllowed } from './consent.ts';
import { SPARK_PROMPTS, SPARK_PROMPT_KINDS, sparkPromptById } from './prompts.ts';
import { promptsAtOrBelow, suggestSparkPrompts } from './suggest.ts';
import { sparkMessageBody, sparkSteerBody } from './bodies.ts';

describe('Spark prompt catalog', () => {
  it('has at least 90 prompts with unique ids, and plenty at every level', () => {
    expect(SPARK_PROMPTS.length).toBeGreaterThanOrEqual(90);
    expect(new Set(SPARK_PROMPTS.map((p) => p.id)).size).toBe(SPARK_PROMPTS.length);
    expect(new Set(SPARK_PROMPTS.map((p) => p.text)).size).toBe(SPARK_PROMPTS.length);
    const perLevel = Object.fromEntries(SPARK_LEVELS.map((l) => [l, SPARK_PROMPTS.filter((p) => p.level === l).length]));
    expect(perLevel).toEqual({ sweet: 36, flirty: 32, spicy: 28 });
  });

  it('covers every kind at every level, so steering away from one never empties a level', () => {
    for (const level of SPARK_LEVELS) {
      for (const kind of SPARK_PROMPT_KINDS) {
        expect(SPARK_PROMPTS.some((p) => p.level === level && p.kind === kind), `${level}/${kind}`).toBe(true);
      }
    }
  });

  it('keeps each level in its own id namespace and finds prompts by id', () => {
    for (const p of SPARK_PROMPTS) {
      expect(p.id.startsWith(`${p.level}-`)).toBe(true);
      expect(p.text.length).toBeLessThanOrEqual(200);
      expect(sparkPromptById(p.id)).toBe(p);
    }
    expect(sparkPromptById('no-such-prompt')).toBeUndefined();
  });
});

describe('Spark suggestions', () => {
  it('never suggests anything above the level', () => {
    for (const level of SPARK_LEVELS) {
      for (let seed = 0; seed < 30; seed += 1) {
        const picks = suggestSparkPrompts({ level, seed, count: 10 });
        expect(picks).toHaveLength(10);
        for (const p of picks) expect(levelAllowed(p.level, level)).toBe(true);
      }
    }
    expect(promptsAtOrBelow('sweet').every((p) => p.level === 'sweet')).toBe(true);
    expect(promptsAtOrBelow('spicy')).toHaveLength(SPARK_PROMPTS.length);
  });

  it('steers away from kinds the partner marked, unless nothing else is left', () => {
    const picks = suggestSparkPrompts({ level: 'flirty', avoidKinds: ['desire', 'playful'], seed: 3, count: 200 });
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.some((p) => p.kind === 'desire' || p.kind === 'playful')).toBe(false);
    const everything = suggestSparkPrompts({ level: 'sweet', avoidKinds: [...SPARK_PROMPT_KINDS], seed: 3, count: 5 });
    expect(everything).toHaveLength(5);
  });

  it('is the same for the same seed, and offers recently sent prompts last', () => {
    const a = suggestSparkPrompts({ level: 'spicy', seed: 42, count: 6 });
    expect(suggestSparkPrompts({ level: 'spicy', seed: 42, count: 6 })).toEqual(a);
    const recent = a.slice(0, 3).map((p) => p.id);
    const next = suggestSparkPrompts({ level: 'spicy', seed: 42, count: SPARK_PROMPTS.length, recentIds: recent });
    expect(next.slice(-3).map((p) => p.id).sort()).toEqual([...recent].sort());
  });
});

describe('Spark bodies', () => {
  it('accept a message from a prompt and a steer of kinds only', () => {
    expect(sparkMessageBody.safeParse({ v: 1, level: 'sweet', text: 'Hi you', promptId: 'sweet-laugh', promptKind: 'compliment' }).success).toBe(true);
    expect(sparkMessageBody.safeParse({ v: 1, level: 'wild', text: 'Hi', promptId: null, promptKind: null }).success).toBe(false);
    expect(sparkSteerBody.safeParse({ v: 1, avoidKinds: ['desire'] }).success).toBe(true);
    expect(sparkSteerBody.safeParse({ v: 1, avoidKinds: ['desire'], messageId: 'x' })).toMatchObject({ success: true, data: { avoidKinds: ['desire'] } });
  });
});
