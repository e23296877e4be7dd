import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemListResponse, itemResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { b64, engines, makeCouple, makeTestApp, rowCounts, type Account, type TestApp } from '../test/harness.ts';

/**
 * Daily check-ins (issue #3) on top of the sealed items store: who can see a check-in,
 * and how "heard you" and replies hang under it. Bodies are random bytes here; what
 * matters is the metadata the server decides on.
 */

const checkin = (visibility: 'shared' | 'private') => ({ id: randomUUID(), kind: 'checkin', visibility, body: b64(180) });
const under = (kind: 'checkin-heard' | 'checkin-reply', parentId: string) => ({
  id: randomUUID(),
  kind,
  visibility: 'shared',
  parentId,
  body: b64(kind === 'checkin-heard' ? 40 : 120),
});

describe.each(engines)('daily check-ins on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const listIds = async (who: Account, query = '') =>
    itemListResponse.parse((await who.agent.get(`/api/items${query}`)).body).items.map((i) => i.id);

  it('keeps a private check-in from the partner, in the list and by id', async () => {
    const { a, b } = await makeCouple(t, 'private');
    const secret = checkin('private');
    expect((await a.agent.post('/api/items', secret)).status).toBe(201);

    expect(await listIds(b, '?kind=checkin')).toEqual([]);
    expect(await listIds(b)).not.toContain(secret.id);
    const byId = await b.agent.get(`/api/items/${secret.id}`);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(byId.body)).not.toContain(secret.body);

    // The author still has it.
    expect(await listIds(a, '?kind=checkin')).toEqual([secret.id]);
    expect(itemResponse.parse((await a.agent.get(`/api/items/${secret.id}`)).body).item.body).toBe(secret.body);

    // Nobody can say "heard you" to it or reply: not even the partner, who cannot see it.
    expect((await b.agent.post('/api/items', under('checkin-heard', secret.id))).status).toBe(404);
    expect((await b.agent.post('/api/items', under('checkin-reply', secret.id))).status).toBe(404);
  });

  it('shows a shared check-in to the partner', async () => {
    const { a, b } = await makeCouple(t, 'shared');
    const shared = checkin('shared');
    t.clock.advance(1000);
    expect((await a.agent.post('/api/items', shared)).status).toBe(201);
    expect(await listIds(b, '?kind=checkin')).toEqual([shared.id]);
    const seen = itemResponse.parse((await b.agent.get(`/api/items/${shared.id}`)).body).item;
    expect(seen).toMatchObject({ kind: 'checkin', visibility: 'shared', authorId: a.session.user.id, body: shared.body, parentId: null });
  });

  it('hangs one "heard you" and one reply per partner under a shared check-in', async () => {
    const { a, b } = await makeCouple(t, 'thread');
    const shared = checkin('shared');
    expect((await a.agent.post('/api/items', shared)).status).toBe(201);

    t.clock.advance(1000);
    const heard = under('checkin-heard', shared.id);
    expect((await b.agent.post('/api/items', heard)).status).toBe(201);
    t.clock.advance(1000);
    const reply = under('checkin-reply', shared.id);
    expect((await b.agent.post('/api/items', reply)).status).toBe(201);

    // Once each: a second one is refused, a retry of the first is the same write.
    expect((await b.agent.post('/api/items', under('checkin-heard', shared.id))).status).toBe(409);
    expect((await b.agent.post('/api/items', under('checkin-reply', shared.id))).status).toBe(409);
    expect((await b.agent.post('/api/items', reply)).status).toBe(200);

    // The author sees both in the thread, and in the lists by kind.
    expect(await listIds(a, `?parentId=${shared.id}`)).toEqual([reply.id, heard.id]);
    expect(await listIds(a, '?kind=checkin-heard')).toEqual([heard.id]);
    const replies = itemListResponse.parse((await a.agent.get('/api/items?kind=checkin-reply')).body).items;
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ id: reply.id, parentId: shared.id, authorId: b.session.user.id, body: reply.body });

    // A reply must hang under a check-in, and is always shared.
    expect((await b.agent.post('/api/items', { ...under('checkin-reply', shared.id), parentId: null })).status).toBe(400);
    expect((await b.agent.post('/api/items', { ...under('checkin-reply', shared.id), visibility: 'private' })).status).toBe(400);
    expect((await b.agent.post('/api/items', under('checkin-reply', reply.id))).status).toBe(400);
    // Only the partner who wrote the reply can change it.
    expect((await a.agent.put(`/api/items/${reply.id}`, { body: b64(90) })).status).toBe(403);
  });

  it('lets a member of another couple neither read nor answer a check-in, and their attempts change nothing', async () => {
    const ours = await makeCouple(t, 'ours');
    const theirs = await makeCouple(t, 'theirs');
    const shared = checkin('shared');
    const secret = checkin('private');
    expect((await ours.a.agent.post('/api/items', shared)).status).toBe(201);
    expect((await ours.a.agent.post('/api/items', secret)).status).toBe(201);
    expect((await ours.b.agent.post('/api/items', under('checkin-heard', shared.id))).status).toBe(201);

    const before = await rowCounts(t.db);
    const thread = await listIds(ours.a, `?parentId=${shared.id}`);
    for (const stranger of [theirs.a, theirs.b]) {
      for (const target of [shared, secret]) {
        const read = await stranger.agent.get(`/api/items/${target.id}`);
        expect(read.status).toBe(404);
        expect(JSON.stringify(read.body)).not.toContain(target.body);
        expect((await stranger.agent.post('/api/items', under('checkin-heard', target.id))).status).toBe(404);
        expect((await stranger.agent.post('/api/items', under('checkin-reply', target.id))).status).toBe(404);
        expect((await stranger.agent.put(`/api/items/${target.id}`, { body: b64(30) })).status).toBe(404);
        expect((await stranger.agent.delete(`/api/items/${target.id}`)).status).toBe(404);
      }
      expect(await listIds(stranger, `?parentId=${shared.id}`)).toEqual([]);
      expect(await listIds(stranger, '?kind=checkin')).toEqual([]);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    expect(await listIds(ours.a, `?parentId=${shared.id}`)).toEqual(thread);
    expect(itemResponse.parse((await ours.a.agent.get(`/api/items/${shared.id}`)).body).item.body).toBe(shared.body);
  });
});
