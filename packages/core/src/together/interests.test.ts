import { describe, expect, it } from 'vitest';
import { askAboutText, interestWeek, pickInterestToAsk, togetherInterestBody, togetherPrivateBody } from './interests.ts';
import { isoWeekKey, weekIndex } from './weeks.ts';

const interests = [
  { id: 'c', createdAt: '2026-10-03T10:00:00.000Z' },
  { id: 'a', createdAt: '2026-10-01T10:00:00.000Z' },
  { id: 'b', createdAt: '2026-10-02T10:00:00.000Z' },
];

describe('weeks', () => {
  it('run Monday to Sunday', () => {
    expect(weekIndex('2026-11-23')).toBe(weekIndex('2026-11-29'));
    expect(weekIndex('2026-11-30')).toBe((weekIndex('2026-11-29') ?? 0) + 1);
    expect(weekIndex('1970-01-05')).toBe(0);
    expect(weekIndex('1970-01-04')).toBe(-1);
  });

  it('have ISO keys, with the ISO year near New Year', () => {
    expect(isoWeekKey('2026-11-29')).toBe('2026-W48');
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(interestWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('nope')).toBeNull();
  });
});

describe('the interest to ask about', () => {
  it('is the same all week and the same on every device', () => {
    const monday = pickInterestToAsk(interests, '2026-11-23', 'user-1');
    expect(monday).not.toBeNull();
    for (const day of ['2026-11-24', '2026-11-26', '2026-11-29']) expect(pickInterestToAsk(interests, day, 'user-1')).toBe(monday);
    expect(pickInterestToAsk([...interests].reverse(), '2026-11-25', 'user-1')?.id).toBe(monday?.id);
  });

  it('goes through every interest before one comes back', () => {
    const weeks = ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'];
    const ids = weeks.map((d) => pickInterestToAsk(interests, d, 'user-1')?.id);
    expect(new Set(ids.slice(0, 3)).size).toBe(3);
    expect(ids.slice(3)).toEqual(ids.slice(0, 3));
    // In order of when they were added.
    const order = ['a', 'b', 'c'];
    const first = order.indexOf(ids[0] ?? '');
    expect(ids.slice(0, 3)).toEqual([0, 1, 2].map((k) => order[(first + k) % 3]));
  });

  it('starts the rotation at a place that depends on who asks', () => {
    const starts = new Set(['u-1', 'u-2', 'u-3', 'u-4', 'u-5', 'u-6'].map((salt) => pickInterestToAsk(interests, '2026-11-23', salt)?.id));
    expect(starts.size).toBeGreaterThan(1);
  });

  it('is nothing when the partner has listed nothing, or the day is unreadable', () => {
    expect(pickInterestToAsk([], '2026-11-23', 'u')).toBeNull();
    expect(pickInterestToAsk(interests, '23/11/2026', 'u')).toBeNull();
  });
});

describe('asking', () => {
  it('uses the owner’s own words, or a gentle default per type', () => {
    const pottery = togetherInterestBody.parse({ type: 'hobby', title: 'pottery', ask: 'how the pottery class went.' });
    expect(askAboutText('Alex', pottery)).toBe('Ask Alex how the pottery class went');
    expect(askAboutText('Sam', togetherInterestBody.parse({ type: 'goal', title: 'the 10k run' }))).toBe('Ask Sam how the 10k run is going, and whether anything would help');
    expect(askAboutText('Sam', togetherInterestBody.parse({ type: 'passion', title: 'jazz piano' }))).toBe('Ask Sam what they love about jazz piano at the moment');
    expect(askAboutText('Sam', togetherInterestBody.parse({ type: 'hobby', title: 'climbing' }))).toBe('Ask Sam how climbing has been going lately');
  });

  it('keeps deck answers and asked marks in one private kind', () => {
    expect(togetherPrivateBody.parse({ type: 'interest-asked', week: '2026-W48', interestId: 'x' }).type).toBe('interest-asked');
    expect(togetherPrivateBody.parse({ type: 'deck-answers', catalogVersion: 1, answers: {} }).type).toBe('deck-answers');
    expect(togetherPrivateBody.safeParse({ type: 'interest-asked', week: '48', interestId: 'x' }).success).toBe(false);
  });
});
