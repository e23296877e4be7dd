import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayResponse } from '@hearth/core/api';
import type { SessionContext } from '../auth/store.ts';
import type { Database } from '../db/open.ts';
import { notifications } from '../db/schema.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { Agent, b64, Clock, engines, makeCachedApp, makeCouple, type Account } from '../test/harness.ts';
import { TodayCache } from './cache.ts';

/**
 * Decision 0048: Today's answer may come from memory, but never one that a committed
 * change has made wrong — whether the change came through this process, another
 * process on the same database, the worker, or while the listener was away.
 */

const MINUTE = 60_000;

/** A stand-in session token hash, one per name. */
const tok = (name: string): Uint8Array => new TextEncoder().encode(name.padEnd(32, '.'));

function contextFor(token: string, userId: string, spaceId: string | null): SessionContext {
  const at = new Date(0);
  return {
    session: { tokenHash: tok(token), userId, createdAt: at, lastSeenAt: at, confirmedAt: null, userAgent: null },
    user: {
      id: userId,
      email: `${userId}@example.org`,
      salt: new Uint8Array(16),
      authHash: '',
      recoveryAuthHash: '',
      publicKey: new Uint8Array(32),
      keysByPassword: new Uint8Array(1),
      keysByRecovery: new Uint8Array(1),
      profile: new Uint8Array(1),
      timeZone: 'UTC',
      activeStart: '08:00',
      activeEnd: '22:00',
      quietStart: null,
      quietEnd: null,
      theme: 'system',
      weeklyDigest: false,
      reminderEmail: false,
      createdAt: at,
      updatedAt: at,
    },
    membership: null,
    space: spaceId === null ? null : { id: spaceId, status: 'active', createdAt: at, endedAt: null },
  };
}

describe('TodayCache', () => {
  const body = (text: string) => Buffer.from(text);
  const setup = () => {
    let now = 0;
    const cache = new TodayCache({ ttlMs: 10_000, clock: () => now });
    return { cache, advance: (ms: number) => (now += ms) };
  };

  it('keeps nothing until it hears the database, and drops everything when it stops hearing it', () => {
    const { cache } = setup();
    cache.store(cache.begin(), { context: contextFor('k', 'u1', 's1'), body: body('a') });
    expect(cache.lookup(tok('k'))).toBeUndefined();
    cache.handlers.live();
    cache.store(cache.begin(), { context: contextFor('k', 'u1', 's1'), body: body('a') });
    expect(cache.lookup(tok('k'))?.body.toString()).toBe('a');
    cache.handlers.gap();
    expect(cache.lookup(tok('k'))).toBeUndefined();
    cache.store(cache.begin(), { context: contextFor('k', 'u1', 's1'), body: body('a') });
    expect(cache.size).toBe(0);
  });

  it("drops an answer when its person or its space changes, and keeps other couples' answers", () => {
    const { cache } = setup();
    cache.handlers.live();
    const keep = (key: string, user: string, space: string | null) => cache.store(cache.begin(), { context: contextFor(key, user, space), body: body(key) });
    keep('a', 'ua', 's1');
    keep('b', 'ub', 's1');
    keep('c', 'uc', 's2');
    keep('loner', 'ul', null);
    cache.handlers.change('space:s1');
    expect(cache.lookup(tok('a'))).toBeUndefined();
    expect(cache.lookup(tok('b'))).toBeUndefined();
    expect(cache.lookup(tok('c'))?.body.toString()).toBe('c');
    cache.handlers.change('user:ul');
    expect(cache.lookup(tok('loner'))).toBeUndefined();
    expect(cache.lookup(tok('c'))).toBeDefined();
    // Keys it does not know (a test's sync marker) change nothing; 'all' (a TRUNCATE) drops all.
    cache.handlers.change('sync:123');
    expect(cache.lookup(tok('c'))).toBeDefined();
    cache.handlers.change('all');
    expect(cache.lookup(tok('c'))).toBeUndefined();
  });

  it('does not keep an answer whose read a change overtook', () => {
    const { cache } = setup();
    cache.handlers.live();
    const ticket = cache.begin();
    cache.changedBy('ua', 's1');
    cache.store(ticket, { context: contextFor('a', 'ua', 's1'), body: body('old') });
    expect(cache.lookup(tok('a'))).toBeUndefined();
    // A change to someone else does not spoil it.
    const next = cache.begin();
    cache.changedBy('ux', 's9');
    cache.store(next, { context: contextFor('a', 'ua', 's1'), body: body('new') });
    expect(cache.lookup(tok('a'))?.body.toString()).toBe('new');
  });

  it('lets an answer live for the TTL at most, counted from when its read began, and still honours changes after forgetting old ones', () => {
    const { cache, advance } = setup();
    cache.handlers.live();
    const ticket = cache.begin();
    advance(4000);
    cache.store(ticket, { context: contextFor('a', 'ua', 's1'), body: body('a') });
    advance(5999);
    expect(cache.lookup(tok('a'))).toBeDefined();
    advance(1);
    expect(cache.lookup(tok('a'))).toBeUndefined();

    const early = cache.begin();
    cache.handlers.change('space:s1');
    cache.store(early, { context: contextFor('b', 'ub', 's1'), body: body('b') });
    // Announcements older than the TTL are forgotten (here, when the next one comes): still no stale answer.
    advance(11_000);
    cache.handlers.change('space:other');
    expect(cache.lookup(tok('b'))).toBeUndefined();
  });
});

