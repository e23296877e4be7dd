import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaceResponse, todayResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { b64, engines, makeCouple, makeTestApp, signUp, type Account, type TestApp } from '../test/harness.ts';

/**
 * GET /api/today: what the home screen reads from its first request, scoped to the
 * caller — their space with its members, and their own unread count — and nothing it
 * does not show (issue 20): a couple with 300 items gets an answer of a few hundred bytes.
 */

const MINUTE = 60_000;

describe.each(engines)('today on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const create = async (who: Account, opts: { visibility?: 'shared' | 'private'; remindAt?: string | null } = {}) => {
    const res = await who.agent.post('/api/items', {
      id: randomUUID(),
      kind: 'note',
      visibility: opts.visibility ?? 'shared',
      parentId: null,
      remindAt: opts.remindAt ?? null,
      body: b64(400),
    });
    expect(res.status).toBe(201);
  };
  const today = async (who: Account) => {
    const res = await who.agent.get('/api/today');
    expect(res.status).toBe(200);
    return todayResponse.parse(res.body);
  };

  it('answers a person without a space with no space, and refuses without a session', async () => {
    const loner = await signUp(t, 'loner');
    expect(await today(loner)).toEqual({ space: null, unreadNotifications: 0 });
    loner.agent.cookie = undefined;
    expect((await loner.agent.get('/api/today')).status).toBe(401);
  });

  it('gives each partner their space and their own unread count', async () => {
    const { a, b, space } = await makeCouple(t, 'today');
    await create(b, { remindAt: new Date(t.clock.now().getTime() + MINUTE).toISOString() });
    t.clock.advance(2 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());

    const mine = await today(a);
    expect(mine.space?.id).toBe(space.id);
    expect(mine.space?.members).toHaveLength(2);
    expect(mine.space?.members.find((m) => m.isMe)?.userId).toBe(a.session.user.id);
    expect(mine.unreadNotifications).toBe(1);
    const theirs = await today(b);
    expect(theirs.space?.members.find((m) => m.isMe)?.userId).toBe(b.session.user.id);
    expect(theirs.unreadNotifications).toBe(1);
    // Reading is per person: B's reading leaves A's count as it was.
    expect((await b.agent.post('/api/notifications/read-all')).status).toBe(200);
    expect((await today(b)).unreadNotifications).toBe(0);
    expect((await today(a)).unreadNotifications).toBe(1);
  });

  it('gives the same space as /api/space, which the app reads from Today instead', async () => {
    const { a, b } = await makeCouple(t, 'same-space');
    for (const who of [a, b]) {
      const space = await who.agent.get('/api/space');
      expect(space.status).toBe(200);
      expect((await today(who)).space).toEqual(spaceResponse.parse(space.body).space);
    }
  });

  it('stays under 10 KB for a couple with 300 items, the same as for a couple with none', async () => {
    const { a, b } = await makeCouple(t, 'many');
    const bytes = async () => new TextEncoder().encode(JSON.stringify((await a.agent.get('/api/today')).body)).byteLength;
    const empty = await bytes();
    for (let i = 0; i < 150; i += 1) {
      await create(a, { visibility: i % 5 === 0 ? 'private' : 'shared' });
      await create(b);
    }
    const full = await bytes();
    expect(full).toBeLessThan(10 * 1024);
    expect(full).toBe(empty);
  });
});
