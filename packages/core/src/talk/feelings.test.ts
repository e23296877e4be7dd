import { describe, expect, it } from 'vitest';
import { checkinBody } from './checkin.ts';
import { familyOf, FEELING_FAMILIES, FEELING_WORDS, feelingsForMood, MAX_FEELINGS, MOODS, moodWord, NEED_SUGGESTIONS } from './feelings.ts';

describe('feeling words', () => {
  it('has at least 60 words, each once, in families of several words', () => {
    expect(FEELING_WORDS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(FEELING_WORDS).size).toBe(FEELING_WORDS.length);
    expect(new Set(FEELING_WORDS.map((w) => w.toLowerCase())).size).toBe(FEELING_WORDS.length);
    for (const family of FEELING_FAMILIES) expect(family.words.length, family.name).toBeGreaterThanOrEqual(5);
    expect(new Set(FEELING_FAMILIES.map((f) => f.id)).size).toBe(FEELING_FAMILIES.length);
  });

  it('covers pleasant and hard families alike', () => {
    const ids = FEELING_FAMILIES.map((f) => f.id);
    for (const id of ['joy', 'calm', 'love', 'hope', 'sadness', 'worry', 'anger', 'hurt', 'tired']) expect(ids).toContain(id);
  });

  it('uses lower-case, trimmed words that fit a check-in body', () => {
    for (const word of FEELING_WORDS) {
      expect(word).toBe(word.trim().toLowerCase());
      expect(word.length).toBeLessThanOrEqual(40);
    }
  });

  it('finds the family of a word and nothing for a word outside the catalog', () => {
    expect(familyOf('tired')?.id).toBe('tired');
    expect(familyOf('worried')?.id).toBe('worry');
    expect(familyOf('bamboozled')).toBeNull();
  });
});

describe('feelings offered for a mood', () => {
  it('offers a dozen distinct catalog words for every mood, leaning to the mood', () => {
    const pleasant = new Set(FEELING_FAMILIES.filter((f) => ['joy', 'calm', 'love', 'hope'].includes(f.id)).flatMap((f) => f.words));
    const share = (mood: number) => feelingsForMood(mood).filter((w) => pleasant.has(w)).length;
    for (const m of MOODS) {
      const words = feelingsForMood(m.value);
      expect(words, m.word).toHaveLength(12);
      expect(new Set(words).size, m.word).toBe(12);
      for (const w of words) expect(familyOf(w), `${m.word}: ${w}`).not.toBeNull();
    }
    expect(share(1)).toBeLessThan(share(3));
    expect(share(3)).toBeLessThan(share(5));
    expect(feelingsForMood(1)).toContain('overwhelmed');
    expect(feelingsForMood(5)).toContain('grateful');
  });

  it('falls back to the middle of the scale for a mood off it', () => {
    expect(feelingsForMood(0)).toEqual(feelingsForMood(3));
    expect(feelingsForMood(Number.NaN)).toEqual(feelingsForMood(3));
  });
});

describe('mood scale', () => {
  it('has a word and an emoji for each of the five points', () => {
    expect(MOODS.map((m) => m.value)).toEqual([1, 2, 3, 4, 5]);
    expect(MOODS.map((m) => m.word)).toEqual(['Rough', 'Low', 'Okay', 'Good', 'Great']);
    for (const m of MOODS) expect(m.emoji).not.toBe('');
    expect(moodWord(2)).toBe('Low');
    expect(moodWord(9)).toBe('Unknown mood');
  });
});

describe('needs', () => {
  it('offers distinct suggestions that complete "I need…"', () => {
    expect(NEED_SUGGESTIONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(NEED_SUGGESTIONS).size).toBe(NEED_SUGGESTIONS.length);
    for (const need of NEED_SUGGESTIONS) expect(checkinBody.safeParse({ mood: 3, feelings: ['calm'], need }).success).toBe(true);
  });
});

describe('check-in body', () => {
  const valid = { mood: 2, feelings: ['tired', 'worried'], need: 'a quiet evening' };

  it('accepts one to three distinct feelings', () => {
    expect(checkinBody.safeParse(valid).success).toBe(true);
    expect(checkinBody.safeParse({ ...valid, note: 'Long day at work.' }).success).toBe(true);
    expect(checkinBody.safeParse({ ...valid, feelings: [] }).success).toBe(false);
    expect(checkinBody.safeParse({ ...valid, feelings: FEELING_WORDS.slice(0, MAX_FEELINGS + 1) }).success).toBe(false);
    expect(checkinBody.safeParse({ ...valid, feelings: ['tired', 'tired'] }).success).toBe(false);
  });

  it('keeps the mood on the five-point scale; a need is optional but never blank', () => {
    expect(checkinBody.safeParse({ ...valid, mood: 0 }).success).toBe(false);
    expect(checkinBody.safeParse({ ...valid, mood: 6 }).success).toBe(false);
    expect(checkinBody.safeParse({ ...valid, mood: 2.5 }).success).toBe(false);
    expect(checkinBody.safeParse({ ...valid, need: '   ' }).success).toBe(false);
    expect(checkinBody.safeParse({ mood: 4, feelings: ['calm'] }).success).toBe(true);
  });
});
