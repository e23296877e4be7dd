import { describe, expect, it } from 'vitest';
import { matchUploadRequest, matchResultResponse } from '../api/matching.ts';
import { seededRandom } from '../seeded-random.ts';
import {
  MATCH_ANSWERS,
  MATCH_TOKEN_LENGTH,
  buildMatchUpload,
  categoryTag,
  deriveMatchKey,
  matchForViewer,
  matchToken,
  matchesFromTokens,
  tokensForAnswer,
  withheldCategories,
  yesRates,
  type MatchAnswer,
  type MatchItem,
  type MatchUpload,
} from './index.ts';

const spaceA = new Uint8Array(32).fill(7);
const spaceB = new Uint8Array(32).fill(8);
const key = deriveMatchKey(spaceA);

// Ten categories of 12: room for honest answers under the 90% limit (at most 10 yes).
const ITEMS: MatchItem[] = Array.from({ length: 120 }, (_, i) => ({ id: `d-${i}`, category: `c-${i % 10}` }));

function randomAnswers(next: () => number, yesBias = 0.4): Map<string, MatchAnswer> {
  const answers = new Map<string, MatchAnswer>();
  for (const item of ITEMS) {
    const r = next();
    if (r < 0.1) continue; // skipped
    answers.set(item.id, r < 0.1 + yesBias * 0.9 ? 'yes' : r < 0.75 ? 'maybe' : 'no');
  }
  return answers;
}

function upload(answers: Map<string, MatchAnswer>, matchKey = key): MatchUpload {
  const built = buildMatchUpload(matchKey, 'desires', ITEMS, answers);
  if (!built.ok) throw new Error(built.message);
  return built.value;
}

/** The mutual matches by definition, worked out with both answer sets in hand. */
function expectedMatches(own: Map<string, MatchAnswer>, partner: Map<string, MatchAnswer>): Map<string, string> {
  const hidden = new Set(withheldCategories(ITEMS, own).map((w) => w.category));
  const out = new Map<string, string>();
  for (const item of ITEMS) {
    const a = own.get(item.id);
    const b = partner.get(item.id);
    if (hidden.has(item.category) || a === undefined || b === undefined || a === 'no' || b === 'no') continue;
    out.set(item.id, a === 'yes' && b === 'yes' ? 'strong' : 'soft');
  }
  return out;
}

function viewerMatches(own: Map<string, MatchAnswer>, partner: Map<string, MatchAnswer>): Map<string, string> {
  const result = matchForViewer(upload(own), upload(partner));
  const { matches } = matchesFromTokens(key, 'desires', ITEMS, own, result.tokens);
  return new Map(matches.map((m) => [m.itemId, m.strength]));
}

describe('match tokens', () => {
  it('are deterministic per space key and differ across spaces, items, levels and decks', () => {
    const t = matchToken(key, 'desires', 'd-1', 'yes');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(t).toHaveLength(MATCH_TOKEN_LENGTH);
    expect(matchToken(deriveMatchKey(spaceA), 'desires', 'd-1', 'yes')).toBe(t);
    const others = [
      matchToken(deriveMatchKey(spaceB), 'desires', 'd-1', 'yes'),
      matchToken(key, 'desires', 'd-2', 'yes'),
      matchToken(key, 'desires', 'd-1', 'maybe-or-yes'),
      matchToken(key, 'ideas', 'd-1', 'yes'),
      categoryTag(key, 'desires', 'd-1'),
    ];
    expect(new Set([t, ...others]).size).toBe(others.length + 1);
  });

  it('encode fields unambiguously: ids that share a concatenation still differ', () => {
    expect(matchToken(key, 'ideas', 'ab', 'yes')).not.toBe(matchToken(key, 'ideas', 'a', 'yes'));
    expect(categoryTag(key, 'ideas', 'a\u0000b')).not.toBe(categoryTag(key, 'ideas', 'a'));
    // "item" ‖ deck ‖ id ‖ level can never be read as "category" ‖ deck ‖ id.
    expect(categoryTag(key, 'ideas', 'x')).not.toBe(matchToken(key, 'ideas', 'x', 'yes'));
  });

  it('yes uploads both levels, maybe only maybe-or-yes, no nothing', () => {
    const yes = matchToken(key, 'ideas', 'i', 'yes');
    const soft = matchToken(key, 'ideas', 'i', 'maybe-or-yes');
    expect(tokensForAnswer(key, 'ideas', 'i', 'yes')).toEqual([yes, soft]);
    expect(tokensForAnswer(key, 'ideas', 'i', 'maybe')).toEqual([soft]);
    expect(tokensForAnswer(key, 'ideas', 'i', 'no')).toEqual([]);
  });
});

