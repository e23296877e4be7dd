import { describe, expect, it } from 'vitest';
import { matchUploadRequest } from '../api/matching.ts';
import { privateRecordBody } from '../help/records.ts';
import { deriveMatchKey, matchForViewer, matchToken, type MatchAnswer, type MatchUpload } from '../matching/index.ts';
import {
  DESIRE_CATEGORIES,
  DESIRE_LEVELS,
  DESIRES,
  buildDesireUpload,
  desireLevelAllows,
  desireMatches,
  nextUnanswered,
  visibleDesires,
  type DesireLevel,
} from './desires.ts';

const key = deriveMatchKey(new Uint8Array(32).fill(3));

function upload(level: DesireLevel, answers: Map<string, MatchAnswer>): MatchUpload {
  const built = buildDesireUpload(key, level, answers);
  if (!built.ok) throw new Error(built.message);
  return built.value;
}

/** What the viewer's app shows after both uploaded at `level`. */
function shown(level: DesireLevel, own: Map<string, MatchAnswer>, partner: Map<string, MatchAnswer>) {
  const result = matchForViewer(upload(level, own), upload(level, partner));
  return desireMatches(key, level, own, result.tokens);
}

const idsIn = (category: string) => DESIRES.filter((d) => d.category === category).map((d) => d.id);

describe('desire catalog', () => {
  it('has at least 60 ideas with unique, stable ids in known categories at known levels', () => {
    expect(DESIRES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DESIRES.map((d) => d.id)).size).toBe(DESIRES.length);
    expect(new Set(DESIRES.map((d) => d.text.toLowerCase())).size).toBe(DESIRES.length);
    const categories = new Set<string>(DESIRE_CATEGORIES.map((c) => c.id));
    for (const desire of DESIRES) {
      expect(desire.id).toMatch(/^desire-\d{3}$/);
      expect(categories.has(desire.category)).toBe(true);
      expect(DESIRE_LEVELS).toContain(desire.level);
      expect(desire.text.length).toBeLessThanOrEqual(120);
    }
    for (const level of DESIRE_LEVELS) expect(DESIRES.some((d) => d.level === level)).toBe(true);
  });

  it('leaves room for honest answers under the 90% rule: at every level a category shows none or at least ten ideas', () => {
    for (const level of DESIRE_LEVELS) {
      for (const category of DESIRE_CATEGORIES) {
        const n = visibleDesires(level).filter((d) => d.category === category.id).length;
        expect(n === 0 || n >= 10, `${category.id} at ${level}: ${n}`).toBe(true);
      }
    }
  });
});

describe('levels', () => {
  it('shows only ideas at or below the effective level', () => {
    expect(visibleDesires('sweet').every((d) => d.level === 'sweet')).toBe(true);
    expect(visibleDesires('flirty').every((d) => d.level !== 'spicy')).toBe(true);
    expect(visibleDesires('spicy')).toHaveLength(DESIRES.length);
    expect(desireLevelAllows('flirty', 'sweet')).toBe(true);
    expect(desireLevelAllows('flirty', 'spicy')).toBe(false);
  });

  it('uploads nothing for ideas above the level, even ones answered yes at a higher level before', () => {
    const everything = new Map(DESIRES.map((d, i) => [d.id, i % 2 === 0 ? ('yes' as const) : ('maybe' as const)]));
    const up = upload('sweet', everything);
    const tokens = new Set(up.groups.flatMap((g) => g.tokens));
    for (const desire of DESIRES) {
      const has = tokens.has(matchToken(key, 'desires', desire.id, 'maybe-or-yes'));
      expect(has, desire.id).toBe(desire.level === 'sweet');
    }
    // And nothing above the level ever becomes a match, whatever the partner uploads.
    const spicyUpload = upload('spicy', everything);
    const leaked = spicyUpload.groups.flatMap((g) => g.tokens);
    const { matches } = desireMatches(key, 'sweet', everything, leaked);
    expect(matches.every((m) => DESIRES.find((d) => d.id === m.itemId)?.level === 'sweet')).toBe(true);
  });

  it('lists every category at every level, so the server cannot tell the level from the upload’s shape', () => {
    const shapes = DESIRE_LEVELS.map((level) => upload(level, new Map()).groups.map((g) => g.category));
    expect(shapes[0]).toHaveLength(DESIRE_CATEGORIES.length);
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    for (const level of DESIRE_LEVELS) expect(matchUploadRequest.safeParse(upload(level, new Map([['desire-001', 'yes']]))).success).toBe(true);
  });

  it('walks through unanswered ideas at the level in catalog order', () => {
    const answers = new Map<string, MatchAnswer>([['desire-001', 'no']]);
    expect(nextUnanswered('sweet', answers)?.id).toBe('desire-002');
    const all = new Map(visibleDesires('sweet').map((d) => [d.id, 'maybe' as const]));
    expect(nextUnanswered('sweet', all)).toBeNull();
    expect(nextUnanswered('flirty', all)?.level).toBe('flirty');
  });
});

