import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toB64, type SparkLevel, type SparkMessageBody, type SparkSettings } from '@hearth/core';
import { generateSpaceKey, sealJson } from '@hearth/core/crypto';
import { itemListResponse, notificationListResponse, type ItemKind } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { b64, engines, makeCouple, makeTestApp, testConfig, type Account, type TestApp } from '../test/harness.ts';

/**
 * Spark messages on the sealed item store (decision 0033): the server keeps only
 * ciphertext and a level tag, refuses anything above the couple's effective level or
 * while Spark is not on, lists nothing above that level or while paused, holds a
 * scheduled message back until its time and then notifies the recipient once.
 */

const MINUTE = 60_000;

describe.each(engines)('Spark messages on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    // Scheduled messages are hours ahead; the clock jumps past the usual 30-minute idle sign-out.
    t = makeTestApp(database.db, { config: testConfig({ sessionIdleMs: 24 * 60 * MINUTE }) });
  });
  afterAll(async () => {
    await database.close();
  });

  const settings = (level: SparkLevel, paused = false): SparkSettings => ({ enabled: true, level, paused });
  const setSpark = async (who: Account, s: SparkSettings) => expect((await who.agent.put('/api/spark', s)).status).toBe(200);
  const sparkCouple = async (label: string, aLevel: SparkLevel, bLevel: SparkLevel) => {
    const couple = await makeCouple(t, label);
    await setSpark(couple.a, settings(aLevel));
    await setSpark(couple.b, settings(bLevel));
    return couple;
  };
  const message = (
    kind: ItemKind,
    level: SparkLevel | null,
    opts: { parentId?: string; remindAt?: string | null; body?: string } = {},
  ) => ({
    id: randomUUID(),
    kind,
    visibility: 'shared',
    parentId: opts.parentId ?? null,
    remindAt: opts.remindAt ?? null,
    sparkLevel: level,
    body: opts.body ?? b64(140),
  });
  const sparkIds = async (who: Account) =>
    itemListResponse
      .parse((await who.agent.get('/api/items')).body)
      .items.filter((i) => i.kind.startsWith('spark-'))
      .map((i) => i.id);
  const inbox = async (who: Account) => notificationListResponse.parse((await who.agent.get('/api/notifications')).body).notifications;
  const inMinutes = (n: number) => new Date(t.clock.now().getTime() + n * MINUTE).toISOString();

  it('stores only ciphertext and the level tag, and tells the recipient with a content-free notification', async () => {
    const { a, b, space } = await sparkCouple('spark-cipher', 'spicy', 'flirty');
    const spaceKey = generateSpaceKey();
    const words = 'Thinking about your smile under the lamplight zq7';
    const id = randomUUID();
    const body: SparkMessageBody = { v: 1, level: 'flirty', text: words, promptId: 'flirty-that-look', promptKind: 'compliment' };
    const sealed = sealJson(body, spaceKey, { type: 'item', spaceId: space.id, itemId: id, kind: 'spark-message', visibility: 'shared', parentId: null });
    const sent = await a.agent.post('/api/items', { ...message('spark-message', 'flirty', { body: toB64(sealed) }), id });
    expect(sent.status).toBe(201);
    // A retry is the same write.
    expect((await a.agent.post('/api/items', { ...message('spark-message', 'flirty', { body: toB64(sealed) }), id })).status).toBe(200);

    const listed = itemListResponse.parse((await b.agent.get('/api/items?kind=spark-message')).body).items;
    expect(listed.map((i) => [i.id, i.sparkLevel])).toEqual([[id, 'flirty']]);
    const notes = await inbox(b);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ event: 'message', title: 'Something new in Hearth', itemKind: null, itemId: id });
    expect(await inbox(a)).toHaveLength(0);

    let dump = '';
    for (const table of Object.values(ALL_TABLES)) {
      const rows: unknown[] = await database.db.select().from(table);
      dump += JSON.stringify(rows, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    }
    expect(dump).not.toContain('zq7');
    expect(dump).not.toContain('lamplight');
    expect(dump).not.toContain('flirty-that-look');
  });

  it('refuses anything above the lower level, and lists nothing above it after a partner lowers theirs', async () => {
    const { a, b } = await sparkCouple('spark-level', 'spicy', 'flirty');
    const spicy = await a.agent.post('/api/items', message('spark-message', 'spicy'));
    expect(spicy.status).toBe(403);
    expect(spicy.body).toMatchObject({ error: { code: 'above_spark_level' } });
    expect((await a.agent.post('/api/items', message('spark-message', null))).status).toBe(400);
    expect((await a.agent.post('/api/items', { ...message('note', 'sweet'), kind: 'note' })).status).toBe(400);

    const flirty = message('spark-message', 'flirty');
    const sweet = message('spark-message', 'sweet');
    expect((await a.agent.post('/api/items', flirty)).status).toBe(201);
    t.clock.advance(1000);
    expect((await a.agent.post('/api/items', sweet)).status).toBe(201);
    expect(await sparkIds(b)).toEqual([sweet.id, flirty.id]);

    await setSpark(b, settings('sweet'));
    expect(await sparkIds(b)).toEqual([sweet.id]);
    expect((await b.agent.get(`/api/items/${flirty.id}`)).status).toBe(404);
    // The author still has their own words.
    expect(await sparkIds(a)).toEqual([sweet.id, flirty.id]);
    // Nor can anyone answer what is withheld.
    expect((await b.agent.post('/api/items', message('spark-reaction', 'sweet', { parentId: flirty.id }))).status).toBe(404);
    expect((await b.agent.post('/api/items', message('spark-reaction', 'sweet', { parentId: sweet.id }))).status).toBe(201);
  });

  it('is refused until both opt in, and while paused nothing is listed, sent or delivered', async () => {
    const { a, b } = await makeCouple(t, 'spark-pause');
    await setSpark(a, settings('spicy'));
    const early = await a.agent.post('/api/items', message('spark-message', 'sweet'));
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'spark_unavailable' } });
    await setSpark(b, settings('spicy'));

    const before = message('spark-message', 'spicy');
    expect((await a.agent.post('/api/items', before)).status).toBe(201);
    const later = message('spark-message', 'sweet', { remindAt: inMinutes(30) });
    expect((await a.agent.post('/api/items', later)).status).toBe(201);
    expect(await sparkIds(b)).toEqual([before.id]);
    expect(await inbox(b)).toHaveLength(1);

    await setSpark(b, settings('spicy', true));
    expect(await sparkIds(b)).toEqual([]);
    expect((await b.agent.get(`/api/items/${before.id}`)).status).toBe(404);
    expect((await a.agent.post('/api/items', message('spark-message', 'sweet'))).status).toBe(409);
    expect((await b.agent.post('/api/items', message('spark-reply', 'sweet', { parentId: before.id }))).status).toBe(409);

    // The scheduled one comes due while paused: it is held, not delivered.
    t.clock.advance(31 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    expect(await inbox(b)).toHaveLength(1);
    expect(await sparkIds(b)).toEqual([]);

    await setSpark(b, settings('spicy'));
    await dispatchDueReminders(database.db, t.clock.now());
    expect(await inbox(b)).toHaveLength(2);
    expect(new Set(await sparkIds(b))).toEqual(new Set([before.id, later.id]));
  });

  it('holds a scheduled message back until its time, then notifies the recipient exactly once', async () => {
    const { a, b } = await sparkCouple('spark-later', 'flirty', 'flirty');
    const scheduled = message('spark-message', 'flirty', { remindAt: inMinutes(120) });
    expect((await a.agent.post('/api/items', scheduled)).status).toBe(201);
    expect(await sparkIds(a)).toEqual([scheduled.id]);
    expect(await sparkIds(b)).toEqual([]);
    expect((await b.agent.get(`/api/items/${scheduled.id}`)).status).toBe(404);

    t.clock.advance(60 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    expect(await inbox(b)).toHaveLength(0);
    expect(await sparkIds(b)).toEqual([]);

    t.clock.advance(61 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    await dispatchDueReminders(database.db, t.clock.now());
    const notes = await inbox(b);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ event: 'message', title: 'Something new in Hearth', itemKind: null });
    expect(await inbox(a)).toHaveLength(0);
    expect(await sparkIds(b)).toEqual([scheduled.id]);

    // More than a day ahead, or a scheduled reaction, is refused.
    expect((await a.agent.post('/api/items', message('spark-message', 'sweet', { remindAt: inMinutes(25 * 60) }))).status).toBe(400);
    expect((await b.agent.post('/api/items', message('spark-reaction', 'sweet', { parentId: scheduled.id, remindAt: inMinutes(5) }))).status).toBe(400);
  });

  it("keeps each couple's messages to itself", async () => {
    const one = await sparkCouple('spark-one', 'spicy', 'spicy');
    const two = await sparkCouple('spark-two', 'spicy', 'spicy');
    const mine = message('spark-message', 'spicy');
    expect((await one.a.agent.post('/api/items', mine)).status).toBe(201);
    expect(await sparkIds(two.a)).toEqual([]);
    expect(await sparkIds(two.b)).toEqual([]);
    expect((await two.b.agent.get(`/api/items/${mine.id}`)).status).toBe(404);
    expect((await two.b.agent.post('/api/items', message('spark-reply', 'sweet', { parentId: mine.id }))).status).toBe(404);
    expect(await inbox(two.b)).toHaveLength(0);
  });
});
