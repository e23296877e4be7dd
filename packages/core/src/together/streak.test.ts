import { describe, expect, it } from 'vitest';
import { progressLine, ritualProgress } from './streak.ts';

const weeks = ['2026-03-01T12:30', '2026-03-08T12:30', '2026-03-15T12:30', '2026-03-22T12:30', '2026-03-29T12:30'];

describe('the gentle streak', () => {
  it('counts kept occurrences; a skip never breaks the run', () => {
    const p = ritualProgress(weeks, [
      { occurrence: weeks[0] ?? '', outcome: 'done' },
      { occurrence: weeks[1] ?? '', outcome: 'done' },
      { occurrence: weeks[2] ?? '', outcome: 'skipped' },
      { occurrence: weeks[3] ?? '', outcome: 'done' },
      { occurrence: weeks[4] ?? '', outcome: 'done' },
    ]);
    expect(p).toEqual({ kept: 4, skipped: 1, run: 4 });
    expect(progressLine(p)).toBe('Kept 4 times · 4 in a row lately');
  });

  it('one unmarked occurrence is forgiven; two in a row start the run afresh, but kept only grows', () => {
    const one = ritualProgress(weeks, [
      { occurrence: weeks[0] ?? '', outcome: 'done' },
      { occurrence: weeks[2] ?? '', outcome: 'done' },
      { occurrence: weeks[4] ?? '', outcome: 'done' },
    ]);
    expect(one.run).toBe(3);
    const two = ritualProgress(weeks, [
      { occurrence: weeks[0] ?? '', outcome: 'done' },
      { occurrence: weeks[3] ?? '', outcome: 'done' },
    ]);
    expect(two).toEqual({ kept: 2, skipped: 0, run: 1 });
  });

  it('if either partner said "we did it", it counts as done', () => {
    const p = ritualProgress(weeks.slice(0, 1), [
      { occurrence: weeks[0] ?? '', outcome: 'skipped' },
      { occurrence: weeks[0] ?? '', outcome: 'done' },
    ]);
    expect(p).toEqual({ kept: 1, skipped: 0, run: 1 });
    expect(progressLine(ritualProgress([], []))).toMatch(/Not marked yet/);
  });
});
