import { describe, expect, it } from 'vitest';
import { balanceNote, weekBalance, weekStart, weeklyPromptDue } from './balance.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const PARTNER = '00000000-0000-4000-8000-00000000000b';
const item = (kind: string, authorId: string, createdAt: string) => ({ kind, authorId, createdAt });

describe('weekly balance', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2030-03-13')).toBe('2030-03-11');
    expect(weekStart('2030-03-11')).toBe('2030-03-11');
    expect(weekStart('2030-03-17')).toBe('2030-03-11');
  });

  it('counts thank-yous and celebrations given and received, and hard conversations opened, in my week', () => {
    const items = [
      item('support-thanks', ME, '2030-03-11T08:00:00.000Z'),
      item('support-thanks', ME, '2030-03-12T08:00:00.000Z'),
      item('support-thanks', PARTNER, '2030-03-13T08:00:00.000Z'),
      item('support-celebration', PARTNER, '2030-03-13T09:00:00.000Z'),
      item('support-celebration', ME, '2030-03-14T09:00:00.000Z'),
      item('talk-topic', PARTNER, '2030-03-12T19:00:00.000Z'),
      item('talk-topic', ME, '2030-03-15T19:00:00.000Z'),
      // Other kinds are not part of the balance.
      item('support-win', PARTNER, '2030-03-13T08:00:00.000Z'),
      item('checkin', ME, '2030-03-13T08:00:00.000Z'),
      // Last week, and next week.
      item('support-thanks', PARTNER, '2030-03-10T12:00:00.000Z'),
      item('talk-topic', PARTNER, '2030-03-18T12:00:00.000Z'),
      item('support-thanks', PARTNER, 'garbled'),
    ];
    const b = weekBalance(items, ME, new Date('2030-03-14T12:00:00.000Z'), 'UTC');
    expect(b).toEqual({
      from: '2030-03-11',
      to: '2030-03-17',
      given: { appreciations: 2, celebrations: 1 },
      received: { appreciations: 1, celebrations: 1 },
      hard: 2,
      warm: 5,
    });
    // The same items from my partner's side: given and received swap.
    const theirs = weekBalance(items, PARTNER, new Date('2030-03-14T12:00:00.000Z'), 'UTC');
    expect(theirs?.given).toEqual({ appreciations: 1, celebrations: 1 });
    expect(theirs?.received).toEqual({ appreciations: 2, celebrations: 1 });
  });

  it('draws the week in the person’s time zone', () => {
    // Sunday 23:30 UTC is already Monday in Berlin: a new week there.
    const items = [item('support-thanks', PARTNER, '2030-03-10T23:30:00.000Z')];
    expect(weekBalance(items, ME, new Date('2030-03-11T10:00:00.000Z'), 'Europe/Berlin')?.received.appreciations).toBe(1);
    expect(weekBalance(items, ME, new Date('2030-03-11T10:00:00.000Z'), 'UTC')?.received.appreciations).toBe(0);
  });

  it('describes the week in words, never as a score', () => {
    const notes = [
      balanceNote({ warm: 0, hard: 0 }),
      balanceNote({ warm: 3, hard: 0 }),
      balanceNote({ warm: 10, hard: 2 }),
      balanceNote({ warm: 3, hard: 2 }),
      balanceNote({ warm: 0, hard: 1 }),
    ];
    expect(new Set(notes).size).toBe(5);
    for (const n of notes) {
      expect(n).not.toMatch(/\d/);
      expect(n).not.toMatch(/score|fail|beat|ratio/i);
    }
    expect(balanceNote({ warm: 10, hard: 2 })).toMatch(/warmth/);
  });
});

describe('weekly appreciation prompt', () => {
  // 13 March 2030 is a Wednesday (2).
  const wednesday = new Date('2030-03-13T10:00:00.000Z');
  it('asks on my chosen day until I have said thank you that day', () => {
    expect(weeklyPromptDue(2, [], ME, wednesday, 'UTC')).toBe(true);
    expect(weeklyPromptDue(3, [], ME, wednesday, 'UTC')).toBe(false);
    expect(weeklyPromptDue(null, [], ME, wednesday, 'UTC')).toBe(false);
    expect(weeklyPromptDue(2, [{ authorId: ME, createdAt: '2030-03-13T08:00:00.000Z' }], ME, wednesday, 'UTC')).toBe(false);
    expect(weeklyPromptDue(2, [{ authorId: PARTNER, createdAt: '2030-03-13T08:00:00.000Z' }], ME, wednesday, 'UTC')).toBe(true);
    expect(weeklyPromptDue(2, [{ authorId: ME, createdAt: '2030-03-12T08:00:00.000Z' }], ME, wednesday, 'UTC')).toBe(true);
  });

  it('follows my time zone', () => {
    // 23:30 UTC on Wednesday is Thursday in Berlin.
    expect(weeklyPromptDue(3, [], ME, new Date('2030-03-13T23:30:00.000Z'), 'Europe/Berlin')).toBe(true);
    expect(weeklyPromptDue(3, [], ME, new Date('2030-03-13T23:30:00.000Z'), 'UTC')).toBe(false);
  });
});
