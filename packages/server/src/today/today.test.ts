import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaceResponse, TODAY_RECENT_LIMIT, todayResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { b64, engines, makeCouple, makeTestApp, signUp, type Account, type TestApp } from '../test/harness.ts';

/**
 * GET /api/today: the home screen's data in one round trip, scoped to the caller: their
 * space, their unread count, reminders due around now and the newest items they may see
 * (never the partner's private ones, never another couple's).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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

  const at = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const create = async (who: Account, kind: string, opts: { visibility?: 'shared' | 'private'; remindAt?: string | null } = {}) => {
    const id = randomUUID();
    const res = await who.agent.post('/api/items', {
      id,
      kind,
      visibility: opts.visibility ?? 'shared',
      parentId: null,
      remindAt: opts.remindAt ?? null,
      body: b64(120),
    });
    expect(res.status).toBe(201);
    t.clock.advance(1000);
    return id;
  };
  const today = async (who: Account) => {
    const res = await who.agent.get('/api/today');
    expect(res.status).toBe(200);
    return todayResponse.parse(res.body);
  };

  it('answers a person without a space with no space and nothing to show, and refuses without a session', async () => {
    const loner = await signUp(t, 'loner');
    expect(await today(loner)).toEqual({ space: null, unreadNotifications: 0, dueReminders: [], recentItems: [] });
    loner.agent.cookie = undefined;
    expect((await loner.agent.get('/api/today')).status).toBe(401);
  });

  it("gives each partner their space, their own unread count, due reminders and the newest items they may see", async () => {
    const { a, b, space } = await makeCouple(t, 'today');
    const other = await makeCouple(t, 'other');
    await create(other.a, 'note');

    const note = await create(a, 'note');
    const secret = await create(a, 'note', { visibility: 'private' });
    const dueSoon = await create(b, 'support-date', { remindAt: at(2 * HOUR) });
    const farOff = await create(b, 'support-date', { remindAt: at(5 * 24 * HOUR) });
    const dueNow = await create(a, 'support-date', { remindAt: at(MINUTE) });
    // Long past: it has had its notification and no longer belongs on Today.
    const stale = await create(a, 'support-date', { remindAt: at(-8 * 24 * HOUR) });
    t.clock.advance(2 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());

    const mine = await today(a);
    expect(mine.space?.id).toBe(space.id);
    expect(mine.space?.members).toHaveLength(2);
    expect(mine.space?.members.find((m) => m.isMe)?.userId).toBe(a.session.user.id);
    expect(mine.unreadNotifications).toBeGreaterThan(0);
    expect(mine.dueReminders.map((i) => i.id)).toEqual([dueNow, dueSoon]);
    expect(mine.recentItems.map((i) => i.id)).toEqual([stale, dueNow, farOff, dueSoon, secret, note]);

    const theirs = await today(b);
    expect(theirs.space?.members.find((m) => m.isMe)?.userId).toBe(b.session.user.id);
    // A's private note stays out of B's answer; the other couple's note is nobody's business here.
    expect(theirs.recentItems.map((i) => i.id)).toEqual([stale, dueNow, farOff, dueSoon, note]);
    expect(theirs.unreadNotifications).toBe(mine.unreadNotifications);
    // Reading is per person: B's reading leaves A's count as it was.
    expect((await b.agent.post('/api/notifications/read-all')).status).toBe(200);
    expect((await today(b)).unreadNotifications).toBe(0);
    expect((await today(a)).unreadNotifications).toBe(mine.unreadNotifications);
  });

  it('gives the same space as /api/space, which the app reads from Today instead', async () => {
    const { a, b } = await makeCouple(t, 'same-space');
    for (const who of [a, b]) {
      const space = await who.agent.get('/api/space');
      expect(space.status).toBe(200);
      expect((await today(who)).space).toEqual(spaceResponse.parse(space.body).space);
    }
  });

  it('keeps the recent list to its limit, newest first', async () => {
    const { a } = await makeCouple(t, 'many');
    const ids: string[] = [];
    for (let i = 0; i < TODAY_RECENT_LIMIT + 3; i++) ids.push(await create(a, 'note'));
    const got = (await today(a)).recentItems.map((i) => i.id);
    expect(got).toEqual(ids.reverse().slice(0, TODAY_RECENT_LIMIT));
  });
});
