import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  IDEAS_VERSION,
  buildMatchUpload,
  deckIdeas,
  deckMatchItems,
  deriveMatchKey,
  fromB64,
  matchesFromTokens,
  ownIdeaDeckId,
  toB64,
  togetherIdeaBody,
  togetherPrivateBody,
  type MatchAnswer,
  type TogetherIdeaBody,
} from '@hearth/core';
import { itemListResponse, itemResponse, matchResultResponse, type ItemView } from '@hearth/core/api';
import { generateSpaceKey, openJson, sealJson, type SealScope } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { engines, makeCouple, makeTestApp, rowCounts, type Account, type TestApp } from '../test/harness.ts';

/**
 * The ideas deck on the server (issue #4): a couple's own ideas are sealed shared items
 * that join blind matching by their item id, answers are private records, and the
 * matching route hands each partner only what both uploaded within their own space.
 * The devices here are real: bodies are sealed and tokens made with the core functions
 * the web app uses, under a space key the server never sees.
 */

type Kind = 'together-idea' | 'together-first' | 'together-interest' | 'together-private';

function sealed(spaceId: string, kind: Kind, visibility: 'shared' | 'private', body: unknown, key: Uint8Array) {
  const id = randomUUID();
  const scope: SealScope = { type: 'item', spaceId, itemId: id, kind, visibility, parentId: null };
  return { id, kind, visibility, parentId: null, remindAt: null, body: toB64(sealJson(body, key, scope)) };
}

function open<T>(view: ItemView, key: Uint8Array, schema: z.core.$ZodType<T>): T {
  const bytes = fromB64(view.body);
  if (!bytes.ok) throw new Error('body is not base64');
  const scope: SealScope = { type: 'item', spaceId: view.spaceId, itemId: view.id, kind: view.kind, visibility: view.visibility, parentId: view.parentId };
  const opened = openJson(bytes.value, key, scope, schema);
  if (!opened.ok) throw new Error(opened.message);
  return opened.value;
}