describe('desire matching', () => {
  it('shows only mutual yes/maybe answers, and a changed no removes the match', () => {
    const alex = new Map<string, MatchAnswer>([
      ['desire-001', 'yes'],
      ['desire-002', 'maybe'],
      ['desire-003', 'yes'],
      ['desire-023', 'yes'],
    ]);
    const sam = new Map<string, MatchAnswer>([
      ['desire-001', 'yes'],
      ['desire-002', 'yes'],
      ['desire-003', 'no'],
      ['desire-023', 'yes'],
    ]);
    const view = (level: DesireLevel, a: Map<string, MatchAnswer>, b: Map<string, MatchAnswer>) =>
      shown(level, a, b).matches.map((m) => `${m.itemId}:${m.strength}`);
    expect(view('flirty', alex, sam)).toEqual(['desire-001:strong', 'desire-002:soft', 'desire-023:strong']);
    expect(view('flirty', sam, alex)).toEqual(view('flirty', alex, sam));
    // At sweet, the flirty idea both said yes to is not shown.
    expect(view('sweet', alex, sam)).toEqual(['desire-001:strong', 'desire-002:soft']);
    sam.set('desire-001', 'no');
    expect(view('flirty', alex, sam)).toEqual(['desire-002:soft', 'desire-023:strong']);
  });

  it('withholds a category from someone saying yes to more than 90% of it, and explains why', () => {
    const closeness = idsIn('closeness');
    const eager = new Map<string, MatchAnswer>(closeness.map((id) => [id, 'yes']));
    eager.set('desire-012', 'yes');
    const careful = new Map<string, MatchAnswer>([
      [closeness[0] ?? '', 'yes'],
      ['desire-012', 'yes'],
    ]);
    const eagerView = shown('sweet', eager, careful);
    expect(eagerView.matches.map((m) => m.itemId)).toEqual(['desire-012']);
    expect(eagerView.withheld.map((w) => w.category)).toEqual(['closeness']);
    expect(eagerView.withheld[0]?.reason).toContain('Closeness and cuddles');
    expect(eagerView.withheld[0]?.reason).toContain(`at most ${Math.floor((closeness.length * 9) / 10)} yes`);
    // The careful partner still sees both matches.
    expect(shown('sweet', careful, eager).matches.map((m) => m.itemId)).toEqual([closeness[0], 'desire-012']);
    // Still over the limit with one answer moved (10 of 11); a second one brings the category back.
    eager.set(closeness[1] ?? '', 'maybe');
    expect(shown('sweet', eager, careful).withheld).toHaveLength(1);
    eager.set(closeness[2] ?? '', 'no');
    expect(shown('sweet', eager, careful).matches.map((m) => m.itemId)).toEqual([closeness[0], 'desire-012']);
  });

  it('stores answers as a private record that can be changed', () => {
    const record = { type: 'desire-answers', answers: { 'desire-001': 'yes', 'desire-002': 'no' } };
    expect(privateRecordBody.parse(record)).toEqual(record);
    expect(privateRecordBody.safeParse({ type: 'desire-answers', answers: { 'desire-001': 'sure' } }).success).toBe(false);
  });
});
