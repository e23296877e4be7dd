import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { getTableName, sql } from 'drizzle-orm';
import { toB64 } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { sessionResponse, spaceResponse, type SessionResponse, type SpaceView } from '@hearth/core/api';
import { createInviteSecret } from '@hearth/core/crypto';
import { loadConfig, type Config } from '../config/env.ts';
import { openDatabase, type Database, type Db } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { rawRows } from '../backup/tables.ts';
import { CHANGES_CHANNEL, fanOut } from '../db/changes.ts';
import { createApp, type AppOptions } from '../http/app.ts';
import { SessionCache, TodayCache } from '../today/cache.ts';
import { EventHub } from '../events/hub.ts';
import type { RateLimitConfig } from '../rate-limit/rate-limit.ts';

/**
 * Engines every suite runs against: embedded PGlite always, real PostgreSQL when
 * TEST_DATABASE_URL points at a server we may create databases on.
 */
export type Engine = { readonly name: 'pglite' | 'postgres'; open(): Promise<Database> };

const pgliteEngine: Engine = {
  name: 'pglite',
  async open() {
    const opened = await openDatabase({ engine: 'memory' });
    if (!opened.ok) throw new Error(opened.message);
    return opened.value;
  },
};

function postgresEngine(adminUrl: string): Engine {
  return {
    name: 'postgres',
    async open() {
      // A database of its own per test file, so files can run in parallel and leave nothing behind.
      const name = `hearth_test_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const opened = await openDatabase({ engine: 'postgres', url: url.toString() });
      if (!opened.ok) throw new Error(opened.message);
      const inner = opened.value;
      return {
        ...inner,
        async close() {
          await inner.close();
          const dropper = new pg.Client({ connectionString: adminUrl });
          await dropper.connect();
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await dropper.end();
        },
      };
    },
  };
}

const testUrl = process.env['TEST_DATABASE_URL'];
if (testUrl === undefined || testUrl === '') {
  console.warn(
    '\n*** TEST_DATABASE_URL is not set: server tests run on PGlite only and the PostgreSQL leg is SKIPPED. ***\n' +
      '*** Set TEST_DATABASE_URL=postgres://user@host:5432/db to run them on PostgreSQL too. ***\n',
  );
}

export const engines: Engine[] = testUrl ? [pgliteEngine, postgresEngine(testUrl)] : [pgliteEngine];

/** A clock the test moves by hand. */
export class Clock {
  private at: number;
  constructor(start = Date.parse('2030-01-15T12:00:00.000Z')) {
    this.at = start;
  }
  readonly now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
}

/** Generous by default so tests that do not test rate limiting never hit one. */
export const LOOSE_LIMITS: RateLimitConfig = {
  perIp: { max: 100_000, windowMs: 60_000 },
  perAccount: { max: 100_000, windowMs: 60_000 },
};

export function testConfig(overrides: Partial<Config> = {}): Config {
  const loaded = loadConfig({ DATA_DIR: '/nonexistent-hearth-test', WEB_DIST: '/nonexistent-hearth-web' });
  if (!loaded.ok) throw new Error(loaded.message);
  return { ...loaded.value, ...overrides };
}

export type TestApp = ReturnType<typeof makeTestApp>;

/** What an Agent talks to: the app in-process, or a running server over HTTP (security probes). */
export type Target = {
  readonly app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
};

export function makeTestApp(db: Db, opts: Partial<Omit<AppOptions, 'db'>> & { clock?: Clock } = {}) {
  const clock = opts.clock ?? new Clock();
  const app = createApp({
    db,
    config: opts.config ?? testConfig(),
    now: clock.now,
    limits: opts.limits ?? LOOSE_LIMITS,
    // Cheap scrypt for speed; the format and code path are the production ones.
    hashParams: opts.hashParams ?? { logN: 10, r: 8, p: 1 },
    ...(opts.todayCache === undefined ? {} : { todayCache: opts.todayCache }),
    ...(opts.sessionCache === undefined ? {} : { sessionCache: opts.sessionCache }),
    ...(opts.admission === undefined ? {} : { admission: opts.admission }),
    ...(opts.mailer === undefined ? {} : { mailer: opts.mailer }),
    ...(opts.events === undefined ? {} : { events: opts.events }),
    ...(opts.programme === undefined ? {} : { programme: opts.programme }),
  });
  return { app, clock, db };
}

/**
 * An app with a Today cache that hears the database's announcements, as `hearth serve`
 * runs it. `settle()` resolves once every change committed before it has been heard
 * (announcements reach a listener in commit order, so a marker sent after them comes last).
 */
export async function makeCachedApp(database: Database, opts: { clock?: Clock; ttlMs?: number } = {}) {
  const clock = opts.clock ?? new Clock();
  const cache = new TodayCache({ ttlMs: opts.ttlMs ?? 30_000, clock: () => clock.now().getTime() });
  const sessionCache = new SessionCache({ ttlMs: opts.ttlMs ?? 30_000, clock: () => clock.now().getTime() });
  const waiting = new Map<string, () => void>();
  const both = fanOut([cache.handlers, sessionCache.handlers]);
  const stop = await database.watchChanges({
    ...both,
    change(key) {
      both.change(key);
      waiting.get(key)?.();
    },
  });
  const settle = async () => {
    const key = `sync:${randomUUID()}`;
    const heard = new Promise<void>((resolve) => waiting.set(key, resolve));
    await database.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${key})`);
    await heard;
    waiting.delete(key);
  };
  return { ...makeTestApp(database.db, { clock, todayCache: cache, sessionCache }), cache, sessionCache, settle, stop };
}

