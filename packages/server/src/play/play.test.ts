import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemListResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { b64, engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';

/**
 * Play (issue 22) on the server: a round and who has finished it are visible to both;
 * a person's sealed answers are withheld from the partner until the partner has written
 * theirs, also when both finish at the same moment.
 */

const item = (kind: string, parentId: string | null = null) => ({ id: randomUUID(), kind, visibility: 'shared', parentId, remindAt: null, body: b64(160) });

async function under(who: Account, parentId: string): Promise<{ id: string; kind: string; authorId: string }[]> {
  const res = await who.agent.get(`/api/items?parentId=${parentId}`);
  expect(res.status).toBe(200);
  return itemListResponse.parse(res.body).items;
}

describe.each(engines)('Play on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('shows that the partner has played but not their answers, until both have', async () => {
    const { a, b } = await makeCouple(t, 'play');
    const round = item('play-round');
    expect((await a.agent.post('/api/items', round)).status).toBe(201);
    const answersA = item('play-answers', round.id);
    expect((await a.agent.post('/api/items', answersA)).status).toBe(201);
    const doneA = item('play-finished', round.id);
    expect((await a.agent.post('/api/items', doneA)).status).toBe(201);

    // Sam sees the round and Alex's marker, never Alex's answers: not in a list, not by id.
    expect((await under(b, round.id)).map((i) => i.id)).toEqual([doneA.id]);
    expect((await b.agent.get(`/api/items/${answersA.id}`)).status).toBe(404);
    expect((await b.agent.get('/api/items?kind=play-answers')).body).toMatchObject({ items: [] });
    // A marker alone does not open them either.
    t.clock.advance(1000);
    const doneB = item('play-finished', round.id);
    expect((await b.agent.post('/api/items', doneB)).status).toBe(201);
    expect((await b.agent.get(`/api/items/${answersA.id}`)).status).toBe(404);

    t.clock.advance(1000);
    const answersB = item('play-answers', round.id);
    expect((await b.agent.post('/api/items', answersB)).status).toBe(201);
    expect((await b.agent.get(`/api/items/${answersA.id}`)).status).toBe(200);
    expect((await under(a, round.id)).map((i) => i.id).sort()).toEqual([answersA.id, answersB.id, doneA.id, doneB.id].sort());
    // One set of answers and one marker each.
    expect((await a.agent.post('/api/items', item('play-answers', round.id))).status).toBe(409);
    expect((await a.agent.post('/api/items', item('play-finished', round.id))).status).toBe(409);
    // Answers hang under a round, nowhere else.
    expect((await a.agent.post('/api/items', item('play-answers'))).status).toBe(400);
  });

  it('reveals both sides to both when they finish at the same moment', async () => {
    for (let i = 0; i < 5; i += 1) {
      const { a, b } = await makeCouple(t, `play-race-${String(i)}`);
      const round = item('play-round');
      expect((await a.agent.post('/api/items', round)).status).toBe(201);
      const answersA = item('play-answers', round.id);
      const answersB = item('play-answers', round.id);
      const [ra, rb] = await Promise.all([a.agent.post('/api/items', answersA), b.agent.post('/api/items', answersB)]);
      expect([ra.status, rb.status]).toEqual([201, 201]);
      expect((await under(a, round.id)).map((x) => x.id).sort()).toEqual([answersA.id, answersB.id].sort());
      expect((await under(b, round.id)).map((x) => x.id).sort()).toEqual([answersA.id, answersB.id].sort());
    }
  });

  it('makes one round when both partners start the same one at once', async () => {
    const { a, b } = await makeCouple(t, 'play-start');
    const id = randomUUID();
    const round = { ...item('play-round'), id };
    const [ra, rb] = await Promise.all([a.agent.post('/api/items', round), b.agent.post('/api/items', { ...round, body: b64(170) })]);
    expect([ra.status, rb.status].sort()).toEqual([201, 409]);
    const rounds = itemListResponse.parse((await a.agent.get('/api/items?kind=play-round')).body).items;
    expect(rounds.map((r) => r.id)).toEqual([id]);
  });
});
