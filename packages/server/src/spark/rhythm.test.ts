import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromB64, privateRecordBody, rhythmBandOf, rhythmThreadId, sparkWishBandBody, sparkWishRevealBody, toB64 } from '@hearth/core';
import { itemListResponse, itemResponse, type ItemView } from '@hearth/core/api';
import { generateSpaceKey, openJson, sealJson } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';

/**
 * Intimacy rhythm on the item store (decision 0037): log entries and the exact wish are
 * private records the partner can never fetch; the coarse wish band and a revealed
 * number are shared items the server withholds until the partner has written theirs.
 * Bodies are sealed here with real keys, as the app does.
 */

type Kind = 'private-record' | 'spark-rhythm' | 'spark-wish-band' | 'spark-wish-reveal';

describe.each(engines)('intimacy rhythm on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const write = async (who: Account, spaceId: string, key: Uint8Array, kind: Kind, body: unknown, opts: { id?: string; parentId?: string } = {}) => {
    const id = opts.id ?? randomUUID();
    const visibility = kind === 'private-record' ? 'private' : 'shared';
    const parentId = opts.parentId ?? null;
    const sealed = sealJson(body, key, { type: 'item', spaceId, itemId: id, kind, visibility, parentId });
    const res = await who.agent.post('/api/items', { id, kind, visibility, parentId, remindAt: null, body: toB64(sealed) });
    return { res, id };
  };
  const spark = async (who: Account, settings: { enabled: boolean; paused: boolean }) => {
    expect((await who.agent.put('/api/spark', { ...settings, level: 'sweet' })).status).toBe(200);
  };
  /** The rhythm lives inside Spark: both turn it on first, as the app's Spark gate asks. */
  const sparkCouple = async (label: string) => {
    const couple = await makeCouple(t, label);
    await spark(couple.a, { enabled: true, paused: false });
    await spark(couple.b, { enabled: true, paused: false });
    return couple;
  };
  const list = async (who: Account, kind: Kind): Promise<ItemView[]> => itemListResponse.parse((await who.agent.get(`/api/items?kind=${kind}`)).body).items;
  const open = <T>(view: ItemView, key: Uint8Array, schema: Parameters<typeof openJson<T>>[3]) => {
    const bytes = fromB64(view.body);
    if (!bytes.ok) throw new Error('bad base64');
    const scope = { type: 'item', spaceId: view.spaceId, itemId: view.id, kind: view.kind, visibility: view.visibility, parentId: view.parentId } as const;
    const opened = openJson(bytes.value, key, scope, schema);
    if (!opened.ok) throw new Error(opened.message);
    return opened.value;
  };

  it('keeps the log and the exact wish private: the partner can list, fetch or guess none of it', async () => {
    const { a, b, space } = await makeCouple(t, 'log');
    const personalA = generateSpaceKey();
    const note = `a tender evening ${randomUUID()}`;
    const entry = await write(a, space.id, personalA, 'private-record', { type: 'rhythm-entry', date: '2030-03-01', satisfaction: 5, note });
    expect(entry.res.status).toBe(201);
    const wish = await write(a, space.id, personalA, 'private-record', { type: 'rhythm-wish', perMonth: 9, reveal: false });
    expect(wish.res.status).toBe(201);

    const mine = await list(a, 'private-record');
    expect(mine.map((i) => open(i, personalA, privateRecordBody).type).sort()).toEqual(['rhythm-entry', 'rhythm-wish']);
    expect(await list(b, 'private-record')).toEqual([]);
    expect((await b.agent.get('/api/items')).body).not.toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: entry.id })]) });
    expect((await b.agent.get(`/api/items/${entry.id}`)).status).toBe(404);
    expect((await b.agent.put(`/api/items/${entry.id}`, { body: toB64(new Uint8Array(40)) })).status).toBe(404);
    // Private records cannot be made shared, and the note is nowhere in the database as text.
    expect((await a.agent.post('/api/items', { id: randomUUID(), kind: 'private-record', visibility: 'shared', parentId: null, remindAt: null, body: toB64(new Uint8Array(40)) })).status).toBe(400);
    const text = (await Promise.all(Object.values(ALL_TABLES).map(async (table) => JSON.stringify(await database.db.select().from(table))))).join('\n');
    expect(text).not.toContain(note);
    expect(text).not.toContain('rhythm-');
  });

  it('holds back a wish band until the partner states theirs, and numbers until both reveal', async () => {
    const { a, b, space } = await sparkCouple('wish');
    const spaceKey = generateSpaceKey();
    const threadId = rhythmThreadId(spaceKey);
    expect((await write(a, space.id, spaceKey, 'spark-rhythm', { v: 1 }, { id: threadId })).res.status).toBe(201);
    // The partner creating the same thread finds it already there (the app then reads it).
    expect((await write(b, space.id, spaceKey, 'spark-rhythm', { v: 1 }, { id: threadId })).res.status).toBe(409);

    const bandA = await write(a, space.id, spaceKey, 'spark-wish-band', { band: rhythmBandOf(12) }, { parentId: threadId });
    expect(bandA.res.status).toBe(201);
    expect(await list(b, 'spark-wish-band')).toEqual([]);
    expect((await b.agent.get(`/api/items/${bandA.id}`)).status).toBe(404);

    expect((await write(b, space.id, spaceKey, 'spark-wish-band', { band: rhythmBandOf(3) }, { parentId: threadId })).res.status).toBe(201);
    // One band each; changing it is an update.
    expect((await write(b, space.id, spaceKey, 'spark-wish-band', { band: 0 }, { parentId: threadId })).res.status).toBe(409);
    const seenByB = await list(b, 'spark-wish-band');
    expect(seenByB.map((i) => open(i, spaceKey, sparkWishBandBody).band).sort()).toEqual([1, 4]);

    // A reveals the exact number; B sees it only after revealing too, and not after A takes it back.
    const revealA = await write(a, space.id, spaceKey, 'spark-wish-reveal', { perMonth: 12 }, { parentId: threadId });
    expect(revealA.res.status).toBe(201);
    expect(await list(b, 'spark-wish-reveal')).toEqual([]);
    const revealB = await write(b, space.id, spaceKey, 'spark-wish-reveal', { perMonth: 3 }, { parentId: threadId });
    expect(revealB.res.status).toBe(201);
    expect((await list(b, 'spark-wish-reveal')).map((i) => open(i, spaceKey, sparkWishRevealBody).perMonth).sort()).toEqual([12, 3]);
    expect((await a.agent.delete(`/api/items/${revealA.id}`)).status).toBe(204);
    expect((await list(a, 'spark-wish-reveal')).map((i) => i.id)).toEqual([]);
    expect((await list(b, 'spark-wish-reveal')).map((i) => i.id)).toEqual([revealB.id]);
    // Nobody can put a band or reveal outside the thread.
    expect((await write(a, space.id, spaceKey, 'spark-wish-band', { band: 2 })).res.status).toBe(400);
    expect(itemResponse.safeParse((await a.agent.get(`/api/items/${threadId}`)).body).success).toBe(true);
  });

  it('shows a stated wish only while Spark is on for both, and takes none while it is off', async () => {
    const { a, b, space } = await makeCouple(t, 'wish-consent');
    const spaceKey = generateSpaceKey();
    const threadId = rhythmThreadId(spaceKey);
    // Spark off, or on for one only: no rhythm thread can be started.
    const early = await write(a, space.id, spaceKey, 'spark-rhythm', { v: 1 }, { id: threadId });
    expect(early.res.status).toBe(409);
    expect(early.res.body).toMatchObject({ error: { code: 'spark_unavailable' } });
    await spark(a, { enabled: true, paused: false });
    expect((await write(a, space.id, spaceKey, 'spark-rhythm', { v: 1 }, { id: threadId })).res.status).toBe(409);
    await spark(b, { enabled: true, paused: false });
    expect((await write(a, space.id, spaceKey, 'spark-rhythm', { v: 1 }, { id: threadId })).res.status).toBe(201);
    const bandA = await write(a, space.id, spaceKey, 'spark-wish-band', { band: rhythmBandOf(8) }, { parentId: threadId });
    const bandB = await write(b, space.id, spaceKey, 'spark-wish-band', { band: rhythmBandOf(8) }, { parentId: threadId });
    expect([bandA.res.status, bandB.res.status]).toEqual([201, 201]);
    expect((await list(b, 'spark-wish-band')).map((i) => i.id).sort()).toEqual([bandA.id, bandB.id].sort());

    // A pauses: B can no longer read A's band (or the thread), only their own; A still sees their own.
    await spark(a, { enabled: true, paused: true });
    expect((await list(b, 'spark-wish-band')).map((i) => i.id)).toEqual([bandB.id]);
    expect((await b.agent.get(`/api/items/${bandA.id}`)).status).toBe(404);
    expect((await b.agent.get(`/api/items/${threadId}`)).status).toBe(404);
    expect((await list(a, 'spark-wish-band')).map((i) => i.id)).toEqual([bandA.id]);
    expect((await write(b, space.id, spaceKey, 'spark-wish-reveal', { perMonth: 8 }, { parentId: threadId })).res.status).toBe(409);

    await spark(a, { enabled: true, paused: false });
    expect((await list(b, 'spark-wish-band')).map((i) => i.id).sort()).toEqual([bandA.id, bandB.id].sort());
  });
});
