import { randomUUID } from 'node:crypto';
import { and, asc, isNotNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextKeyDateReminder, toB64, type SupportKeyDateBody } from '@hearth/core';
import { itemListResponse, itemResponse } from '@hearth/core/api';
import { meResponseSchema } from '../auth/test-schemas.ts';
import { generateSpaceKey, sealJson } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { items } from '../db/schema.ts';
import { b64, engines, makeCouple, makeTestApp, rowCounts, type Account, type TestApp } from '../test/harness.ts';

/**
 * Support (issue #6) on top of the sealed items store: responses hang under a shared
 * challenge, one celebration per partner under a win, only the sharer can mark a
 * challenge eased (by updating it), preferences stay private, and key dates are
 * scheduled by their `remindAt` instant alone while title and date stay sealed.
 */

type Kind = 'support-plate' | 'support-response' | 'support-win' | 'support-celebration' | 'support-date' | 'support-thanks' | 'support-prefs';
const item = (kind: Kind, opts: { parentId?: string; visibility?: 'shared' | 'private'; remindAt?: string | null } = {}) => ({
  id: randomUUID(),
  kind,
  visibility: opts.visibility ?? 'shared',
  parentId: opts.parentId ?? null,
  remindAt: opts.remindAt ?? null,
  body: b64(120),
});

