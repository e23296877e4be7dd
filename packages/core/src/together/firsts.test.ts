import { describe, expect, it } from 'vitest';
import { DATE_IDEAS } from './ideas.ts';
import { firstsCounts, firstsCountText, monthLabel, seasonMonthsLabel, seasonOf, suggestFirsts, togetherFirstBody } from './firsts.ts';

describe('seasons', () => {
  it('are the meteorological quarters, December’s running into the next year', () => {
    expect(seasonOf('2026-03-01')?.months).toEqual(['2026-03', '2026-04', '2026-05']);
    expect(seasonOf('2026-05-31')?.start).toBe('2026-03');
    expect(seasonOf('2026-06-01')?.start).toBe('2026-06');
    expect(seasonOf('2026-11-30')?.start).toBe('2026-09');
    expect(seasonOf('2026-12-01')?.months).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(seasonOf('2027-01-15')?.start).toBe('2026-12');
    expect(seasonOf('2028-02-29')?.start).toBe('2027-12');
    expect(seasonOf('not a day')).toBeNull();
  });

  it('are named by their months, which reads right in either hemisphere', () => {
    const winterOrSummer = seasonOf('2027-01-15');
    if (!winterOrSummer) throw new Error('season');
    expect(seasonMonthsLabel(winterOrSummer)).toBe('December–February');
    expect(monthLabel('2026-11')).toBe('November 2026');
  });
});

describe('counting firsts', () => {
  const firsts = [
    { date: '2026-09-02' }, // previous season
    { date: '2026-11-29' }, // this month
    { date: '2026-11-03' },
    { date: '2026-10-12' },
    { date: '2025-11-20' }, // same month a year ago: not this month
    { date: 'garbled' },
  ];

  it('counts this month, this season and each month by the day it happened', () => {
    const counts = firstsCounts(firsts, '2026-11-29');
    expect(counts).toMatchObject({ total: 6, thisMonth: 2, thisSeason: 4, season: { start: '2026-09' } });
    expect(counts?.byMonth).toEqual([
      { month: '2026-11', count: 2 },
      { month: '2026-10', count: 1 },
      { month: '2026-09', count: 1 },
      { month: '2025-11', count: 1 },
    ]);
  });

  it('starts a new season at zero and counts across the year end', () => {
    expect(firstsCounts(firsts, '2026-12-01')).toMatchObject({ thisMonth: 0, thisSeason: 0 });
    const winter = [{ date: '2026-12-24' }, { date: '2027-01-01' }, { date: '2027-02-28' }, { date: '2027-03-01' }];
    expect(firstsCounts(winter, '2027-02-10')).toMatchObject({ thisSeason: 3, thisMonth: 1 });
    expect(firstsCounts([], '2026-11-29')).toMatchObject({ total: 0, thisSeason: 0, byMonth: [] });
  });

  it('says it warmly, singular and plural', () => {
    expect(firstsCountText(3, 'season')).toBe('3 firsts this season');
    expect(firstsCountText(1, 'month')).toBe('1 first this month');
    expect(firstsCountText(0, 'season')).toBe('Nothing new yet this season — there is room for a first.');
  });

  it('keeps a memory note and the idea it came from, and refuses a day that does not exist', () => {
    expect(togetherFirstBody.parse({ title: 'Pottery class', date: '2026-11-20' })).toEqual({ title: 'Pottery class', date: '2026-11-20', note: '', ideaId: null });
    expect(togetherFirstBody.safeParse({ title: 'x', date: '2026-02-30' }).success).toBe(false);
    expect(togetherFirstBody.safeParse({ title: '', date: '2026-02-03' }).success).toBe(false);
  });
});

describe('suggesting firsts', () => {
  it('suggests first-first catalog ideas not yet done, the same all week and new the next', () => {
    const monday = suggestFirsts(new Set(), '2026-11-23');
    expect(monday).toHaveLength(3);
    for (const i of monday) expect(i.firstFirst).toBe(true);
    expect(suggestFirsts(new Set(), '2026-11-29')).toEqual(monday);
    expect(suggestFirsts(new Set(), '2026-11-30')).not.toEqual(monday);
  });

  it('leaves out what the couple has already done, and runs dry gracefully', () => {
    const monday = suggestFirsts(new Set(), '2026-11-23');
    const done = new Set(monday.map((i) => i.id));
    for (const i of suggestFirsts(done, '2026-11-23')) expect(done.has(i.id)).toBe(false);
    const everything = new Set(DATE_IDEAS.map((i) => i.id));
    expect(suggestFirsts(everything, '2026-11-23')).toEqual([]);
    const allButOne = new Set(DATE_IDEAS.filter((i) => i.firstFirst).slice(1).map((i) => i.id));
    expect(suggestFirsts(allButOne, '2026-11-23')).toHaveLength(1);
  });
});
