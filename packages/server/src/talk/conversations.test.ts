import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemListResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { b64, engines, makeCouple, makeTestApp, rowCounts, type Account, type TestApp } from '../test/harness.ts';

/**
 * "Talk it through" needs no routes of its own: it is a thread of sealed items. These
 * tests hold the server to what the conversation relies on, through the API alone.
 */
describe.each(engines)('talk it through on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const item = (kind: string, parentId: string | null = null) => ({ id: randomUUID(), kind, visibility: 'shared', parentId, body: b64(120) });
  const post = async (who: Account, input: ReturnType<typeof item>) => (await who.agent.post('/api/items', input)).status;
  const listed = async (who: Account, query = '') => itemListResponse.parse((await who.agent.get(`/api/items${query}`)).body).items;
  const ids = async (who: Account, query = '') => (await listed(who, query)).map((i) => i.id);

  it('withholds a side by list, by thread, by kind and by id until both have written, then shows both to both', async () => {
    const { a, b } = await makeCouple(t, 'sides');
    const topic = item('talk-topic');
    expect(await post(a, topic)).toBe(201);
    const sideA = item('talk-side', topic.id);
    const writtenA = item('talk-side-written', topic.id);
    t.clock.advance(1000);
    expect(await post(a, sideA)).toBe(201);
    expect(await post(a, writtenA)).toBe(201);

    for (const query of ['', `?parentId=${topic.id}`, '?kind=talk-side', `?kind=talk-side&parentId=${topic.id}`]) {
      const seen = await listed(b, query);
      expect(seen.map((i) => i.id), query).not.toContain(sideA.id);
      expect(JSON.stringify(seen), query).not.toContain(sideA.body);
    }
    const byId = await b.agent.get(`/api/items/${sideA.id}`);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(byId.body)).not.toContain(sideA.body);
    // The partner learns only that a side is written, from the empty marker.
    expect(await ids(b, `?parentId=${topic.id}`)).toEqual([writtenA.id]);
    // And cannot change or remove it either.
    expect((await b.agent.put(`/api/items/${sideA.id}`, { body: b64(40) })).status).toBe(404);
    expect((await b.agent.delete(`/api/items/${sideA.id}`)).status).toBe(404);

    t.clock.advance(1000);
    const sideB = item('talk-side', topic.id);
    expect(await post(b, sideB)).toBe(201);
    for (const who of [a, b]) {
      const thread = await listed(who, `?parentId=${topic.id}`);
      expect(thread.filter((i) => i.kind === 'talk-side').map((i) => i.id)).toEqual([sideB.id, sideA.id]);
      expect((await who.agent.get(`/api/items/${sideA.id}`)).status).toBe(200);
      expect((await who.agent.get(`/api/items/${sideB.id}`)).status).toBe(200);
    }
    expect(await ids(b, '?kind=talk-side')).toEqual([sideB.id, sideA.id]);
    // One side and one marker each.
    expect(await post(a, item('talk-side', topic.id))).toBe(409);
    expect(await post(a, item('talk-side-written', topic.id))).toBe(409);
  });

  it('takes verdicts only under reflections, and one idea mark per person per idea', async () => {
    const { a, b } = await makeCouple(t, 'rules');
    const topic = item('talk-topic');
    expect(await post(a, topic)).toBe(201);
    const reflection = item('talk-reflection', topic.id);
    expect(await post(a, reflection)).toBe(201);

    expect(await post(b, item('talk-verdict', topic.id))).toBe(400);
    expect(await post(b, item('talk-verdict'))).toBe(400);
    const idea = item('talk-idea', topic.id);
    expect(await post(a, idea)).toBe(201);
    expect(await post(b, item('talk-verdict', idea.id))).toBe(400);
    expect(await post(b, item('talk-verdict', reflection.id))).toBe(201);
    // "Not quite" then a new reflection gets its own verdict; the same reflection does not get a second one.
    expect(await post(b, item('talk-verdict', reflection.id))).toBe(409);

    const markA = item('talk-idea-mark', idea.id);
    expect(await post(a, markA)).toBe(201);
    expect(await post(b, item('talk-idea-mark', idea.id))).toBe(201);
    expect(await post(a, item('talk-idea-mark', idea.id))).toBe(409);
    expect(await post(a, item('talk-idea-mark', topic.id))).toBe(400);
    expect(await post(a, item('talk-idea-mark', reflection.id))).toBe(400);
    // Changing one's mind is an update of the same mark, by its author only.
    expect((await a.agent.put(`/api/items/${markA.id}`, { body: b64(60) })).status).toBe(200);
    expect((await b.agent.put(`/api/items/${markA.id}`, { body: b64(60) })).status).toBe(403);
    expect(await ids(a, `?parentId=${idea.id}`)).toHaveLength(2);
  });

  it('keeps pause and follow-up times as schedule metadata', async () => {
    const { a, b } = await makeCouple(t, 'times');
    const topic = item('talk-topic');
    expect(await post(a, topic)).toBe(201);
    const pause = { ...item('talk-pause', topic.id), remindAt: '2030-01-15T12:30:00.000Z' };
    expect((await b.agent.post('/api/items', pause)).status).toBe(201);
    const agreement = { ...item('talk-agreement', topic.id), remindAt: '2030-01-22T08:00:00.000Z' };
    expect((await a.agent.post('/api/items', agreement)).status).toBe(201);
    const thread = await listed(a, `?parentId=${topic.id}`);
    expect(thread.find((i) => i.id === pause.id)?.remindAt).toBe('2030-01-15T12:30:00.000Z');
    expect(thread.find((i) => i.id === agreement.id)?.remindAt).toBe('2030-01-22T08:00:00.000Z');
  });

  it('another couple cannot read a topic or anything under it, nor hang items under it', async () => {
    const ours = await makeCouple(t, 'ours');
    const theirs = await makeCouple(t, 'theirs');
    const topic = item('talk-topic');
    expect(await post(ours.a, topic)).toBe(201);
    const sideA = item('talk-side', topic.id);
    const sideB = item('talk-side', topic.id);
    expect(await post(ours.a, sideA)).toBe(201);
    expect(await post(ours.b, sideB)).toBe(201);
    const reflection = item('talk-reflection', topic.id);
    expect(await post(ours.a, reflection)).toBe(201);
    const idea = item('talk-idea', topic.id);
    expect(await post(ours.b, idea)).toBe(201);
    const all = [topic, sideA, sideB, reflection, idea];

    const before = await rowCounts(t.db);
    for (const stranger of [theirs.a, theirs.b]) {
      for (const x of all) {
        const res = await stranger.agent.get(`/api/items/${x.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(x.body);
        expect((await stranger.agent.put(`/api/items/${x.id}`, { body: b64(40) })).status).toBe(404);
        expect((await stranger.agent.delete(`/api/items/${x.id}`)).status).toBe(404);
      }
      for (const query of ['', `?parentId=${topic.id}`, `?parentId=${reflection.id}`, `?parentId=${idea.id}`, '?kind=talk-topic']) {
        const seen = await listed(stranger, query);
        expect(seen.filter((i) => all.some((x) => x.id === i.id)), query).toEqual([]);
      }
      for (const [kind, parent] of [
        ['talk-side', topic.id],
        ['talk-side-written', topic.id],
        ['talk-reflection', topic.id],
        ['talk-idea', topic.id],
        ['talk-agreement', topic.id],
        ['talk-pause', topic.id],
        ['talk-resume', topic.id],
        ['talk-verdict', reflection.id],
        ['talk-idea-mark', idea.id],
      ] as const) {
        const res = await stranger.agent.post('/api/items', item(kind, parent));
        expect(res.status, kind).toBe(404);
      }
    }
    expect(await rowCounts(t.db)).toEqual(before);
    expect(await ids(ours.a, `?parentId=${topic.id}`)).toHaveLength(4);
  });
});
