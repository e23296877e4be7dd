import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOW_ME_CATEGORIES, KNOW_ME_QUESTIONS } from './know-me-catalog.ts';
import { PLAY_LEVELS } from './levels.ts';
import { ROUND_SIZE, playAnswersBody } from './bodies.ts';
import { THIS_OR_THAT_CATEGORIES, THIS_OR_THAT_PAIRS } from './this-or-that-catalog.ts';
import { nextRoundNumber, openRound, playRounds, roundComplete, usedQuestionIds, type PlayItem } from './round-state.ts';
import { pickRoundQuestions, playCatalog, playLevelAllowed, playOrder, playQuestion, playRoundId, revealRound } from './rounds.ts';

const KEY = new Uint8Array(32).fill(7);
const OTHER_KEY = new Uint8Array(32).fill(9);
const ME = 'me';
const THEM = 'them';

describe('the catalogs', () => {
  it('hold at least 200 questions and 300 pairs, each tagged with a known category and level, with no duplicates', () => {
    expect(KNOW_ME_QUESTIONS.length).toBeGreaterThanOrEqual(200);
    expect(THIS_OR_THAT_PAIRS.length).toBeGreaterThanOrEqual(300);
    for (const q of KNOW_ME_QUESTIONS) {
      expect(KNOW_ME_CATEGORIES).toContain(q.category);
      expect(PLAY_LEVELS).toContain(q.level);
      expect(q.options.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.options.length, q.id).toBeLessThanOrEqual(4);
      expect(new Set(q.options).size, q.id).toBe(q.options.length);
      expect(q.text.length, q.id).toBeLessThanOrEqual(90);
      expect(q.id).toMatch(new RegExp(`^km-${q.category}-\\d{3}$`));
    }
    for (const p of THIS_OR_THAT_PAIRS) {
      expect(THIS_OR_THAT_CATEGORIES).toContain(p.category);
      expect(PLAY_LEVELS).toContain(p.level);
      expect(p.a, p.id).not.toBe(p.b);
      expect(p.id).toMatch(new RegExp(`^tt-${p.category}-\\d{3}$`));
    }
    const ids = [...KNOW_ME_QUESTIONS.map((q) => q.id), ...THIS_OR_THAT_PAIRS.map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(KNOW_ME_QUESTIONS.map((q) => q.text.toLowerCase())).size).toBe(KNOW_ME_QUESTIONS.length);
    const pairs = THIS_OR_THAT_PAIRS.map((p) => [p.a, p.b].map((s) => s.toLowerCase()).sort().join(' | '));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('keep a share of flirty and spicy items in each game, and every category has everyday ones', () => {
    for (const list of [KNOW_ME_QUESTIONS, THIS_OR_THAT_PAIRS]) {
      const warm = list.filter((q) => q.level !== 'everyday').length;
      expect(warm / list.length).toBeGreaterThan(0.1);
      expect(warm / list.length).toBeLessThan(0.3);
      expect(list.some((q) => q.level === 'spicy')).toBe(true);
    }
    for (const c of KNOW_ME_CATEGORIES) expect(KNOW_ME_QUESTIONS.filter((q) => q.category === c && q.level === 'everyday').length).toBeGreaterThan(10);
  });

  it('finds every question by id, for either game', () => {
    for (const game of ['know-me', 'this-or-that'] as const) for (const q of playCatalog(game)) expect(playQuestion(q.id)).toBe(q);
    expect(playQuestion('tt-us-999')).toBeNull();
  });
});

describe('Spark gating', () => {
  it('offers everyday items always, flirty ones from Spark’s flirty level, spicy ones only at spicy, nothing warm with Spark off or sweet', () => {
    expect(playLevelAllowed('everyday', null)).toBe(true);
    expect(playLevelAllowed('flirty', null)).toBe(false);
    expect(playLevelAllowed('flirty', 'sweet')).toBe(false);
    expect(playLevelAllowed('flirty', 'flirty')).toBe(true);
    expect(playLevelAllowed('spicy', 'flirty')).toBe(false);
    expect(playLevelAllowed('spicy', 'spicy')).toBe(true);
  });

  it('never puts a question above the couple’s level into a round, over many rounds', () => {
    fc.assert(
      fc.property(fc.constantFrom(null, 'sweet', 'flirty', 'spicy' as const), fc.constantFrom('know-me', 'this-or-that' as const), fc.integer({ min: 1, max: 40 }), (spark, game, rounds) => {
        const used: string[] = [];
        for (let i = 0; i < rounds; i += 1) {
          const ids = pickRoundQuestions(KEY, game, used, spark);
          expect(ids).toHaveLength(ROUND_SIZE[game]);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(playLevelAllowed(playQuestion(id)?.level ?? 'spicy', spark)).toBe(true);
          used.push(...ids);
        }
      }),
      // Each pick ranks a whole catalog with a keyed hash: a few runs cover the levels and games.
      { numRuns: 8 },
    );
  });
});

describe('which questions a couple gets', () => {
  it('follows an order of its own, from the space key', () => {
    const a = playOrder(KEY, 'know-me').map((q) => q.id);
    const b = playOrder(OTHER_KEY, 'know-me').map((q) => q.id);
    expect(a).not.toEqual(b);
    expect([...a].sort()).toEqual([...b].sort());
    expect(playRoundId(KEY, 'know-me', 1)).toBe(playRoundId(KEY, 'know-me', 1));
    expect(playRoundId(KEY, 'know-me', 1)).not.toBe(playRoundId(KEY, 'know-me', 2));
    expect(playRoundId(KEY, 'know-me', 1)).not.toBe(playRoundId(KEY, 'this-or-that', 1));
    expect(playRoundId(KEY, 'know-me', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not repeat a question until the allowed catalog is used up, then repeats the least recently used', () => {
    const everyday = playCatalog('this-or-that').filter((q) => q.level === 'everyday').length;
    const used: string[] = [];
    const rounds = Math.floor(everyday / 10);
    for (let i = 0; i < rounds; i += 1) used.push(...pickRoundQuestions(KEY, 'this-or-that', used, null));
    expect(new Set(used).size).toBe(used.length);
    const next = pickRoundQuestions(KEY, 'this-or-that', used, null);
    const fresh = next.filter((id) => !used.includes(id));
    expect(fresh).toHaveLength(everyday - used.length);
    // The repeats are the oldest ones.
    for (const id of next.filter((x) => used.includes(x))) expect(used.indexOf(id)).toBeLessThan(20);
  });
});

const round = (id: string, author: string, game: 'know-me' | 'this-or-that', number: number, questionIds: string[], at = '2030-01-01T10:00:00.000Z'): PlayItem => ({
  id,
  kind: 'play-round',
  authorId: author,
  parentId: null,
  createdAt: at,
  body: { game, number, questionIds },
});
const child = (id: string, kind: 'play-answers' | 'play-finished', author: string, parent: string, body: unknown, at: string): PlayItem => ({ id, kind, authorId: author, parentId: parent, createdAt: at, body });

const KM = playOrder(KEY, 'know-me')
  .filter((q) => q.level === 'everyday')
  .slice(0, 5)
  .map((q) => q.id);
const all = (n: number) => Object.fromEntries(KM.map((id) => [id, n]));

describe('a round’s state and reveal', () => {
  it('shows the partner’s answers only once both have finished, then scores both ways with surprises first', () => {
    const r = round('r1', ME, 'know-me', 1, KM);
    const myAnswers = child('a1', 'play-answers', ME, 'r1', { answers: all(0), guesses: { ...all(1), [KM[0] ?? '']: 2 } }, '2030-01-01T10:01:00.000Z');
    const theirAnswers = child('a2', 'play-answers', THEM, 'r1', { answers: all(1), guesses: all(0) }, '2030-01-01T10:02:00.000Z');
    const myDone = child('f1', 'play-finished', ME, 'r1', {}, '2030-01-01T10:01:00.000Z');
    const theirDone = child('f2', 'play-finished', THEM, 'r1', {}, '2030-01-01T10:02:00.000Z');

    const waiting = playRounds([r, myAnswers, myDone], ME)[0];
    expect(waiting?.iFinished).toBe(true);
    expect(waiting?.partnerFinished).toBe(false);
    expect(waiting && revealRound(waiting, null)).toBeNull();

    const [done] = playRounds([r, myAnswers, myDone, theirAnswers, theirDone], ME);
    expect(done?.revealed).toBe(true);
    const reveal = done ? revealRound(done, null) : null;
    expect(reveal?.iKnew).toBe(4);
    expect(reveal?.theyKnew).toBe(5);
    expect(reveal?.total).toBe(5);
    expect(reveal?.rows[0]?.question.id).toBe(KM[0]);
    expect(reveal?.rows[0]?.surprise).toBe(true);
    expect(reveal?.rows.slice(1).every((row) => !row.surprise)).toBe(true);
    // The partner sees the same round from their side.
    const [theirView] = playRounds([r, myAnswers, myDone, theirAnswers, theirDone], THEM);
    const theirReveal = theirView ? revealRound(theirView, null) : null;
    expect(theirReveal?.iKnew).toBe(5);
    expect(theirReveal?.theyKnew).toBe(4);
  });

  it('never shows a partner’s answer before both finished, whatever arrives in whatever order', () => {
    const r = round('r1', ME, 'know-me', 1, KM);
    const pool = [
      child('a1', 'play-answers', ME, 'r1', { answers: all(0), guesses: all(1) }, '2030-01-01T10:01:00.000Z'),
      child('f1', 'play-finished', ME, 'r1', {}, '2030-01-01T10:01:00.000Z'),
      child('a2', 'play-answers', THEM, 'r1', { answers: all(1), guesses: all(0) }, '2030-01-01T10:02:00.000Z'),
      child('f2', 'play-finished', THEM, 'r1', {}, '2030-01-01T10:02:00.000Z'),
    ];
    fc.assert(
      fc.property(fc.subarray(pool), fc.boolean(), (present, shuffle) => {
        const items = shuffle ? [...present].reverse() : present;
        const [view] = playRounds([r, ...items], ME);
        const both = present.some((p) => p.id === 'f1') && present.some((p) => p.id === 'a1') && present.some((p) => p.id === 'f2');
        if (!both) {
          expect(view?.theirs).toBeNull();
          expect(view?.revealed).toBe(false);
          expect(view && revealRound(view, null)).toBeNull();
        } else if (present.some((p) => p.id === 'a2')) {
          expect(view?.revealed).toBe(true);
        }
      }),
    );
  });

  it('keeps a round that cannot be read, flagged, instead of dropping it', () => {
    const [view] = playRounds([{ ...round('r1', ME, 'know-me', 1, KM), body: { nonsense: true } }], ME);
    expect(view?.unreadable).toBe(true);
  });

  it('finds the open round per game, and numbers the next one', () => {
    const items = [round('r1', ME, 'know-me', 1, KM), round('r2', THEM, 'this-or-that', 1, ['tt-everyday-001'], '2030-01-02T10:00:00.000Z')];
    const rounds = playRounds(items, ME);
    expect(rounds.map((x) => x.id)).toEqual(['r2', 'r1']);
    expect(openRound(rounds, 'know-me')?.id).toBe('r1');
    expect(nextRoundNumber(rounds, 'know-me')).toBe(2);
    expect(nextRoundNumber(rounds, 'this-or-that')).toBe(2);
    expect(usedQuestionIds(rounds, 'know-me')).toEqual(KM);
  });

  it('in this or that counts the picks we share and offers one difference to talk about', () => {
    const pairs = playOrder(KEY, 'this-or-that')
      .filter((q) => q.level === 'everyday')
      .slice(0, 10)
      .map((q) => q.id);
    const mine = Object.fromEntries(pairs.map((id) => [id, 0]));
    const theirs = { ...mine, [pairs[3] ?? '']: 1 };
    const items = [
      round('r1', ME, 'this-or-that', 1, pairs),
      child('a1', 'play-answers', ME, 'r1', { answers: mine }, '2030-01-01T10:01:00.000Z'),
      child('f1', 'play-finished', ME, 'r1', {}, '2030-01-01T10:01:00.000Z'),
      child('a2', 'play-answers', THEM, 'r1', { answers: theirs }, '2030-01-01T10:02:00.000Z'),
      child('f2', 'play-finished', THEM, 'r1', {}, '2030-01-01T10:02:00.000Z'),
    ];
    const [view] = playRounds(items, ME);
    const reveal = view ? revealRound(view, null) : null;
    expect(reveal?.agreed).toBe(9);
    const q = playQuestion(pairs[3] ?? '');
    expect(reveal?.talkAbout).toEqual({ mine: q?.options[0], theirs: q?.options[1] });
    expect(reveal?.rows[0]?.question.id).toBe(pairs[3]);
  });

  it('leaves out questions Spark no longer allows, and says how many', () => {
    const warm = playCatalog('know-me').find((q) => q.level === 'flirty');
    const ids = [...KM.slice(0, 4), warm?.id ?? ''];
    const items = [
      round('r1', ME, 'know-me', 1, ids),
      child('a1', 'play-answers', ME, 'r1', { answers: Object.fromEntries(ids.map((i) => [i, 0])), guesses: Object.fromEntries(ids.map((i) => [i, 0])) }, '2030-01-01T10:01:00.000Z'),
      child('f1', 'play-finished', ME, 'r1', {}, '2030-01-01T10:01:00.000Z'),
      child('a2', 'play-answers', THEM, 'r1', { answers: Object.fromEntries(ids.map((i) => [i, 0])), guesses: Object.fromEntries(ids.map((i) => [i, 0])) }, '2030-01-01T10:02:00.000Z'),
      child('f2', 'play-finished', THEM, 'r1', {}, '2030-01-01T10:02:00.000Z'),
    ];
    const [view] = playRounds(items, ME);
    expect(view && revealRound(view, 'flirty')?.total).toBe(5);
    const off = view ? revealRound(view, null) : null;
    expect(off?.total).toBe(4);
    expect(off?.hidden).toBe(1);
    expect(off?.rows.some((r) => r.question.level !== 'everyday')).toBe(false);
  });

  it('counts a round complete only with every answer, and every guess when there is a partner to guess', () => {
    expect(roundComplete('know-me', KM, all(0), all(0))).toBe(true);
    expect(roundComplete('know-me', KM, all(0), {})).toBe(false);
    expect(roundComplete('know-me', KM, all(0), {}, false)).toBe(true);
    expect(roundComplete('this-or-that', KM, all(0), {})).toBe(true);
    expect(playAnswersBody.safeParse({ answers: { x: 4 } }).success).toBe(false);
  });
});
