import { describe, expect, it } from 'vitest';
import { buildMatchUpload, deriveMatchKey, matchForViewer, matchesFromTokens, matchToken, type MatchAnswer, type MatchUpload } from '../matching/index.ts';
import { ITEM_BODY_SCHEMAS } from '../items/bodies.ts';
import { kindRule } from '../items/kinds.ts';
import { DATE_IDEAS, IDEAS_VERSION, filterIdeas } from './ideas.ts';
import { answersMap, deckAnswersRecord, deckQueue, deckIdeas, deckMatchItems, makeDatePath, ownIdeaDeckId, timeNeededLabel, togetherIdeaBody, unanswered, type DeckIdea, type TogetherIdeaBody } from './deck.ts';

const spaceKey = new Uint8Array(32).fill(3);
const otherSpaceKey = new Uint8Array(32).fill(4);
const key = deriveMatchKey(spaceKey);

const OWN_A = '0b4f8f5e-6f0a-4c39-9a55-2a1f8d4c7e01';
const OWN_B = '6a3e3c1d-2b7f-4f0e-8d21-9c5b7a1e3f02';
const ownBodies: { itemId: string; body: TogetherIdeaBody }[] = [
  { itemId: OWN_A, body: { title: 'Try the new ramen place on Elm Street', cost: '$$', where: 'out', energy: 'low', minutes: 90, firstFirst: true } },
  { itemId: OWN_B, body: { title: 'Paint the hallway together, badly', cost: '$', where: 'home', energy: 'medium', minutes: 240, firstFirst: false } },
];
const deck = deckIdeas(ownBodies);
const items = deckMatchItems(deck);

function upload(answers: ReadonlyMap<string, MatchAnswer>, matchKey = key): MatchUpload {
  const built = buildMatchUpload(matchKey, 'ideas', items, answers);
  if (!built.ok) throw new Error(built.message);
  return built.value;
}

function matchIds(own: ReadonlyMap<string, MatchAnswer>, partner: ReadonlyMap<string, MatchAnswer>, partnerKey = key): string[] {
  const result = matchForViewer(upload(own), upload(partner, partnerKey));
  return matchesFromTokens(key, 'ideas', items, own, result.tokens).matches.map((m) => `${m.itemId}:${m.strength}`);
}

describe('the couple’s deck', () => {
  it('is the catalog followed by own ideas, each own idea named by its item id', () => {
    expect(deck).toHaveLength(DATE_IDEAS.length + 2);
    expect(deck.slice(0, DATE_IDEAS.length).map((i) => i.id)).toEqual(DATE_IDEAS.map((i) => i.id));
    const own = deck.slice(DATE_IDEAS.length);
    expect(own.map((i) => i.id)).toEqual([`own:${OWN_A}`, `own:${OWN_B}`]);
    expect(own.map((i) => i.itemId)).toEqual([OWN_A, OWN_B]);
    expect(new Set(deck.map((i) => i.id)).size).toBe(deck.length);
    // Own ideas are grouped by place for the 90% rule, like catalog ones.
    expect(items.at(-2)).toEqual({ id: `own:${OWN_A}`, category: 'out' });
  });

  it('filters own ideas by the same tags as catalog ideas', () => {
    const outLowCost = filterIdeas(deck, { where: ['out'], cost: ['$$'], firstFirst: true });
    expect(outLowCost.map((i) => i.id)).toContain(`own:${OWN_A}`);
    expect(filterIdeas(deck, { time: ['quick'] }).every((i) => i.minutes <= 60)).toBe(true);
    expect(filterIdeas(deck, { time: ['evening'] }).map((i) => i.id)).toContain(`own:${OWN_B}`);
  });

  it('shows unanswered ideas in deck order and forgets nothing on reload', () => {
    const record = { type: 'deck-answers' as const, catalogVersion: IDEAS_VERSION, answers: { 'idea-001': 'yes' as const, [`own:${OWN_A}`]: 'no' as const } };
    const parsed = deckAnswersRecord.parse(JSON.parse(JSON.stringify(record)));
    const answers = answersMap(parsed);
    expect(answers.get('idea-001')).toBe('yes');
    const next = unanswered(deck, answers);
    expect(next[0]?.id).toBe('idea-002');
    expect(next.map((i) => i.id)).not.toContain(`own:${OWN_A}`);
    expect(next.map((i) => i.id)).toContain(`own:${OWN_B}`);
    expect(answersMap(null).size).toBe(0);
  });

  it('puts the couple’s own ideas first in the swipe queue and skipped ones last', () => {
    const none = new Map<string, MatchAnswer>();
    expect(deckQueue(deck, none).slice(0, 3).map((i) => i.id)).toEqual([`own:${OWN_A}`, `own:${OWN_B}`, 'idea-001']);
    const answered = new Map<string, MatchAnswer>([[`own:${OWN_A}`, 'yes']]);
    const queue = deckQueue(deck, answered, [`own:${OWN_B}`, 'idea-001']);
    expect(queue.slice(0, 2).map((i) => i.id)).toEqual(['idea-002', 'idea-003']);
    expect(queue.slice(-2).map((i) => i.id)).toEqual([`own:${OWN_B}`, 'idea-001']);
    expect(queue).toHaveLength(deck.length - 1);
  });

  it('accepts only deck ids and answers in the sealed record, and own ideas only with every tag', () => {
    expect(deckAnswersRecord.safeParse({ type: 'deck-answers', catalogVersion: 1, answers: { 'idea-1': 'yes' } }).success).toBe(false);
    expect(deckAnswersRecord.safeParse({ type: 'deck-answers', catalogVersion: 1, answers: { 'idea-001': 'sure' } }).success).toBe(false);
    expect(deckAnswersRecord.safeParse({ type: 'deck-answers', catalogVersion: 1, answers: { [ownIdeaDeckId(OWN_A)]: 'maybe' } }).success).toBe(true);
    expect(togetherIdeaBody.safeParse({ title: 'Something', cost: '$', where: 'home', energy: 'low', minutes: 30 }).success).toBe(false);
    expect(togetherIdeaBody.safeParse({ title: '  ', cost: '$', where: 'home', energy: 'low', minutes: 30, firstFirst: false }).success).toBe(false);
    expect(ITEM_BODY_SCHEMAS['together-idea']).toBe(togetherIdeaBody);
    expect(kindRule('together-idea').visibilities).toEqual(['shared']);
    expect(kindRule('together-private').visibilities).toEqual(['private']);
  });

  it('links a match to the date form with the title and the idea it came from', () => {
    const catalogIdea = deck[0];
    const ownIdea = deck.find((i) => i.itemId === OWN_A);
    if (!catalogIdea || !ownIdea) throw new Error('deck');
    const parse = (path: string) => new URL(path, 'https://hearth.example');
    const a = parse(makeDatePath(catalogIdea));
    expect(a.pathname).toBe('/app/together/dates/new');
    expect(a.searchParams.get('title')).toBe(catalogIdea.text);
    expect(a.searchParams.get('idea')).toBe('idea-001');
    const b = parse(makeDatePath(ownIdea));
    expect(b.searchParams.get('idea')).toBe(OWN_A);
    expect(b.searchParams.get('title')).toBe('Try the new ramen place on Elm Street');
    const tricky: DeckIdea = { ...ownIdea, text: 'Fish & chips? 100% yes = #1' };
    expect(parse(makeDatePath(tricky)).searchParams.get('title')).toBe('Fish & chips? 100% yes = #1');
  });

  it('labels the time needed in plain words', () => {
    expect([30, 60, 90, 120, 150, 600, 1440, 2880].map(timeNeededLabel)).toEqual(['30 min', '1 h', '1½ h', '2 h', '2½ h', '10 h', 'a day', '2 days']);
  });
});

