import { describe, expect, it } from 'vitest';
import { QUESTIONS } from './catalog.ts';
import { addDaysToDate } from './day.ts';
import { DEFAULT_PREFS, pickQuestion, questionDayId, questionOrder, type UsedQuestion } from './selection.ts';

const keyA = new Uint8Array(32).fill(7);
const keyB = new Uint8Array(32).fill(9);

/** A year of days, each taking the pick and using it, as the app does. */
function runDays(order: ReturnType<typeof questionOrder>, prefs = DEFAULT_PREFS, start = '2030-01-01', days = 365, used: UsedQuestion[] = []) {
  const picks = [];
  for (let i = 0; i < days; i++) {
    const date = addDaysToDate(start, i);
    const p = pickQuestion(order, prefs, used, date);
    if (!p) throw new Error('no pick');
    used.push({ questionId: p.question.id, date });
    picks.push(p);
  }
  return picks;
}

describe('question selection', () => {
  const orderA = questionOrder(keyA);

  it('is a per-couple permutation of the catalog, the same on both devices', () => {
    expect(orderA).toHaveLength(QUESTIONS.length);
    expect(new Set(orderA.map((q) => q.id)).size).toBe(QUESTIONS.length);
    expect(questionOrder(keyA).map((q) => q.id)).toEqual(orderA.map((q) => q.id));
    expect(questionOrder(keyB).map((q) => q.id)).not.toEqual(orderA.map((q) => q.id));
  });

  it('never repeats a question within a year', () => {
    const picks = runDays(orderA);
    expect(new Set(picks.map((p) => p.question.id)).size).toBe(365);
    expect(picks.every((p) => p.how === 'prefs')).toBe(true);
  });

  it('counts skipped questions as used', () => {
    const date = '2030-03-01';
    const first = pickQuestion(orderA, DEFAULT_PREFS, [], date);
    const second = pickQuestion(orderA, DEFAULT_PREFS, [{ questionId: first?.question.id ?? '', date }], date);
    expect(second?.question.id).not.toBe(first?.question.id);
  });

  it('honours the chosen categories and depths', () => {
    const prefs = { categories: ['fun', 'us'] as const, depths: ['light'] as const };
    const picks = runDays(orderA, { categories: [...prefs.categories], depths: [...prefs.depths] }, '2030-01-01', 20);
    for (const p of picks) {
      expect(['fun', 'us']).toContain(p.question.category);
      expect(p.question.depth).toBe('light');
    }
  });

  it('widens the choice rather than repeating once it is used up, then repeats the least recently used', () => {
    const prefs = { categories: ['fun' as const], depths: ['deep' as const] };
    const pool = QUESTIONS.filter((q) => q.category === 'fun' && q.depth === 'deep').length;
    const picks = runDays(orderA, prefs, '2030-01-01', pool + 1);
    expect(picks.slice(0, pool).every((p) => p.how === 'prefs')).toBe(true);
    expect(picks[pool]?.how).toBe('widened');

    // Everything used this year (many skips): the question used longest ago comes back.
    const used = orderA.map((q, i) => ({ questionId: q.id, date: i === 5 ? '2030-01-01' : '2030-02-01' }));
    const again = pickQuestion(orderA, DEFAULT_PREFS, used, '2030-03-01');
    expect(again).toEqual({ question: orderA[5], how: 'repeat' });
  });

  it('offers a question again after a year', () => {
    const date = '2030-01-01';
    const first = pickQuestion(orderA, DEFAULT_PREFS, [], date);
    const used = [{ questionId: first?.question.id ?? '', date }];
    expect(pickQuestion(orderA, DEFAULT_PREFS, used, addDaysToDate(date, 364))?.question.id).not.toBe(first?.question.id);
    expect(pickQuestion(orderA, DEFAULT_PREFS, used, addDaysToDate(date, 365))?.question.id).toBe(first?.question.id);
  });

  it('derives one well-formed day id per space, date and round', () => {
    const id = questionDayId(keyA, '2030-01-15', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(questionDayId(keyA, '2030-01-15', 0)).toBe(id);
    expect(questionDayId(keyA, '2030-01-15', 1)).not.toBe(id);
    expect(questionDayId(keyA, '2030-01-16', 0)).not.toBe(id);
    expect(questionDayId(keyB, '2030-01-15', 0)).not.toBe(id);
  });
});
