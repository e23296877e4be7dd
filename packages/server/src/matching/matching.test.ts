import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatchUpload, deriveMatchKey, matchesFromTokens, type MatchAnswer, type MatchDeck, type MatchItem } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { matchResultResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { engines, makeCouple, makeTestApp, rowCounts, signUp, type Account, type TestApp } from '../test/harness.ts';

/**
 * The server side of blind matching: it compares opaque tokens per space and returns
 * each partner only what both uploaded. The devices here are real: tokens come from the
 * core functions the web app uses, under a space key only the couple holds.
 */

const ITEMS: MatchItem[] = [
  { id: 'picnic', category: 'outdoors' },
  { id: 'hike', category: 'outdoors' },
  { id: 'stargaze', category: 'outdoors' },
  { id: 'cook', category: 'home' },
  { id: 'board-games', category: 'home' },
  { id: 'museum', category: 'out' },
];

describe.each(engines)('blind matching on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const upload = async (who: Account, key: Uint8Array, answers: Record<string, MatchAnswer>, deck: MatchDeck = 'ideas') => {
    const built = buildMatchUpload(key, deck, ITEMS, new Map(Object.entries(answers)));
    if (!built.ok) throw new Error(built.message);
    const res = await who.agent.put(`/api/matching/${deck}`, built.value);
    expect(res.status).toBe(200);
    return matchResultResponse.parse(res.body);
  };
  const matchesOf = async (who: Account, key: Uint8Array, answers: Record<string, MatchAnswer>, deck: MatchDeck = 'ideas') => {
    const res = await who.agent.get(`/api/matching/${deck}`);
    expect(res.status).toBe(200);
    const result = matchResultResponse.parse(res.body);
    return matchesFromTokens(key, deck, ITEMS, new Map(Object.entries(answers)), result.tokens).matches.map((m) => `${m.itemId}:${m.strength}`);
  };

  it('returns only what both said yes or maybe to, and says whether the partner has answered', async () => {
    const { a, b } = await makeCouple(t, 'match');
    const key = deriveMatchKey(randomBytes(32));
    const alex = { picnic: 'yes', hike: 'maybe', cook: 'yes', museum: 'no' } as const;
    const sam = { picnic: 'yes', hike: 'yes', cook: 'no', museum: 'maybe', stargaze: 'no' } as const;

    const first = await upload(a, key, alex);
    expect(first).toMatchObject({ partnerUploaded: false, tokens: [] });
    const second = await upload(b, key, sam);
    expect(second.partnerUploaded).toBe(true);

    expect(await matchesOf(a, key, alex)).toEqual(['picnic:strong', 'hike:soft']);
    expect(await matchesOf(b, key, sam)).toEqual(['picnic:strong', 'hike:soft']);
    // Sam's maybe for the museum and Alex's yes to cooking, stay unknown to the other.
    const raw = matchResultResponse.parse((await a.agent.get('/api/matching/ideas')).body);
    expect(raw.tokens).toHaveLength(3);
  });

  it('drops a match as soon as one partner changes their answer to no', async () => {
    const { a, b } = await makeCouple(t, 'change');
    const key = deriveMatchKey(randomBytes(32));
    await upload(a, key, { picnic: 'yes', cook: 'yes' });
    await upload(b, key, { picnic: 'yes', cook: 'yes' });
    expect(await matchesOf(b, key, { picnic: 'yes', cook: 'yes' })).toEqual(['picnic:strong', 'cook:strong']);
    await upload(a, key, { picnic: 'no', cook: 'yes' });
    expect(await matchesOf(b, key, { picnic: 'yes', cook: 'yes' })).toEqual(['cook:strong']);
  });

  it('keeps decks apart and never matches another couple, even with the same answers', async () => {
    const one = await makeCouple(t, 'one');
    const two = await makeCouple(t, 'two');
    // Even a shared key (which real couples never have) must not cross spaces.
    const key = deriveMatchKey(randomBytes(32));
    await upload(one.a, key, { picnic: 'yes' });
    await upload(two.b, key, { picnic: 'yes' });
    expect(await matchesOf(one.a, key, { picnic: 'yes' })).toEqual([]);
    expect(await matchesOf(two.b, key, { picnic: 'yes' })).toEqual([]);
    await upload(two.a, key, { picnic: 'yes' }, 'desires');
    expect(await matchesOf(two.b, key, { picnic: 'yes' })).toEqual([]);
  });

  it('withholds a category from a partner who said yes to nearly all of it', async () => {
    const { a, b } = await makeCouple(t, 'eager');
    const key = deriveMatchKey(randomBytes(32));
    const eager = { picnic: 'yes', hike: 'yes', stargaze: 'yes', cook: 'yes' } as const;
    const careful = { picnic: 'yes', hike: 'no', stargaze: 'no', cook: 'yes' } as const;
    const eagerResult = await upload(a, key, eager);
    await upload(b, key, careful);
    // All three outdoor ideas said yes to: those matches stay hidden from the eager partner, with the category named.
    expect(await matchesOf(a, key, eager)).toEqual(['cook:strong']);
    expect(eagerResult.withheld).toHaveLength(1);
    expect(await matchesOf(b, key, careful)).toEqual(['picnic:strong', 'cook:strong']);
  });

  it('refuses bad uploads and changes nothing', async () => {
    const { a } = await makeCouple(t, 'bad');
    const key = deriveMatchKey(randomBytes(32));
    const built = buildMatchUpload(key, 'ideas', ITEMS, new Map([['picnic', 'yes']]));
    if (!built.ok) throw new Error(built.message);
    const before = await rowCounts(database.db);
    const wrongDeck = await a.agent.put('/api/matching/desires', built.value);
    expect(wrongDeck.status).toBe(400);
    const notAToken = await a.agent.put('/api/matching/ideas', { deck: 'ideas', groups: [{ category: 'outdoors', overYesLimit: false, tokens: ['picnic'] }] });
    expect(notAToken.status).toBe(400);
    const group = built.value.groups[0];
    if (group === undefined) throw new Error('no group');
    const twice = await a.agent.put('/api/matching/ideas', { deck: 'ideas', groups: [group, group] });
    expect(twice.status).toBe(400);
    expect((await a.agent.put('/api/matching/films', built.value)).status).toBe(404);
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('needs a session and a space', async () => {
    const loner = await signUp(t, 'loner');
    expect((await loner.agent.get('/api/matching/ideas')).status).toBe(403);
    loner.agent.cookie = undefined;
    expect((await loner.agent.get('/api/matching/ideas')).status).toBe(401);
  });
});
