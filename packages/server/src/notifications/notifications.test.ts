import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemResponse, notificationListResponse } from '@hearth/core/api';
import { isoToZonedDateTime, weekLater } from '@hearth/core';
import type { Database } from '../db/open.ts';
import { items } from '../db/schema.ts';
import { b64, engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';
import { dispatchDueReminders, notificationsFor } from './dispatch.ts';
import { notify } from './notify.ts';

/**
 * The notification path without push: due `remindAt` instants become one neutral
 * in-app notification per recipient, exactly once, however often (or however many
 * workers) the dispatcher runs.
 */

const MINUTE = 60_000;

describe.each(engines)('notifications on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const inMinutes = (n: number) => new Date(t.clock.now().getTime() + n * MINUTE).toISOString();
  const create = async (who: Account, kind: string, opts: { visibility?: 'shared' | 'private'; remindAt: string | null }) => {
    const id = randomUUID();
    const res = await who.agent.post('/api/items', {
      id,
      kind,
      visibility: opts.visibility ?? 'shared',
      parentId: null,
      remindAt: opts.remindAt,
      body: b64(120),
    });
    expect(res.status).toBe(201);
    return id;
  };
  const list = async (who: Account) => {
    const res = await who.agent.get('/api/notifications');
    expect(res.status).toBe(200);
    return notificationListResponse.parse(res.body);
  };
  const dispatch = () => dispatchDueReminders(database.db, t.clock.now());

  it('re-arms a daily reminder for the same local time tomorrow, so it keeps coming with the app closed', async () => {
    const { a, b } = await makeCouple(t, 'daily');
    const id = await create(a, 'daily-question-reminder', { visibility: 'private', remindAt: inMinutes(1) });
    const first = (await a.agent.get(`/api/items/${id}`)).body;
    t.clock.advance(2 * MINUTE);
    await dispatch();
    expect((await list(a)).unread).toBe(1);
    expect((await list(b)).notifications).toEqual([]);
    const moved = itemResponse.parse((await a.agent.get(`/api/items/${id}`)).body).item;
    const before = itemResponse.parse(first).item;
    // The author signed up in Europe/Berlin: tomorrow, same wall-clock time (24 h apart outside DST changes).
    expect(Date.parse(moved.remindAt ?? '') - Date.parse(before.remindAt ?? '')).toBe(24 * 60 * MINUTE);
    await dispatch();
    expect((await list(a)).unread).toBe(1);
    // A day later (the session has long timed out; the reminder does not care).
    t.clock.advance(24 * 60 * MINUTE);
    await dispatch();
    expect(await notificationsFor(database.db, a.session.user.id)).toHaveLength(2);
  });

  it('sends Reconnect’s weekly reminder once, at the picked time, then a week later at the same local time', async () => {
    const { a, b } = await makeCouple(t, 'weekly');
    const id = await create(a, 'programme-reminder', { visibility: 'private', remindAt: inMinutes(10) });
    const before = itemResponse.parse((await a.agent.get(`/api/items/${id}`)).body).item;
    // Not before its time.
    t.clock.advance(9 * MINUTE);
    await dispatch();
    expect((await list(a)).notifications).toEqual([]);
    t.clock.advance(2 * MINUTE);
    // Two workers at once still make one.
    await Promise.all([dispatch(), dispatch()]);
    const got = await list(a);
    expect(got.notifications).toHaveLength(1);
    expect(got.notifications[0]).toMatchObject({ event: 'reminder', itemKind: 'programme-reminder', title: 'A reminder in Hearth' });
    expect((await list(b)).notifications).toEqual([]);
    const moved = itemResponse.parse((await a.agent.get(`/api/items/${id}`)).body).item;
    expect(moved.remindAt).toBe(new Date(weekLater(Date.parse(before.remindAt ?? ''), 'Europe/Berlin')).toISOString());
    // A worker that was down for three weeks sends one, not three, and moves on past now.
    t.clock.advance(22 * 24 * 60 * MINUTE);
    await dispatch();
    await dispatch();
    expect(await notificationsFor(database.db, a.session.user.id)).toHaveLength(2);
    // The session has timed out by now; the reminder does not care. Its next time is read from the table.
    const [row] = await database.db.select({ remindAt: items.remindAt }).from(items).where(eq(items.id, id));
    expect(row?.remindAt?.getTime()).toBeGreaterThan(t.clock.now().getTime());
  });

  it('holds Reconnect’s weekly reminder back through quiet hours and sends it once they end', async () => {
    const { a } = await makeCouple(t, 'quiet');
    // Quiet from an hour ago until two hours from now, on the author's Berlin clock.
    const wall = (ms: number) => isoToZonedDateTime(new Date(t.clock.now().getTime() + ms).toISOString(), 'Europe/Berlin').slice(11, 16);
    const quiet = { start: wall(-60 * MINUTE), end: wall(120 * MINUTE) };
    expect((await a.agent.patch('/api/me/settings', { quietHours: quiet })).status).toBe(200);
    const id = await create(a, 'programme-reminder', { visibility: 'private', remindAt: inMinutes(10) });
    t.clock.advance(11 * MINUTE);
    await dispatch();
    expect((await list(a)).notifications).toEqual([]);
    const held = itemResponse.parse((await a.agent.get(`/api/items/${id}`)).body).item;
    expect(isoToZonedDateTime(held.remindAt ?? '', 'Europe/Berlin').slice(11, 16)).toBe(quiet.end);
    t.clock.advance(2 * 60 * MINUTE);
    await dispatch();
    await dispatch();
    // The session has timed out by now; the reminder does not care.
    expect(await notificationsFor(database.db, a.session.user.id)).toHaveLength(1);
  });

  it('notifies both partners of a due shared item once, in neutral words', async () => {
    const { a, b } = await makeCouple(t, 'shared');
    const id = await create(a, 'support-date', { remindAt: inMinutes(5) });
    await dispatch();
    expect((await list(a)).notifications).toEqual([]);

    t.clock.advance(6 * MINUTE);
    await dispatch();
    await dispatch();
    for (const who of [a, b]) {
      const got = await list(who);
      expect(got.unread).toBe(1);
      expect(got.notifications).toHaveLength(1);
      expect(got.notifications[0]).toMatchObject({ itemId: id, itemKind: 'support-date', event: 'reminder', title: 'A reminder in Hearth', readAt: null });
    }
  });

  it('handles a reminder time written with microseconds once, instead of claiming it at every poll', async () => {
    const { a } = await makeCouple(t, 'micro');
    const id = await create(a, 'note', { visibility: 'private', remindAt: inMinutes(1) });
    // An operator's SQL (or another tool) can store finer times than the API ever does.
    await database.db.execute(sql`update items set remind_at = remind_at + interval '123 microseconds' where id = ${id}`);
    t.clock.advance(2 * MINUTE);
    expect(await dispatch()).toBe(1);
    expect(await dispatch()).toBe(0);
    expect((await list(a)).notifications.filter((n) => n.itemId === id)).toHaveLength(1);
  });

  it('notifies only the author of a private item, and never of a private record', async () => {
    const { a, b } = await makeCouple(t, 'private');
    const mine = await create(a, 'support-date', { visibility: 'private', remindAt: inMinutes(1) });
    // Private records carry no remindAt (decision 0013); even if one did, it is never notified.
    await create(a, 'private-record', { visibility: 'private', remindAt: null });
    t.clock.advance(2 * MINUTE);
    await dispatch();
    expect((await list(a)).notifications.map((n) => n.itemId)).toEqual([mine]);
    expect((await list(b)).notifications).toEqual([]);
  });

  it('re-arms when remindAt moves later, and keeps the earlier notification', async () => {
    const { a, b } = await makeCouple(t, 'rearm');
    const id = await create(a, 'support-date', { remindAt: inMinutes(1) });
    t.clock.advance(2 * MINUTE);
    await dispatch();
    const res = await a.agent.put(`/api/items/${id}`, { body: b64(120), remindAt: inMinutes(15) });
    expect(res.status).toBe(200);
    await dispatch();
    expect((await list(b)).notifications).toHaveLength(1);
    // (Within the 30-minute idle limit, so the sessions stay signed in.)
    t.clock.advance(16 * MINUTE);
    await dispatch();
    await dispatch();
    expect((await list(b)).notifications).toHaveLength(2);
    expect(await notificationsFor(database.db, b.session.user.id)).toHaveLength(2);
  });

  it('notifies about events with no item once per key, and links them by event', async () => {
    const { a, b, space } = await makeCouple(t, 'events');
    const nudgeId = randomUUID();
    const base = {
      userId: b.session.user.id,
      spaceId: space.id,
      event: 'nudge' as const,
      itemId: null,
      itemKind: null,
      refId: nudgeId,
      dedupeKey: `nudge:${nudgeId}`,
      at: t.clock.now(),
    };
    const first = await database.db.transaction((tx) => notify(tx, base));
    // A retry, or a second worker, with the same key adds nothing.
    const again = await database.db.transaction((tx) => notify(tx, { ...base, at: new Date(t.clock.now().getTime() + MINUTE) }));
    expect([first, again]).toEqual([true, false]);
    const got = await list(b);
    expect(got.notifications).toHaveLength(1);
    expect(got.notifications[0]).toMatchObject({ event: 'nudge', itemId: null, itemKind: null, refId: nudgeId, title: 'A small moment for today' });
    expect((await list(a)).notifications).toEqual([]);
  });

  it('lets a person read their own notifications only', async () => {
    const first = await makeCouple(t, 'mine');
    const other = await makeCouple(t, 'theirs');
    await create(first.a, 'support-date', { remindAt: inMinutes(1) });
    await create(first.a, 'support-date', { remindAt: inMinutes(1) });
    await create(other.a, 'support-date', { remindAt: inMinutes(1) });
    t.clock.advance(2 * MINUTE);
    await dispatch();

    const mine = await list(first.a);
    expect(mine.unread).toBe(2);
    const theirs = await list(other.a);
    expect(theirs.notifications).toHaveLength(1);
    const theirId = theirs.notifications[0]?.id ?? '';
    expect(mine.notifications.map((n) => n.id)).not.toContain(theirId);

    // Someone else's notification does not exist as far as this person can tell.
    expect((await first.a.agent.post(`/api/notifications/${theirId}/read`)).status).toBe(404);
    expect((await list(other.a)).unread).toBe(1);

    const one = mine.notifications[0]?.id ?? '';
    const read = await first.a.agent.post(`/api/notifications/${one}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unread: 1 });
    // The partner's copy of the same reminder stays unread.
    expect((await list(first.b)).unread).toBe(2);
    expect((await first.a.agent.post('/api/notifications/read-all')).status).toBe(200);
    expect((await list(first.a)).unread).toBe(0);
    expect((await list(other.a)).unread).toBe(1);

    expect((await first.a.agent.post('/api/notifications/not-an-id/read')).status).toBe(404);
    const signedOut = await first.a.agent.post('/api/auth/logout');
    expect(signedOut.status).toBeLessThan(300);
    expect((await first.a.agent.get('/api/notifications')).status).toBe(401);
  });

  it.skipIf(engine.name !== 'postgres')('creates no duplicates when two dispatchers race', async () => {
    const { a, b } = await makeCouple(t, 'race');
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push(await create(a, 'support-date', { remindAt: inMinutes(1) }));
    t.clock.advance(2 * MINUTE);
    const [x, y] = await Promise.all([dispatchDueReminders(database.db, t.clock.now(), 7), dispatchDueReminders(database.db, t.clock.now(), 7)]);
    expect(x + y).toBe(60);
    for (const who of [a, b]) {
      const rows = await notificationsFor(database.db, who.session.user.id);
      expect(rows.map((r) => r.itemId).sort()).toEqual([...ids].sort());
    }
  });
});
