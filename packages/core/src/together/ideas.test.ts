import { describe, expect, it } from 'vitest';
import { DATE_IDEAS, IDEAS_VERSION, IDEA_COSTS, IDEA_ENERGIES, IDEA_PLACES, IDEA_TIMES, filterIdeas, ideaById, ideaMatchItems, ideaTimeOf } from './ideas.ts';
import { withheldCategories } from '../matching/yes-rate.ts';

describe('ideas deck catalog', () => {
  it('has at least 80 ideas with unique ids and texts', () => {
    expect(IDEAS_VERSION).toBeGreaterThanOrEqual(1);
    expect(DATE_IDEAS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(DATE_IDEAS.map((i) => i.id)).size).toBe(DATE_IDEAS.length);
    expect(new Set(DATE_IDEAS.map((i) => i.text.toLowerCase())).size).toBe(DATE_IDEAS.length);
    for (const i of DATE_IDEAS) {
      expect(i.id).toMatch(/^idea-\d{3}$/);
      expect(i.text.trim()).toBe(i.text);
      expect(i.minutes).toBeGreaterThan(0);
      expect(ideaById(i.id)).toBe(i);
    }
  });

  it('uses every tag value', () => {
    for (const c of IDEA_COSTS) expect(DATE_IDEAS.some((i) => i.cost === c), c).toBe(true);
    for (const w of IDEA_PLACES) expect(DATE_IDEAS.some((i) => i.where === w), w).toBe(true);
    for (const e of IDEA_ENERGIES) expect(DATE_IDEAS.some((i) => i.energy === e), e).toBe(true);
    expect(DATE_IDEAS.some((i) => i.firstFirst)).toBe(true);
    expect(DATE_IDEAS.some((i) => !i.firstFirst)).toBe(true);
  });

  it('tags every idea with known values only, and has plenty of each time and of likely firsts', () => {
    for (const i of DATE_IDEAS) {
      expect(IDEA_COSTS, i.id).toContain(i.cost);
      expect(IDEA_PLACES, i.id).toContain(i.where);
      expect(IDEA_ENERGIES, i.id).toContain(i.energy);
      expect(Number.isInteger(i.minutes), i.id).toBe(true);
      expect(typeof i.firstFirst, i.id).toBe('boolean');
    }
    for (const t of IDEA_TIMES) expect(DATE_IDEAS.filter((i) => ideaTimeOf(i.minutes) === t).length, t).toBeGreaterThanOrEqual(10);
    // Enough for weeks of first-first suggestions.
    expect(DATE_IDEAS.filter((i) => i.firstFirst).length).toBeGreaterThanOrEqual(30);
    expect([30, 60, 61, 240, 241].map(ideaTimeOf)).toEqual(['quick', 'quick', 'evening', 'evening', 'long']);
  });

  it('filters by tags, time and first-first; empty filters mean any', () => {
    expect(filterIdeas(DATE_IDEAS, {})).toHaveLength(DATE_IDEAS.length);
    expect(filterIdeas(DATE_IDEAS, { cost: [] })).toHaveLength(DATE_IDEAS.length);
    const cheapQuickHome = filterIdeas(DATE_IDEAS, { cost: ['free', '$'], where: ['home'], maxMinutes: 60, firstFirst: true });
    expect(cheapQuickHome.length).toBeGreaterThan(0);
    for (const i of cheapQuickHome) {
      expect(['free', '$']).toContain(i.cost);
      expect(i.where).toBe('home');
      expect(i.minutes).toBeLessThanOrEqual(60);
      expect(i.firstFirst).toBe(true);
    }
  });

  it('groups ideas by place for the 90% rule, each group big enough to say yes to most', () => {
    const items = ideaMatchItems();
    for (const w of IDEA_PLACES) expect(items.filter((i) => i.category === w).length).toBeGreaterThanOrEqual(20);
    const mostlyYes = new Map(items.filter((i) => i.category === 'home').slice(0, 20).map((i) => [i.id, 'yes' as const]));
    expect(withheldCategories(items, mostlyYes)).toEqual([]);
  });
});