describe.each(engines)('the Today cache on $name', (engine) => {
  let database: Database;
  let one: Awaited<ReturnType<typeof makeCachedApp>>;
  let two: Awaited<ReturnType<typeof makeCachedApp>>;

  beforeAll(async () => {
    database = await engine.open();
    const clock = new Clock();
    // Two apps on one database: two `hearth serve` processes behind a load balancer.
    one = await makeCachedApp(database, { clock, ttlMs: 30_000 });
    two = await makeCachedApp(database, { clock, ttlMs: 30_000 });
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await database.close();
  });

  const today = async (who: Account | Agent) => {
    const agent = who instanceof Agent ? who : who.agent;
    const res = await agent.get('/api/today');
    expect(res.status).toBe(200);
    return todayResponse.parse(res.body);
  };
  const post = async (agent: Agent, opts: { remindAt?: string } = {}) => {
    const id = randomUUID();
    const res = await agent.post('/api/items', { id, kind: 'note', visibility: 'shared', parentId: null, remindAt: opts.remindAt ?? null, body: b64(80) });
    expect(res.status).toBe(201);
    one.clock.advance(1000);
    return id;
  };
  /** The same person's browser, talking to the other process. */
  const onTwo = (who: Account) => {
    const agent = new Agent(two);
    agent.cookie = who.agent.cookie;
    return agent;
  };

  it('serves a repeated Today from memory, for no longer than the TTL when nothing announces a change', async () => {
    const { a, space } = await makeCouple(one, 'kept');
    // Announcements of the pairing still on their way would (rightly) spoil the first answer.
    await one.settle();
    const first = await today(a);
    expect(one.cache.size).toBeGreaterThan(0);
    // A notification slipped in with the triggers switched off: nothing announces it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(notifications).values({
        id: randomUUID(),
        userId: a.session.user.id,
        spaceId: space.id,
        event: 'thinking-of-you',
        dedupeKey: randomUUID(),
        createdAt: one.clock.now(),
      });
    });
    await one.settle();
    expect(await today(a)).toEqual(first);
    one.clock.advance(30_000);
    expect((await today(a)).unreadNotifications).toBe(first.unreadNotifications + 1);
  });

  const zoneOf = async (who: Account | Agent, userId: string) => (await today(who)).space?.members.find((m) => m.userId === userId)?.timeZone;
  const moveTo = async (agent: Agent, timeZone: string) => expect((await agent.patch('/api/me/settings', { timeZone })).status).toBe(200);

  it("shows a change at once to both partners on the writer's process, and to the other process once announced", async () => {
    const { a, b } = await makeCouple(one, 'writes');
    await one.settle();
    await today(a);
    await today(onTwo(a));
    await moveTo(b.agent, 'Asia/Tokyo');
    // No waiting on this process: the write's own request dropped the space's answers.
    expect(await zoneOf(a, b.session.user.id)).toBe('Asia/Tokyo');
    await two.settle();
    expect(await zoneOf(onTwo(a), b.session.user.id)).toBe('Asia/Tokyo');

    await moveTo(onTwo(b), 'America/New_York');
    await one.settle();
    expect(await zoneOf(a, b.session.user.id)).toBe('America/New_York');
  });

  it('keeps a kept answer through item writes, which Today does not show', async () => {
    const { a, b, space } = await makeCouple(one, 'items');
    await one.settle();
    const first = await today(a);
    // Unannounced, so only a fresh read would count it: the answer below is the one kept.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(notifications).values({ id: randomUUID(), userId: a.session.user.id, spaceId: space.id, event: 'thinking-of-you', dedupeKey: randomUUID(), createdAt: one.clock.now() });
    });
    await post(b.agent);
    await post(a.agent);
    await one.settle();
    expect(await today(a)).toEqual(first);
  });

  it("counts a notification the worker wrote, and refuses a session ended in another process", async () => {
    const { a, b } = await makeCouple(one, 'worker');
    await post(b.agent, { remindAt: new Date(one.clock.now().getTime() + MINUTE).toISOString() });
    const before = await today(a);
    one.clock.advance(2 * MINUTE);
    await dispatchDueReminders(database.db, one.clock.now());
    await one.settle();
    expect((await today(a)).unreadNotifications).toBe(before.unreadNotifications + 1);

    expect((await onTwo(a).post('/api/auth/logout')).status).toBe(204);
    await one.settle();
    expect((await a.agent.get('/api/today')).status).toBe(401);
  });

  it('still applies the idle timeout to a kept answer, and keeps the session alive while it is used', async () => {
    const { a } = await makeCouple(one, 'idle');
    await today(a);
    // Past the once-a-minute mark the session is written to (and announced); the answer still comes.
    one.clock.advance(2 * MINUTE);
    await today(a);
    await one.settle();
    await today(a);
    one.clock.advance(31 * MINUTE);
    expect((await a.agent.get('/api/today')).status).toBe(401);
  });

  it('keeps session checks (decision 0058), yet refuses at once a session signed out, or a member who left, on this process', async () => {
    const { a, b } = await makeCouple(one, 'sessions');
    await one.settle();
    expect((await a.agent.get('/api/items')).status).toBe(200);
    expect(one.sessionCache.size).toBeGreaterThan(0);
    // The same browser's cookie, kept after it signs out: it opens nothing any more.
    const copy = new Agent(one);
    copy.cookie = a.agent.cookie;
    expect((await a.agent.post('/api/auth/logout')).status).toBe(204);
    expect((await copy.get('/api/items')).status).toBe(401);
    expect((await copy.get('/api/today')).status).toBe(401);

    expect((await b.agent.get('/api/items')).status).toBe(200);
    expect((await b.agent.post('/api/auth/confirm', { authKey: b.authKey })).status).toBe(204);
    expect((await b.agent.post('/api/space/leave')).status).toBe(204);
    const after = await b.agent.get('/api/items');
    expect(after.body).toMatchObject({ error: { code: 'not_in_space' } });
  });

  it.runIf(engine.name === 'postgres')('serves from the database while its listener is away, then from memory again', async () => {
    const { a, b } = await makeCouple(one, 'gap');
    await one.settle();
    await today(a);
    await today(onTwo(a));
    expect(one.cache.live && two.cache.live).toBe(true);
    // Drop every listener on this database, as a restart of PostgreSQL or a proxy would.
    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and query ilike 'LISTEN%'`);
    await vi.waitFor(() => expect(one.cache.live).toBe(false), { timeout: 5000, interval: 5 });
    expect(one.cache.size).toBe(0);
    await moveTo(onTwo(b), 'Asia/Tokyo');
    expect(await zoneOf(a, b.session.user.id)).toBe('Asia/Tokyo');
    expect(one.cache.size).toBe(0);
    await vi.waitFor(() => expect(one.cache.live && two.cache.live).toBe(true), { timeout: 10_000, interval: 20 });
    await one.settle();
    await today(a);
    expect(one.cache.size).toBeGreaterThan(0);
    await moveTo(onTwo(b), 'Europe/Lisbon');
    await one.settle();
    expect(await zoneOf(a, b.session.user.id)).toBe('Europe/Lisbon');
  });
});
