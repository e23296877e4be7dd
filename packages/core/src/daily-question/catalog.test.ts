import { describe, expect, it } from 'vitest';
import { ITEM_BODY_SCHEMAS } from '../items/bodies.ts';
import { ITEM_KIND_RULES } from '../items/kinds.ts';
import { QUESTIONS, QUESTION_CATEGORIES, QUESTION_DEPTHS, questionById } from './catalog.ts';

describe('daily question catalog', () => {
  it('has at least 365 questions with unique ids and texts', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(365);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    expect(new Set(QUESTIONS.map((q) => q.text.toLowerCase())).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      expect(q.text.trim()).toBe(q.text);
      expect(q.text.endsWith('?')).toBe(true);
      expect(questionById(q.id)).toBe(q);
    }
  });

  it('represents every category and depth well', () => {
    for (const c of QUESTION_CATEGORIES) expect(QUESTIONS.filter((q) => q.category === c).length).toBeGreaterThanOrEqual(45);
    for (const d of QUESTION_DEPTHS) expect(QUESTIONS.filter((q) => q.depth === d).length).toBeGreaterThanOrEqual(90);
    // Every pair exists, so any choice of categories and depths has questions.
    for (const c of QUESTION_CATEGORIES)
      for (const d of QUESTION_DEPTHS) expect(QUESTIONS.filter((q) => q.category === c && q.depth === d).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps answers withheld until both answered, and reactions under the answer', () => {
    expect(ITEM_KIND_RULES['daily-question-answer']).toMatchObject({ parents: ['daily-question-day'], onePerAuthor: true, revealWhenBoth: true });
    expect(ITEM_KIND_RULES['daily-question-reaction'].parents).toEqual(['daily-question-answer']);
    expect(ITEM_KIND_RULES['daily-question-reminder'].visibilities).toEqual(['private']);
    expect(ITEM_BODY_SCHEMAS['daily-question-day'].safeParse({ date: '2030-01-15', round: 0, questionId: 'us-001', catalogVersion: 1 }).success).toBe(true);
  });
});
