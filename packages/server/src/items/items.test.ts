import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemListResponse, itemResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { Agent, b64, createSpaceFor, engines, makeCouple, makeTestApp, signUp, type Account, type TestApp } from '../test/harness.ts';

const note = (visibility: 'shared' | 'private' = 'shared') => ({ id: randomUUID(), kind: 'note', visibility, body: b64(200) });

describe.each(engines)('items on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates, reads, lists, updates and deletes an item', async () => {
    const { a, b, space } = await makeCouple(t);
    const input = note();
    const created = await a.agent.post('/api/items', input);
    expect(created.status).toBe(201);
    const item = itemResponse.parse(created.body).item;
    expect(item).toMatchObject({ id: input.id, spaceId: space.id, kind: 'note', visibility: 'shared', authorId: a.session.user.id, body: input.body });

    expect(itemResponse.parse((await b.agent.get(`/api/items/${input.id}`)).body).item.body).toBe(input.body);

    t.clock.advance(1000);
    const newBody = b64(150);
    const updated = await a.agent.put(`/api/items/${input.id}`, { body: newBody });
    expect(updated.status).toBe(200);
    const after = itemResponse.parse(updated.body).item;
    expect(after.body).toBe(newBody);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(after.createdAt));

    expect((await a.agent.delete(`/api/items/${input.id}`)).status).toBe(204);
    expect((await a.agent.get(`/api/items/${input.id}`)).status).toBe(404);
    expect((await a.agent.delete(`/api/items/${input.id}`)).status).toBe(404);
  });

  it('lists shared items and the caller’s own private ones, newest first, by kind and limit', async () => {
    const { a, b } = await makeCouple(t);
    const ids: string[] = [];
    for (const [who, vis] of [
      [a, 'shared'],
      [a, 'private'],
      [b, 'shared'],
      [b, 'private'],
    ] as const) {
      t.clock.advance(1000);
      const input = note(vis);
      ids.push(input.id);
      expect((await who.agent.post('/api/items', input)).status).toBe(201);
    }
    const [aShared, aPrivate, bShared, bPrivate] = ids;
    const forA = itemListResponse.parse((await a.agent.get('/api/items')).body).items.map((i) => i.id);
    expect(forA).toEqual([bShared, aPrivate, aShared]);
    const forB = itemListResponse.parse((await b.agent.get('/api/items?kind=note')).body).items.map((i) => i.id);
    expect(forB).toEqual([bPrivate, bShared, aShared]);
    const limited = itemListResponse.parse((await b.agent.get('/api/items?limit=1')).body).items.map((i) => i.id);
    expect(limited).toEqual([bPrivate]);
    expect((await b.agent.get('/api/items?kind=nope')).status).toBe(400);
    expect((await b.agent.get('/api/items?limit=0')).status).toBe(400);
  });

  it('pages through every item with the cursor, even several created in the same millisecond', async () => {
    const { a, b } = await makeCouple(t);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Three items share each timestamp: ordering must fall back to the id.
      if (i % 3 === 0) t.clock.advance(1000);
      const input = note(i === 4 ? 'private' : 'shared');
      created.push(input.id);
      expect((await a.agent.post('/api/items', input)).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&before=${encodeURIComponent(cursor)}`;
      const page = itemListResponse.parse((await a.agent.get(`/api/items?limit=3${query}`)).body);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());
    // The partner pages through the same list without the private item.
    const forB = itemListResponse.parse((await b.agent.get('/api/items?limit=500')).body);
    expect(forB.items).toHaveLength(6);
    expect(forB.nextCursor).toBeNull();
    const bad = await a.agent.get('/api/items?before=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('makes create idempotent for the same write and a conflict for a different one', async () => {
    const { a, b } = await makeCouple(t);
    const input = note();
    expect((await a.agent.post('/api/items', input)).status).toBe(201);
    const retry = await a.agent.post('/api/items', input);
    expect(retry.status).toBe(200);
    expect(itemResponse.parse(retry.body).item.id).toBe(input.id);

    const changed = await a.agent.post('/api/items', { ...input, body: b64(200) });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ error: { code: 'conflict' } });
    expect((await a.agent.post('/api/items', { ...input, visibility: 'private' })).status).toBe(409);
    // Same bytes from the partner is still a different write.
    expect((await b.agent.post('/api/items', input)).status).toBe(409);

    // An id another space uses answers exactly like a fresh one (no existence oracle, decision 0052):
    // it is a new item in the stranger's space, and the couple's item is untouched.
    const stranger = await signUp(t);
    await createSpaceFor(stranger);
    const theirs = { ...input, body: b64(120) };
    const reused = await stranger.agent.post('/api/items', theirs);
    const fresh = await stranger.agent.post('/api/items', { ...theirs, id: randomUUID() });
    expect(reused.status).toBe(201);
    expect(reused.status).toBe(fresh.status);
    expect(itemResponse.parse(reused.body).item).toMatchObject({ id: input.id, body: theirs.body });
    expect(itemResponse.parse((await a.agent.get(`/api/items/${input.id}`)).body).item.body).toBe(input.body);
    expect(itemResponse.parse((await stranger.agent.get(`/api/items/${input.id}`)).body).item.body).toBe(theirs.body);
    // Retries stay idempotent in each space.
    expect((await stranger.agent.post('/api/items', theirs)).status).toBe(200);
    expect((await a.agent.post('/api/items', input)).status).toBe(200);
    // Deleting one leaves the other.
    expect((await stranger.agent.delete(`/api/items/${input.id}`)).status).toBe(204);
    expect((await a.agent.get(`/api/items/${input.id}`)).status).toBe(200);
  });

  it('lets only the author change or delete a shared item, and hides private items from the partner', async () => {
    const { a, b } = await makeCouple(t);
    const shared = note('shared');
    const secret = note('private');
    await a.agent.post('/api/items', shared);
    await a.agent.post('/api/items', secret);

    const put = await b.agent.put(`/api/items/${shared.id}`, { body: b64(20) });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ error: { code: 'not_author' } });
    expect((await b.agent.delete(`/api/items/${shared.id}`)).status).toBe(403);

    for (const res of [
      await b.agent.get(`/api/items/${secret.id}`),
      await b.agent.put(`/api/items/${secret.id}`, { body: b64(20) }),
      await b.agent.delete(`/api/items/${secret.id}`),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(secret.body);
    }
    const list = itemListResponse.parse((await b.agent.get('/api/items')).body).items;
    expect(list.map((i) => i.id)).not.toContain(secret.id);
    expect(itemResponse.parse((await a.agent.get(`/api/items/${shared.id}`)).body).item.body).toBe(shared.body);
    expect(itemResponse.parse((await a.agent.get(`/api/items/${secret.id}`)).body).item.body).toBe(secret.body);
  });

  describe('authorisation matrix', () => {
    let coupleA: { a: Account; b: Account };
    let coupleB: { a: Account; b: Account };
    const itemsOfB: { id: string; body: string }[] = [];
    let loner: Account;

    beforeAll(async () => {
      coupleA = await makeCouple(t, 'matrix-a');
      coupleB = await makeCouple(t, 'matrix-b');
      for (const [who, vis] of [
        [coupleB.a, 'shared'],
        [coupleB.a, 'private'],
        [coupleB.b, 'shared'],
        [coupleB.b, 'private'],
      ] as const) {
        const input = note(vis);
        await who.agent.post('/api/items', input);
        itemsOfB.push({ id: input.id, body: input.body });
      }
      loner = await signUp(t, 'matrix-loner');
    });

    const routes = (id: string) =>
      [
        ['GET', `/api/items/${id}`, undefined],
        ['PUT', `/api/items/${id}`, { body: b64(20) }],
        ['DELETE', `/api/items/${id}`, undefined],
      ] as const;

    it('a member of another couple gets 403/404 on every item route and never the item', async () => {
      for (const member of [coupleA.a, coupleA.b]) {
        for (const item of itemsOfB) {
          for (const [method, path, body] of routes(item.id)) {
            const res = await member.agent.request(method, path, body);
            expect([403, 404], `${method} ${path}`).toContain(res.status);
            expect(JSON.stringify(res.body)).not.toContain(item.body);
          }
        }
        const list = itemListResponse.parse((await member.agent.get('/api/items')).body).items;
        expect(list.map((i) => i.id).filter((id) => itemsOfB.some((x) => x.id === id))).toEqual([]);
      }
      // Nothing changed for couple B.
      const stillThere = itemListResponse.parse((await coupleB.a.agent.get('/api/items')).body).items;
      expect(stillThere).toHaveLength(3);
    });

    it('a user without a space gets 403 not_in_space on item routes', async () => {
      const item = itemsOfB[0];
      if (item === undefined) throw new Error('setup');
      for (const [method, path, body] of [...routes(item.id), ['GET', '/api/items', undefined] as const, ['POST', '/api/items', note()] as const]) {
        const res = await loner.agent.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'not_in_space' } });
      }
    });

    it('no session gets 401 on every item and space route', async () => {
      const anon = new Agent(t);
      const item = itemsOfB[0];
      if (item === undefined) throw new Error('setup');
      for (const [method, path, body] of [
        ...routes(item.id),
        ['GET', '/api/items', undefined] as const,
        ['POST', '/api/items', note()] as const,
        ['GET', '/api/space', undefined] as const,
        ['GET', '/api/space/invites', undefined] as const,
        ['POST', '/api/space/leave', undefined] as const,
        ['GET', '/api/me', undefined] as const,
      ]) {
        const res = await anon.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    });
  });

  it('keeps the day an imported item was first written, but never a day still to come', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const past = '2029-03-04T05:06:07.000Z';
    const old = await a.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'private', body: b64(20), writtenAt: past });
    expect(itemResponse.parse(old.body).item.createdAt).toBe(past);
    const future = await a.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'private', body: b64(20), writtenAt: '2099-01-01T00:00:00.000Z' });
    expect(itemResponse.parse(future.body).item.createdAt).toBe(t.clock.now().toISOString());
  });
});

describe.each(engines)('threads and kind rules on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const item = (kind: string, parentId: string | null = null, visibility: 'shared' | 'private' = 'shared') => ({
    id: randomUUID(),
    kind,
    visibility,
    parentId,
    body: b64(120),
  });
  const ids = async (who: Account, query = '') =>
    itemListResponse.parse((await who.agent.get(`/api/items${query}`)).body).items.map((i) => i.id);

  it('hangs a reply under a check-in, once per partner, and refuses it anywhere else', async () => {
    const { a, b } = await makeCouple(t);
    const checkin = item('checkin');
    expect((await a.agent.post('/api/items', checkin)).status).toBe(201);

    const reply = item('checkin-reply', checkin.id);
    const created = await b.agent.post('/api/items', reply);
    expect(created.status).toBe(201);
    expect(itemResponse.parse(created.body).item.parentId).toBe(checkin.id);
    // A retry of the same reply is the same reply, not a second one.
    expect((await b.agent.post('/api/items', reply)).status).toBe(200);
    const second = await b.agent.post('/api/items', item('checkin-reply', checkin.id));
    expect(second.status).toBe(409);

    const noParent = await b.agent.post('/api/items', item('checkin-reply'));
    expect(noParent.status).toBe(400);
    expect(noParent.body).toMatchObject({ error: { code: 'invalid_input' } });
    const note = item('note');
    expect((await a.agent.post('/api/items', note)).status).toBe(201);
    expect((await b.agent.post('/api/items', item('checkin-reply', note.id))).status).toBe(400);
    expect((await a.agent.post('/api/items', item('note', checkin.id))).status).toBe(400);
    expect((await a.agent.post('/api/items', item('talk-topic', null, 'private'))).status).toBe(400);

    expect(await ids(a, `?parentId=${checkin.id}`)).toEqual([reply.id]);
  });

  it('cannot hang an item under another couple’s item or a partner’s private one', async () => {
    const one = await makeCouple(t);
    const two = await makeCouple(t);
    const theirs = item('checkin');
    expect((await two.a.agent.post('/api/items', theirs)).status).toBe(201);
    const before = await ids(two.a);
    const res = await one.a.agent.post('/api/items', item('checkin-heard', theirs.id));
    expect(res.status).toBe(404);
    expect(await ids(two.a)).toEqual(before);

    const secret = item('checkin', null, 'private');
    expect((await one.a.agent.post('/api/items', secret)).status).toBe(201);
    expect((await one.b.agent.post('/api/items', item('checkin-heard', secret.id))).status).toBe(404);
  });

  it('withholds a side of a conversation from the partner until they have written theirs', async () => {
    const { a, b } = await makeCouple(t);
    const topic = item('talk-topic');
    expect((await a.agent.post('/api/items', topic)).status).toBe(201);
    const sideA = item('talk-side', topic.id);
    expect((await a.agent.post('/api/items', sideA)).status).toBe(201);

    // Not in the list, not fetchable by id, not even by thread: the server does not hand it out.
    expect(await ids(b)).not.toContain(sideA.id);
    expect(await ids(b, `?parentId=${topic.id}`)).toEqual([]);
    expect((await b.agent.get(`/api/items/${sideA.id}`)).status).toBe(404);
    expect(await ids(a, `?parentId=${topic.id}`)).toEqual([sideA.id]);

    t.clock.advance(1000);
    const sideB = item('talk-side', topic.id);
    expect((await b.agent.post('/api/items', sideB)).status).toBe(201);
    expect(await ids(b, `?parentId=${topic.id}`)).toEqual([sideB.id, sideA.id]);
    expect(await ids(a, `?parentId=${topic.id}`)).toEqual([sideB.id, sideA.id]);
    expect((await b.agent.get(`/api/items/${sideA.id}`)).status).toBe(200);
    // One side each.
    expect((await a.agent.post('/api/items', item('talk-side', topic.id))).status).toBe(409);
  });

  it('keeps reminder times as schedule metadata and lets the author move them', async () => {
    const { a } = await makeCouple(t);
    const topic = item('talk-topic');
    expect((await a.agent.post('/api/items', topic)).status).toBe(201);
    const agreement = { ...item('talk-agreement', topic.id), remindAt: '2026-12-01T09:00:00.000Z' };
    const created = itemResponse.parse((await a.agent.post('/api/items', agreement)).body).item;
    expect(created.remindAt).toBe('2026-12-01T09:00:00.000Z');
    const moved = await a.agent.put(`/api/items/${agreement.id}`, { body: b64(80), remindAt: '2026-12-08T09:00:00+01:00' });
    expect(itemResponse.parse(moved.body).item.remindAt).toBe('2026-12-08T08:00:00.000Z');
    const kept = await a.agent.put(`/api/items/${agreement.id}`, { body: b64(80) });
    expect(itemResponse.parse(kept.body).item.remindAt).toBe('2026-12-08T08:00:00.000Z');
    expect((await a.agent.put(`/api/items/${agreement.id}`, { body: b64(80), remindAt: 'next week' })).status).toBe(400);
  });

  it('removes a thread with the item it hangs under', async () => {
    const { a, b } = await makeCouple(t);
    const checkin = item('checkin');
    expect((await a.agent.post('/api/items', checkin)).status).toBe(201);
    const heard = item('checkin-heard', checkin.id);
    expect((await b.agent.post('/api/items', heard)).status).toBe(201);
    expect((await a.agent.delete(`/api/items/${checkin.id}`)).status).toBe(204);
    expect((await b.agent.get(`/api/items/${heard.id}`)).status).toBe(404);
  });
});