describe('matching', () => {
  it('finds exactly the mutual answers, with the right strength, for every pair of answers', () => {
    for (const a of MATCH_ANSWERS)
      for (const b of MATCH_ANSWERS) {
        const own = new Map([['d-0', a]]);
        const partner = new Map([['d-0', b]]);
        const expected = a === 'no' || b === 'no' ? undefined : a === 'yes' && b === 'yes' ? 'strong' : 'soft';
        expect(viewerMatches(own, partner).get('d-0'), `${a}/${b}`).toBe(expected);
      }
  });

  it('matches exactly the mutual ones over random answer sets, symmetrically', () => {
    const next = seededRandom(2024);
    for (let run = 0; run < 60; run++) {
      const a = randomAnswers(next, next());
      const b = randomAnswers(next, next());
      expect(viewerMatches(a, b)).toEqual(expectedMatches(a, b));
      expect(viewerMatches(b, a)).toEqual(expectedMatches(b, a));
    }
  });

  it('never matches across spaces', () => {
    const all = new Map(ITEMS.map((i) => [i.id, 'maybe' as const]));
    expect(matchForViewer(upload(all), upload(all, deriveMatchKey(spaceB))).tokens).toEqual([]);
  });

  it('tells the viewer nothing about the partner’s unmatched answers', () => {
    const next = seededRandom(99);
    for (let run = 0; run < 40; run++) {
      const own = randomAnswers(next);
      const partner = randomAnswers(next);
      // Change the partner's answers wherever the viewer said no or skipped: the viewer's view must not move.
      const changed = new Map(partner);
      for (const item of ITEMS) {
        const mine = own.get(item.id);
        if (mine === undefined || mine === 'no') changed.set(item.id, MATCH_ANSWERS[Math.floor(next() * 3)] ?? 'yes');
      }
      const viewer = upload(own);
      expect(matchForViewer(viewer, upload(changed))).toEqual(matchForViewer(viewer, upload(partner)));
      // Even a server that handed over the partner's whole upload reveals only mutual answers.
      const leaked = upload(partner).groups.flatMap((g) => g.tokens);
      const { matches } = matchesFromTokens(key, 'desires', ITEMS, own, leaked);
      expect(new Map(matches.map((m) => [m.itemId, m.strength]))).toEqual(expectedMatches(own, partner));
    }
  });

  it('reports withheld categories from the viewer’s own answers only', () => {
    const own = new Map(ITEMS.filter((i) => i.category === 'c-0').map((i) => [i.id, 'yes' as const]));
    const none = matchForViewer(upload(own), upload(new Map()));
    const some = matchForViewer(upload(own), upload(own));
    expect(none.withheld).toEqual([categoryTag(key, 'desires', 'c-0')]);
    expect(some.withheld).toEqual(none.withheld);
    expect(some.tokens).toEqual([]);
  });

  it('groups by the partner’s tags, so a viewer filing tokens under another tag gains nothing', () => {
    const own = new Map(ITEMS.filter((i) => i.category === 'c-0').map((i) => [i.id, 'yes' as const]));
    const honest = upload(own);
    const cheat: MatchUpload = {
      deck: 'desires',
      groups: honest.groups.map((g) => (g.category === categoryTag(key, 'desires', 'c-0') ? { ...g, category: 'x'.repeat(43), overYesLimit: false } : g)),
    };
    expect(matchForViewer(cheat, upload(own)).tokens).toEqual([]);
  });

  it('produces uploads and results the API schemas accept, with no duplicate tokens', () => {
    const answers = randomAnswers(seededRandom(5));
    const up = upload(answers);
    expect(matchUploadRequest.safeParse(up).success).toBe(true);
    const result = matchForViewer(up, up);
    expect(matchResultResponse.safeParse({ deck: 'desires', partnerUploaded: true, ...result }).success).toBe(true);
    const doubled = { deck: 'desires', groups: [...up.groups, up.groups[0]!] };
    expect(matchUploadRequest.safeParse(doubled).success).toBe(false);
    expect(matchUploadRequest.safeParse({ deck: 'desires', groups: [{ category: 'short', overYesLimit: false, tokens: [] }] }).success).toBe(false);
  });

  it('refuses an upload with too many tokens as a value, not a throw', () => {
    const many: MatchItem[] = Array.from({ length: 1001 }, (_, i) => ({ id: `m-${i}`, category: `c-${i % 20}` }));
    const result = buildMatchUpload(key, 'ideas', many, new Map(many.map((i) => [i.id, 'yes' as const])));
    expect(result.ok ? 'ok' : result.code).toBe('too_many_tokens');
  });
});

describe('the 90% rule', () => {
  const cat = (n: number): MatchItem[] => Array.from({ length: n }, (_, i) => ({ id: `x-${i}`, category: 'play' }));
  const yesTo = (items: MatchItem[], count: number) => new Map<string, MatchAnswer>(items.slice(0, count).map((i) => [i.id, 'yes' as const]));

  it('counts yes answers over every item in the category, answered or not', () => {
    const items = cat(20);
    const answers = yesTo(items, 5);
    answers.set('x-10', 'maybe');
    expect(yesRates(items, answers)).toEqual([{ category: 'play', yes: 5, items: 20, rate: 0.25, overLimit: false, maxYes: 18 }]);
  });

  it('withholds above 90%, not at 90%', () => {
    const items = cat(10);
    expect(withheldCategories(items, yesTo(items, 9))).toEqual([]);
    const withheld = withheldCategories(items, yesTo(items, 10), new Map([['play', 'Playful']]));
    expect(withheld).toHaveLength(1);
    expect(withheld[0]!.reason).toContain('“Playful”');
    expect(withheld[0]!.reason).toContain('10 of 10');
    expect(withheld[0]!.reason).toContain('at most 9 yes');
  });

  it('hides that category’s matches in the app as well as on the server', () => {
    const items = cat(10);
    const own = yesTo(items, 10);
    const everything = items.flatMap((i) => tokensForAnswer(key, 'desires', i.id, 'yes'));
    const { matches, withheld } = matchesFromTokens(key, 'desires', items, own, everything);
    expect(matches).toEqual([]);
    expect(withheld.map((w) => w.category)).toEqual(['play']);
  });
});