/** An app whose `/api/events` streams hear the database's change feed, as `hearth serve` runs it. */
export async function makeLiveApp(database: Database, opts: { clock?: Clock } = {}) {
  const clock = opts.clock ?? new Clock();
  const events = new EventHub();
  const stop = await database.watchChanges(events.handlers);
  return { ...makeTestApp(database.db, { clock, events }), events, stop };
}

export type Reply = { status: number; body: unknown; headers: Headers };

/** A browser stand-in: keeps its own cookie and sends the CSRF header like the web app. */
export class Agent {
  cookie: string | undefined;
  constructor(private readonly t: Target) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { 'X-Hearth-CSRF': '1', ...headers };
    if (this.cookie !== undefined) h['Cookie'] = this.cookie;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body instanceof Uint8Array) {
      // Raw bytes (a sealed photo), with the length a browser would declare.
      payload = new Uint8Array(body);
      h['Content-Type'] ??= 'application/octet-stream';
      h['Content-Length'] ??= String(body.length);
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await this.t.app.request(path, { method, headers: h, body: payload });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (pair === undefined) continue;
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value === '' || /max-age=0/i.test(line) ? undefined : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Non-JSON replies (static files) stay text.
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  /** A binary answer (a sealed photo), as bytes. */
  async bytes(path: string): Promise<{ status: number; bytes: Uint8Array; headers: Headers }> {
    const h: Record<string, string> = { 'X-Hearth-CSRF': '1' };
    if (this.cookie !== undefined) h['Cookie'] = this.cookie;
    const res = await this.t.app.request(path, { method: 'GET', headers: h });
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

export const b64 = (n: number): string => toB64(randomBytes(n));

let counter = 0;
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${counter}-${randomUUID().slice(0, 8)}@example.test`;
}

export type Account = {
  agent: Agent;
  email: string;
  authKey: string;
  recoveryAuthKey: string;
  salt: string;
  session: SessionResponse;
};

export function signupBody(email: string) {
  return {
    email,
    salt: b64(16),
    authKey: b64(32),
    recoveryAuthKey: b64(32),
    publicKey: b64(32),
    keysByPassword: b64(80),
    keysByRecovery: b64(80),
    profile: b64(60),
    timeZone: 'Europe/Berlin',
  };
}

export async function signUp(t: Target, label = 'user'): Promise<Account> {
  const agent = new Agent(t);
  const body = signupBody(uniqueEmail(label));
  const res = await agent.post('/api/auth/signup', body);
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    agent,
    email: body.email,
    authKey: body.authKey,
    recoveryAuthKey: body.recoveryAuthKey,
    salt: body.salt,
    session: sessionResponse.parse(res.body),
  };
}

export async function createSpaceFor(account: Account): Promise<SpaceView> {
  const res = await account.agent.post('/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) });
  if (res.status !== 201) throw new Error(`create space failed: ${res.status} ${JSON.stringify(res.body)}`);
  return spaceResponse.parse(res.body).space;
}

export async function inviteFrom(account: Account) {
  const secret = createInviteSecret();
  const inviteId = randomUUID();
  const res = await account.agent.post('/api/space/invites', {
    inviteId,
    sealedPayload: b64(120),
    proofHash: toB64(secret.proofHash),
  });
  return { res, inviteId, proof: toB64(secret.proof) };
}

export function acceptBody(proof: string) {
  return { proof, wrappedSpaceKey: b64(80), profile: b64(60) };
}

/** Two partners in one space: A created it, B joined through an invitation. */
export async function makeCouple(t: Target, label = 'couple'): Promise<{ a: Account; b: Account; space: SpaceView }> {
  const a = await signUp(t, `${label}-a`);
  const b = await signUp(t, `${label}-b`);
  await createSpaceFor(a);
  const invite = await inviteFrom(a);
  if (invite.res.status !== 201) throw new Error(`invite failed: ${invite.res.status}`);
  const joined = await b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof));
  if (joined.status !== 200) throw new Error(`accept failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  return { a, b, space: spaceResponse.parse(joined.body).space };
}

/** Row counts of every table, to show a refused request changed nothing (one query, so fuzzing can afford it per case). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const names = Object.keys(ALL_TABLES);
  const columns = Object.values(ALL_TABLES).map((table, i) => sql`(select count(*)::int from ${sql.identifier(getTableName(table))}) as ${sql.identifier(`c${String(i)}`)}`);
  const [row] = await rawRows(db, sql`select ${sql.join(columns, sql`, `)}`);
  const counts: Record<string, number> = {};
  names.forEach((name, i) => {
    counts[name] = Number(row?.[`c${String(i)}`] ?? 0);
  });
  return counts;
}