describe.each(engines)('support on $name', (engine) => {
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

  it('hangs responses under a shared challenge, and only the sharer can mark it eased', async () => {
    const { a, b } = await makeCouple(t, 'plate');
    const plate = item('support-plate');
    expect((await a.agent.post('/api/items', plate)).status).toBe(201);
    expect(await listIds(b, '?kind=support-plate')).toEqual([plate.id]);

    // The partner can answer more than once (a message, then "I'm here").
    t.clock.advance(1000);
    const message = item('support-response', { parentId: plate.id });
    const here = item('support-response', { parentId: plate.id });
    expect((await b.agent.post('/api/items', message)).status).toBe(201);
    t.clock.advance(1000);
    expect((await b.agent.post('/api/items', here)).status).toBe(201);
    expect(await listIds(a, `?parentId=${plate.id}`)).toEqual([here.id, message.id]);

    // A challenge is always shared and stands alone; a response must hang under a challenge.
    expect((await a.agent.post('/api/items', item('support-plate', { visibility: 'private' }))).status).toBe(400);
    expect((await a.agent.post('/api/items', item('support-plate', { parentId: plate.id }))).status).toBe(400);
    expect((await b.agent.post('/api/items', item('support-response'))).status).toBe(400);
    const win = item('support-win');
    expect((await b.agent.post('/api/items', win)).status).toBe(201);
    expect((await a.agent.post('/api/items', item('support-response', { parentId: win.id }))).status).toBe(400);

    // Marking eased is an update of the challenge: the sharer may, the partner may not.
    expect((await b.agent.put(`/api/items/${plate.id}`, { body: b64(130) })).status).toBe(403);
    const eased = b64(130);
    expect((await a.agent.put(`/api/items/${plate.id}`, { body: eased })).status).toBe(200);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${plate.id}`)).body).item.body).toBe(eased);
  });

  it('takes one celebration per partner under a win, and only under a win', async () => {
    const { a, b } = await makeCouple(t, 'wins');
    const win = item('support-win');
    expect((await b.agent.post('/api/items', win)).status).toBe(201);
    const cheer = item('support-celebration', { parentId: win.id });
    expect((await a.agent.post('/api/items', cheer)).status).toBe(201);
    expect((await a.agent.post('/api/items', item('support-celebration', { parentId: win.id }))).status).toBe(409);
    expect((await a.agent.post('/api/items', cheer)).status).toBe(200);
    expect((await a.agent.post('/api/items', item('support-celebration'))).status).toBe(400);
    expect((await a.agent.post('/api/items', item('support-celebration', { parentId: win.id, visibility: 'private' }))).status).toBe(400);
    const celebrations = itemListResponse.parse((await b.agent.get('/api/items?kind=support-celebration')).body).items;
    expect(celebrations).toHaveLength(1);
    expect(celebrations[0]).toMatchObject({ id: cheer.id, parentId: win.id, authorId: a.session.user.id });
  });

  it('keeps preferences and private key dates from the partner', async () => {
    const { a, b } = await makeCouple(t, 'private');
    const prefs = item('support-prefs', { visibility: 'private' });
    const secretDate = item('support-date', { visibility: 'private', remindAt: '2030-02-14T08:00:00.000Z' });
    expect((await a.agent.post('/api/items', prefs)).status).toBe(201);
    expect((await a.agent.post('/api/items', secretDate)).status).toBe(201);
    expect((await a.agent.post('/api/items', item('support-prefs'))).status).toBe(400);
    expect(await listIds(b, '?kind=support-prefs')).toEqual([]);
    expect(await listIds(b, '?kind=support-date')).toEqual([]);
    for (const target of [prefs, secretDate]) {
      const read = await b.agent.get(`/api/items/${target.id}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(target.body);
    }
    expect(await listIds(a, '?kind=support-prefs')).toEqual([prefs.id]);
  });

  it('lets a member of another couple neither read nor answer anything, and their attempts change nothing', async () => {
    const ours = await makeCouple(t, 'ours');
    const theirs = await makeCouple(t, 'theirs');
    const plate = item('support-plate');
    const win = item('support-win');
    const thanks = item('support-thanks');
    for (const x of [plate, win, thanks]) expect((await ours.a.agent.post('/api/items', x)).status).toBe(201);

    const before = await rowCounts(t.db);
    for (const stranger of [theirs.a, theirs.b]) {
      for (const target of [plate, win, thanks]) {
        const read = await stranger.agent.get(`/api/items/${target.id}`);
        expect(read.status).toBe(404);
        expect(JSON.stringify(read.body)).not.toContain(target.body);
        expect((await stranger.agent.put(`/api/items/${target.id}`, { body: b64(30) })).status).toBe(404);
        expect((await stranger.agent.delete(`/api/items/${target.id}`)).status).toBe(404);
      }
      expect((await stranger.agent.post('/api/items', item('support-response', { parentId: plate.id }))).status).toBe(404);
      expect((await stranger.agent.post('/api/items', item('support-celebration', { parentId: win.id }))).status).toBe(404);
      for (const kind of ['support-plate', 'support-win', 'support-thanks'] as const) expect(await listIds(stranger, `?kind=${kind}`)).toEqual([]);
    }
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('schedules key dates by instant only, with 29 February and each partner’s time zone, and never sees the title', async () => {
    const { a, b, space } = await makeCouple(t, 'dates');
    const spaceId = space.id;
    // A lives in Berlin (the harness default); B moves to New York.
    expect((await b.agent.patch('/api/me/settings', { timeZone: 'America/New_York' })).status).toBe(200);
    const zoneOf = async (who: Account) => meResponseSchema.parse((await who.agent.get('/api/me')).body).user.timeZone;
    expect(await zoneOf(b)).toBe('America/New_York');

    const spaceKey = generateSpaceKey();
    const now = new Date('2029-02-01T12:00:00.000Z');
    const write = async (who: Account, body: SupportKeyDateBody) => {
      const id = randomUUID();
      const reminder = nextKeyDateReminder(body, now, await zoneOf(who));
      const sealed = sealJson(body, spaceKey, { type: 'item', spaceId, itemId: id, kind: 'support-date', visibility: 'shared', parentId: null });
      const res = await who.agent.post('/api/items', {
        id,
        kind: 'support-date',
        visibility: 'shared',
        remindAt: reminder?.at.toISOString() ?? null,
        body: toB64(sealed),
      });
      expect(res.status).toBe(201);
      return { id, remindAt: itemResponse.parse(res.body).item.remindAt };
    };

    // A leap-day birthday: in 2029 it falls on 28 February, so 14 days before is 14 February, 9:00 in Berlin.
    const leap = await write(a, { title: 'Robin’s leap-day birthday', type: 'birthday', date: '1996-02-29', concerns: 'partner', recurrence: 'yearly', leadDays: [14, 1] });
    expect(leap.remindAt).toBe('2029-02-14T08:00:00.000Z');
    // B's anniversary, 1 day before at 9:00 in New York (UTC−5 in winter).
    const anniversary = await write(b, { title: 'Our lighthouse anniversary', type: 'anniversary', date: '2021-02-20', concerns: 'us', recurrence: 'yearly', leadDays: [1] });
    expect(anniversary.remindAt).toBe('2029-02-19T14:00:00.000Z');
    // A one-off date in the past has nothing to schedule.
    const past = await write(a, { title: 'Moving day', type: 'milestone', date: '2028-06-01', concerns: 'us', recurrence: 'once', leadDays: [1] });
    expect(past.remindAt).toBeNull();

    // What a job queue would do: pick due items by instant alone, from plaintext metadata.
    const due = await t.db
      .select({ id: items.id, remindAt: items.remindAt })
      .from(items)
      .where(and(isNotNull(items.remindAt), lte(items.remindAt, new Date('2029-02-28T00:00:00.000Z'))))
      .orderBy(asc(items.remindAt));
    expect(due.map((d) => d.id)).toEqual([leap.id, anniversary.id]);

    // Sealed: neither the title nor the date is anywhere in what the server stored.
    const rows = await t.db.select().from(items);
    const stored = rows.map((r) => `${Buffer.from(r.body).toString('latin1')} ${Buffer.from(r.body).toString('utf8')} ${JSON.stringify({ ...r, body: null })}`).join('\n');
    for (const secret of ['leap-day', 'lighthouse', 'Moving day', '1996-02-29', '2021-02-20', 'birthday', 'anniversary']) expect(stored).not.toContain(secret);

    // The author moves the reminder on once it has been sent; the partner cannot.
    const moved = await a.agent.put(`/api/items/${leap.id}`, { body: b64(200), remindAt: '2029-02-27T08:00:00.000Z' });
    expect(itemResponse.parse(moved.body).item.remindAt).toBe('2029-02-27T08:00:00.000Z');
    expect((await b.agent.put(`/api/items/${leap.id}`, { body: b64(200), remindAt: null })).status).toBe(403);
  });
});