describe('blind matching on the ideas deck', () => {
  const alex = new Map<string, MatchAnswer>([
    ['idea-001', 'yes'],
    ['idea-002', 'maybe'],
    ['idea-003', 'no'],
    [`own:${OWN_A}`, 'yes'],
    [`own:${OWN_B}`, 'maybe'],
  ]);
  const sam = new Map<string, MatchAnswer>([
    ['idea-001', 'yes'],
    ['idea-002', 'yes'],
    ['idea-003', 'yes'],
    [`own:${OWN_A}`, 'yes'],
    [`own:${OWN_B}`, 'no'],
  ]);

  it('matches catalog and own ideas alike, the same for both partners', () => {
    expect(matchIds(alex, sam)).toEqual(['idea-001:strong', 'idea-002:soft', `own:${OWN_A}:strong`]);
    expect(matchIds(sam, alex).sort()).toEqual(['idea-001:strong', 'idea-002:soft', `own:${OWN_A}:strong`].sort());
  });

  it('derives an own idea’s tokens from its item id and nothing the server could read', () => {
    const up = upload(alex);
    const tokens = up.groups.flatMap((g) => g.tokens);
    expect(tokens).toContain(matchToken(key, 'ideas', `own:${OWN_A}`, 'yes'));
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(t).not.toContain(OWN_A.slice(0, 8));
    }
    expect(JSON.stringify(up)).not.toContain('ramen');
    expect(JSON.stringify(up)).not.toContain('idea-001');
    expect(JSON.stringify(up)).not.toContain('out');
  });

  it('never matches answers made under another space’s key, own ideas included', () => {
    expect(matchIds(alex, sam, deriveMatchKey(otherSpaceKey))).toEqual([]);
  });

  it('drops an own idea’s match when it leaves the deck', () => {
    const without = deckMatchItems(deckIdeas(ownBodies.slice(1)));
    const up = (answers: ReadonlyMap<string, MatchAnswer>) => {
      const built = buildMatchUpload(key, 'ideas', without, answers);
      if (!built.ok) throw new Error(built.message);
      return built.value;
    };
    const result = matchForViewer(up(alex), up(sam));
    const matches = matchesFromTokens(key, 'ideas', without, alex, result.tokens).matches.map((m) => m.itemId);
    expect(matches).toEqual(['idea-001', 'idea-002']);
  });
});
