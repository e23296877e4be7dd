import { describe, expect, it } from 'vitest';
import { answeredTogether, dayFor, questionDays, usedQuestions, type QuestionItem } from './state.ts';

const ME = 'me';
const THEM = 'them';
let n = 0;
const item = (kind: string, authorId: string, body: unknown, parentId: string | null = null, id = `i${String(++n)}`): QuestionItem => ({
  id,
  kind,
  authorId,
  parentId,
  createdAt: `2030-01-15T10:00:${String(n).padStart(2, '0')}.000Z`,
  body,
});

describe('question days', () => {
  const day = item('daily-question-day', THEM, { date: '2030-01-15', round: 0, questionId: 'us-001', catalogVersion: 1 }, null, 'd1');

  it('says the partner answered from the marker alone, and reveals only with both answers', () => {
    const marker = item('daily-question-answered', THEM, {}, 'd1');
    let [d] = questionDays([day, marker], ME);
    expect(d).toMatchObject({ partnerAnswered: true, revealed: false, mine: null, theirs: null });
    expect(d?.question?.text).toBeTruthy();

    const mine = item('daily-question-answer', ME, { text: 'Your laugh' }, 'd1');
    const theirs = item('daily-question-answer', THEM, { text: 'Your shoes' }, 'd1');
    const reaction = item('daily-question-reaction', ME, { reaction: 'love' }, theirs.id);
    const comment = item('daily-question-comment', THEM, { text: 'Really?' }, mine.id);
    [d] = questionDays([day, marker, mine, theirs, reaction, comment], ME);
    expect(d).toMatchObject({ revealed: true, mine: { text: 'Your laugh' }, theirs: { text: 'Your shoes' } });
    expect(d?.reactions.map((r) => r.reaction)).toEqual(['love']);
    expect(d?.comments.map((c) => c.text)).toEqual(['Really?']);
    expect(answeredTogether(d ? [d] : [])).toBe(1);
  });

  it('marks earlier rounds of a date as skipped and counts them as used', () => {
    const next = item('daily-question-day', ME, { date: '2030-01-15', round: 1, questionId: 'fun-002', catalogVersion: 1 }, null, 'd2');
    const days = questionDays([day, next], ME);
    expect(days.map((d) => [d.id, d.skipped])).toEqual([
      ['d2', false],
      ['d1', true],
    ]);
    expect(dayFor(days, '2030-01-15')?.id).toBe('d2');
    expect(usedQuestions(days).map((u) => u.questionId).sort()).toEqual(['fun-002', 'us-001']);
  });

  it('ignores bodies that do not parse rather than guessing', () => {
    expect(questionDays([item('daily-question-day', ME, { date: 'soon' })], ME)).toEqual([]);
  });
});
