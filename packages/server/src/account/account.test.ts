import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatchUpload, FORMER_MEMBER_ID, fromB64 } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { itemResponse, spaceResponse } from '@hearth/core/api';
import { tableJsonRows, tablesInDependencyOrder } from '../backup/tables.ts';
import type { Database } from '../db/open.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { Agent, b64, engines, inviteFrom, makeCouple, makeTestApp, rowCounts, type Account, type TestApp } from '../test/harness.ts';

/**
 * Deleting an account (issue #10): confirmed by the password itself, the space ends,
 * and afterwards no table holds anything of the person: not their id, not their email,
 * not one of their keys or salts, not their private items.
 */
describe.each(engines)('account deletion on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  /** Every row of every table, as text, in one list. */
  const everything = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const { name } of tablesInDependencyOrder()) out.push(...(await tableJsonRows(t.db, name)).map((r) => `${name}: ${r}`));
    return out;
  };

  /** What would give the person away: ids, email, and the hex of every secret the server kept for them. */
  const tracesOf = (who: Account, privateIds: string[]): string[] => {
    const hex = (b: string) => {
      const bytes = fromB64(b);
      if (!bytes.ok) throw new Error('bad base64');
      return Buffer.from(bytes.value).toString('hex');
    };
    return [
      who.session.user.id,
      who.email,
      hex(who.salt),
      hex(who.session.keys.publicKey),
      hex(who.session.keys.keysByPassword),
      hex(who.session.user.profile),
      ...privateIds,
    ];
  };

  const leftovers = async (traces: string[]) => (await everything()).filter((row) => traces.some((x) => row.toLowerCase().includes(x.toLowerCase())));

  /** Gives the person a footprint in as many tables as the app offers. */
  const liveIn = async (who: Account, spaceKey: Uint8Array) => {
    const shared = randomUUID();
    const priv = randomUUID();
    const reminder = randomUUID();
    expect((await who.agent.post('/api/items', { id: shared, kind: 'note', visibility: 'shared', body: b64(80) })).status).toBe(201);
    expect((await who.agent.post('/api/items', { id: priv, kind: 'note', visibility: 'private', body: b64(80) })).status).toBe(201);
    const remindAt = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect((await who.agent.post('/api/items', { id: reminder, kind: 'support-date', visibility: 'private', body: b64(80), remindAt })).status).toBe(201);
    const upload = buildMatchUpload(spaceKey, 'ideas', [{ id: 'picnic', category: 'outdoors' }], new Map([['picnic', 'yes']]));
    if (!upload.ok) throw new Error(upload.message);
    expect((await who.agent.put('/api/matching/ideas', upload.value)).status).toBe(200);
    return { shared, privateIds: [priv, reminder] };
  };

  it('refuses a wrong password and changes nothing', async () => {
    const { a } = await makeCouple(t, 'wrong');
    const before = await rowCounts(t.db);
    const res = await a.agent.post('/api/me/delete', { authKey: b64(32) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'invalid_credentials' } });
    const { rateLimits: _a, ...after } = await rowCounts(t.db);
    const { rateLimits: _b, ...beforeRest } = before;
    expect(after).toEqual(beforeRest);
    expect((await a.agent.get('/api/me')).status).toBe(200);
    expect((await new Agent(t).post('/api/me/delete', { authKey: a.authKey })).status).toBe(401);
  });

  it('deletes one partner completely; the other keeps the ended space and its shared history', async () => {
    const { a, b, space } = await makeCouple(t, 'delete');
    const spaceKey = randomBytes(32);
    const aStuff = await liveIn(a, spaceKey);
    const bStuff = await liveIn(b, spaceKey);
    // A reply by B under A's shared note stays B's; an invitation A made and old login counters.
    expect((await inviteFrom(a)).res.status).toBe(409);
    expect((await new Agent(t).post('/api/auth/login', { email: a.email, authKey: b64(32) })).status).toBe(401);
    t.clock.advance(2 * 60_000);
    expect(await dispatchDueReminders(t.db, t.clock.now())).toBeGreaterThanOrEqual(2);
    const aTraces = tracesOf(a, aStuff.privateIds);
    expect((await leftovers(aTraces)).length).toBeGreaterThan(5);

    const res = await a.agent.post('/api/me/delete', { authKey: a.authKey });
    expect(res.status).toBe(204);
    expect(a.agent.cookie).toBeUndefined();

    expect(await leftovers(aTraces)).toEqual([]);
    // Signed out, and the account no longer exists.
    expect((await a.agent.get('/api/me')).status).toBe(401);
    expect((await new Agent(t).post('/api/auth/login', { email: a.email, authKey: a.authKey })).status).toBe(401);

    // B still reads the ended space, with A's shared note from a former member.
    const ended = spaceResponse.parse((await b.agent.get('/api/space')).body).space;
    expect(ended).toMatchObject({ id: space.id, status: 'ended' });
    expect(ended.members.map((m) => m.userId)).toEqual([b.session.user.id]);
    const note = itemResponse.parse((await b.agent.get(`/api/items/${aStuff.shared}`)).body).item;
    expect(note.authorId).toBe(FORMER_MEMBER_ID);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${bStuff.shared}`)).body).item.authorId).toBe(b.session.user.id);

    // The last one out takes the space and everything left in it.
    const bTraces = tracesOf(b, [...bStuff.privateIds, bStuff.shared, aStuff.shared, space.id]);
    expect((await b.agent.post('/api/me/delete', { authKey: b.authKey })).status).toBe(204);
    expect(await leftovers(bTraces)).toEqual([]);
    expect(await leftovers([FORMER_MEMBER_ID])).toEqual([]);
  });

  it('deletes someone without a space, and their old shared items elsewhere lose their name', async () => {
    const { a, b } = await makeCouple(t, 'left-before');
    const shared = randomUUID();
    await a.agent.post('/api/items', { id: shared, kind: 'note', visibility: 'shared', body: b64(40) });
    await a.agent.post('/api/auth/confirm', { authKey: a.authKey });
    expect((await a.agent.post('/api/space/leave')).status).toBe(204);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${shared}`)).body).item.authorId).toBe(a.session.user.id);
    expect((await a.agent.post('/api/me/delete', { authKey: a.authKey })).status).toBe(204);
    expect(await leftovers(tracesOf(a, []))).toEqual([]);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${shared}`)).body).item.authorId).toBe(FORMER_MEMBER_ID);
  });
});