describe.each(engines)('the ideas deck on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  /** What a partner's device does: read the couple's own ideas, build the deck, upload tokens for its answers. */
  async function deckOf(who: Account, spaceKey: Uint8Array) {
    const res = await who.agent.get('/api/items?kind=together-idea');
    expect(res.status).toBe(200);
    const own = itemListResponse
      .parse(res.body)
      .items.sort((x, y) => x.createdAt.localeCompare(y.createdAt))
      .map((v) => ({ itemId: v.id, body: open(v, spaceKey, togetherIdeaBody) }));
    return deckMatchItems(deckIdeas(own));
  }
  async function swipe(who: Account, spaceKey: Uint8Array, answers: Record<string, MatchAnswer>) {
    const items = await deckOf(who, spaceKey);
    const built = buildMatchUpload(deriveMatchKey(spaceKey), 'ideas', items, new Map(Object.entries(answers)));
    if (!built.ok) throw new Error(built.message);
    const res = await who.agent.put('/api/matching/ideas', built.value);
    expect(res.status).toBe(200);
    return { items, result: matchResultResponse.parse(res.body) };
  }
  async function matchesOf(who: Account, spaceKey: Uint8Array, answers: Record<string, MatchAnswer>) {
    const items = await deckOf(who, spaceKey);
    const res = await who.agent.get('/api/matching/ideas');
    expect(res.status).toBe(200);
    const result = matchResultResponse.parse(res.body);
    return matchesFromTokens(deriveMatchKey(spaceKey), 'ideas', items, new Map(Object.entries(answers)), result.tokens).matches.map((m) => `${m.itemId}:${m.strength}`);
  }

  const ramen: TogetherIdeaBody = { title: 'Try the new ramen place on Elm Street', cost: '$$', where: 'out', energy: 'low', minutes: 90, firstFirst: true };
  const hallway: TogetherIdeaBody = { title: 'Paint the hallway together', cost: '$', where: 'home', energy: 'medium', minutes: 240, firstFirst: false };

  it('matches the couple’s own ideas alongside catalog ones, returning only the intersection', async () => {
    const { a, b, space } = await makeCouple(t, 'own');
    const key = generateSpaceKey();
    const first = sealed(space.id, 'together-idea', 'shared', ramen, key);
    const second = sealed(space.id, 'together-idea', 'shared', hallway, key);
    expect((await a.agent.post('/api/items', first)).status).toBe(201);
    t.clock.advance(1000);
    expect((await b.agent.post('/api/items', second)).status).toBe(201);

    const ramenId = ownIdeaDeckId(first.id);
    const hallwayId = ownIdeaDeckId(second.id);
    const alex = { 'idea-001': 'yes', 'idea-002': 'maybe', 'idea-003': 'no', [ramenId]: 'yes', [hallwayId]: 'maybe' } as const;
    const sam = { 'idea-001': 'yes', 'idea-002': 'yes', 'idea-003': 'yes', [ramenId]: 'yes', [hallwayId]: 'no' } as const;
    const alexUp = await swipe(a, key, alex);
    expect(alexUp.items).toHaveLength(102);
    expect(alexUp.result.partnerUploaded).toBe(false);
    await swipe(b, key, sam);

    const expected = ['idea-001:strong', 'idea-002:soft', `${ramenId}:strong`];
    expect(await matchesOf(a, key, alex)).toEqual(expected);
    expect(await matchesOf(b, key, sam)).toEqual(expected);
    // Exactly the shared tokens: yes+maybe-or-yes for two strong matches, maybe-or-yes for the soft one.
    const raw = matchResultResponse.parse((await b.agent.get('/api/matching/ideas')).body);
    expect(raw.tokens).toHaveLength(5);

    // The idea's author takes it out of the deck: the next uploads no longer carry it.
    expect((await b.agent.delete(`/api/items/${first.id}`)).status).toBe(403);
    expect((await a.agent.delete(`/api/items/${first.id}`)).status).toBe(204);
    await swipe(a, key, alex);
    await swipe(b, key, sam);
    expect(await matchesOf(a, key, alex)).toEqual(['idea-001:strong', 'idea-002:soft']);
  });

  it('never matches another space’s tokens, even for the same answers under the same key', async () => {
    const one = await makeCouple(t, 'one');
    const two = await makeCouple(t, 'two');
    // Real couples never share a key; a shared one shows the space boundary is the server's, not the key's.
    const key = generateSpaceKey();
    const idea = sealed(one.space.id, 'together-idea', 'shared', ramen, key);
    expect((await one.a.agent.post('/api/items', idea)).status).toBe(201);
    const answers = { 'idea-001': 'yes', [ownIdeaDeckId(idea.id)]: 'yes' } as const;
    await swipe(one.a, key, answers);
    // The other couple cannot see the idea, so they build their upload by hand from the same ids.
    const items = [...(await deckOf(one.a, key))];
    const built = buildMatchUpload(deriveMatchKey(key), 'ideas', items, new Map(Object.entries(answers)));
    if (!built.ok) throw new Error(built.message);
    expect((await two.b.agent.put('/api/matching/ideas', built.value)).status).toBe(200);
    expect((await two.a.agent.put('/api/matching/ideas', built.value)).status).toBe(200);

    expect(await matchesOf(one.a, key, answers)).toEqual([]);
    expect(matchResultResponse.parse((await one.a.agent.get('/api/matching/ideas')).body)).toMatchObject({ partnerUploaded: false, tokens: [] });
    // The second couple match each other, and only each other.
    expect(matchResultResponse.parse((await two.a.agent.get('/api/matching/ideas')).body).tokens).toHaveLength(4);
    // And their items stay apart: one couple's own idea is invisible to the other.
    const list = itemListResponse.parse((await two.a.agent.get('/api/items?kind=together-idea')).body);
    expect(list.items).toEqual([]);
    expect((await two.a.agent.get(`/api/items/${idea.id}`)).status).toBe(404);
  });

  it('keeps deck answers private and sealed, and enforces each kind’s visibility', async () => {
    const { a, b, space } = await makeCouple(t, 'kinds');
    const key = generateSpaceKey();
    const personal = generateSpaceKey();
    const answers = sealed(space.id, 'together-private', 'private', { type: 'deck-answers', catalogVersion: IDEAS_VERSION, answers: { 'idea-001': 'no' } }, personal);
    expect(togetherPrivateBody.safeParse({ type: 'deck-answers', catalogVersion: IDEAS_VERSION, answers: { 'idea-001': 'no' } }).success).toBe(true);
    const created = await a.agent.post('/api/items', answers);
    expect(created.status).toBe(201);
    const view = itemResponse.parse(created.body).item;
    // Stored sealed: nothing in it names the idea or the answer.
    expect(Buffer.from(view.body, 'base64').toString('latin1')).not.toContain('idea-001');
    // The partner cannot list, fetch or change it.
    expect(itemListResponse.parse((await b.agent.get('/api/items?kind=together-private')).body).items).toEqual([]);
    expect((await b.agent.get(`/api/items/${answers.id}`)).status).toBe(404);
    expect((await b.agent.put(`/api/items/${answers.id}`, { body: answers.body })).status).toBe(404);
    // Its author changes an answer by replacing the body, as often as they like.
    const changed = sealed(space.id, 'together-private', 'private', { type: 'deck-answers', catalogVersion: IDEAS_VERSION, answers: { 'idea-001': 'yes' } }, personal);
    expect((await a.agent.put(`/api/items/${answers.id}`, { body: changed.body })).status).toBe(200);

    const before = await rowCounts(database.db);
    expect((await a.agent.post('/api/items', sealed(space.id, 'together-private', 'shared', { type: 'deck-answers', catalogVersion: 1, answers: {} }, key))).status).toBe(400);
    for (const kind of ['together-idea', 'together-first', 'together-interest'] as const) {
      expect((await a.agent.post('/api/items', sealed(space.id, kind, 'private', {}, personal))).status, kind).toBe(400);
    }
    expect(await rowCounts(database.db)).toEqual(before);
  });
});
