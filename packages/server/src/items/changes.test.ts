import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemChangesResponse, itemResponse, type ItemChangesResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { b64, engines, makeCouple, makeTestApp, type Agent, type TestApp } from '../test/harness.ts';


const note = (visibility: 'shared' | 'private' = 'shared') => ({ id: randomUUID(), kind: 'note', visibility, body: b64(120) });

/** A device's sync: every page from `since` to the end, in order. */
async function syncAll(agent: Agent, since: string | null, limit: number): Promise<{ pages: ItemChangesResponse[]; cursor: string }> {
  const pages: ItemChangesResponse[] = [];
  let cursor = since;
  for (let i = 0; i < 100; i++) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('since', cursor);
    const res = await agent.get(`/api/items/changes?${query.toString()}`);
    expect(res.status).toBe(200);
    const page = itemChangesResponse.parse(res.body);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return { pages, cursor };
  }
  throw new Error('sync did not end');
}

describe.each(engines)('item changes since a cursor on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('pages through every change once, in order, with edits and deletions, and never shows a partner’s private item', async () => {
    const { a, b } = await makeCouple(t);
    const shared: string[] = [];
    for (let i = 0; i < 7; i++) {
      const input = note();
      shared.push(input.id);
      expect((await a.agent.post('/api/items', input)).status).toBe(201);
    }
    const secret = note('private');
    expect((await a.agent.post('/api/items', secret)).status).toBe(201);
    const mine = note('private');
    expect((await b.agent.post('/api/items', mine)).status).toBe(201);

    const first = await syncAll(b.agent, null, 3);
    const seen = first.pages.flatMap((p) => p.items.map((i) => i.id));
    expect(seen).toEqual([...shared, mine.id]);
    expect(first.pages.length).toBeGreaterThan(2);
    expect(first.pages.flatMap((p) => p.deleted)).toEqual([]);

    // Nothing new: one empty page, and the cursor stays put.
    const idle = await syncAll(b.agent, first.cursor, 3);
    expect(idle.pages).toEqual([{ items: [], deleted: [], cursor: first.cursor, more: false }]);

    // An edit comes again with its new version; a removal comes as an id; a removed private item of A's says nothing to B.
    const edited = shared[2] ?? '';
    const newBody = b64(90);
    expect((await a.agent.put(`/api/items/${edited}`, { body: newBody })).status).toBe(200);
    expect((await a.agent.delete(`/api/items/${shared[4] ?? ''}`)).status).toBe(204);
    expect((await a.agent.delete(`/api/items/${secret.id}`)).status).toBe(204);
    const later = note();
    expect((await a.agent.post('/api/items', later)).status).toBe(201);

    const next = await syncAll(b.agent, first.cursor, 1);
    expect(next.pages.flatMap((p) => p.items.map((i) => [i.id, i.version, i.body]))).toEqual([
      [edited, 2, newBody],
      [later.id, 1, later.body],
    ]);
    expect(next.pages.flatMap((p) => p.deleted)).toEqual([shared[4]]);

    // A's own removed private item does reach A's devices.
    const forA = await syncAll(a.agent, null, 50);
    expect(forA.pages.flatMap((p) => p.deleted)).toEqual([shared[4], secret.id]);
    expect(forA.pages.flatMap((p) => p.items.map((i) => i.id))).not.toContain(mine.id);
  });

  it('brings the partner’s side of a conversation once this member has written theirs', async () => {
    const { a, b } = await makeCouple(t);
    const topic = { id: randomUUID(), kind: 'talk-topic', visibility: 'shared', body: b64(80) };
    expect((await a.agent.post('/api/items', topic)).status).toBe(201);
    const aSide = { id: randomUUID(), kind: 'talk-side', visibility: 'shared', parentId: topic.id, body: b64(80) };
    expect((await a.agent.post('/api/items', aSide)).status).toBe(201);
    const before = await syncAll(b.agent, null, 10);
    expect(before.pages.flatMap((p) => p.items.map((i) => i.id))).toEqual([topic.id]);

    const bSide = { id: randomUUID(), kind: 'talk-side', visibility: 'shared', parentId: topic.id, body: b64(80) };
    expect((await b.agent.post('/api/items', bSide)).status).toBe(201);
    const after = await syncAll(b.agent, before.cursor, 1);
    expect(after.pages.flatMap((p) => p.items.map((i) => i.id)).sort()).toEqual([aSide.id, bSide.id].sort());
  });

  it('refuses a cursor it did not make', async () => {
    const { a } = await makeCouple(t);
    expect((await a.agent.get('/api/items/changes?since=12')).status).toBe(400);
    expect((await a.agent.get('/api/items/changes?since=s-1')).status).toBe(400);
    expect((await a.agent.get('/api/items/changes?limit=0')).status).toBe(400);
  });

  it('refuses an update made on a version the item has moved past, and changes nothing', async () => {
    const { a } = await makeCouple(t);
    const input = note();
    expect((await a.agent.post('/api/items', input)).status).toBe(201);
    const phone = b64(60);
    const onPhone = await a.agent.put(`/api/items/${input.id}`, { body: phone, baseVersion: 1 });
    expect(onPhone.status).toBe(200);
    expect(itemResponse.parse(onPhone.body).item.version).toBe(2);

    const laptop = await a.agent.put(`/api/items/${input.id}`, { body: b64(70), baseVersion: 1 });
    expect(laptop.status).toBe(409);
    expect(laptop.body).toMatchObject({ error: { code: 'stale_version' } });
    const stored = itemResponse.parse((await a.agent.get(`/api/items/${input.id}`)).body).item;
    expect([stored.body, stored.version]).toEqual([phone, 2]);

    // Keeping the laptop's text after seeing both: made on the version now stored.
    const kept = b64(71);
    const resolved = await a.agent.put(`/api/items/${input.id}`, { body: kept, baseVersion: 2 });
    expect(itemResponse.parse(resolved.body).item).toMatchObject({ body: kept, version: 3 });
    expect((await a.agent.put(`/api/items/${input.id}`, { body: b64(72), baseVersion: 0 })).status).toBe(400);
  });
});
