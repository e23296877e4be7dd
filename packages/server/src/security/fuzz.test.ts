import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toB64 } from '@hearth/core';
import { createInviteSecret } from '@hearth/core/crypto';
import {
  acceptInviteRequest,
  changePasswordRequest,
  confirmRequest,
  createInviteRequest,
  createItemRequest,
  createSpaceRequest,
  deleteAccountRequest,
  ERROR_STATUS,
  listItemsQuery,
  itemChangesQuery,
  loginRequest,
  matchUploadRequest,
  nudgeDoneRequest,
  nudgePreferences,
  openInviteRequest,
  pushSubscribeBody,
  pushUnsubscribeBody,
  recoveryCompleteRequest,
  recoveryStartRequest,
  saltRequest,
  settingsUpdate,
  signupRequest,
  sparkSettingsRequest,
  updateItemRequest,
  photoThumbsQuery,
  updateProfileRequest,
  calendarFeedRequest,
  addPinDeviceRequest,
  addPasskeyDeviceRequest,
  unlockDeviceRequest,
} from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { Agent, b64, createSpaceFor, engines, makeCouple, makeTestApp, rowCounts, signUp, signupBody, testConfig, type Account, type TestApp } from '../test/harness.ts';

/**
 * Property-based fuzzing of every route (issue 17). Each route in the app's own route
 * table has an entry below: a request the route accepts, checked against the route's
 * schema, which fast-check then mutates (fields dropped, added, retyped; boundary numbers
 * and dates; huge strings and arrays; invalid base64 and UUIDs; prototype keys; broken
 * JSON; wrong content types; odd path and query values). For every answer:
 *   - never a 5xx;
 *   - on the API, every 4xx has the stable error shape with a known code;
 *   - every refusal leaves every table's row count as it was (rate-limit counters and used-up WebAuthn challenges apart).
 * A route without an entry fails the test, so a new route cannot skip it.
 * FUZZ_RUNS sets the cases per route (default 120, fixed seed); FUZZ_SEED picks another seed.
 */

const RUNS = Number(process.env['FUZZ_RUNS'] ?? '120');
const SEED = Number(process.env['FUZZ_SEED'] ?? '20261206');

type Who = 'member' | 'stranger' | 'fresh' | 'solo';
type Ctx = {
  /** The caller: a member of the shared couple, nobody, a new account per case, or a new person with a space of their own. */
  me: Account | undefined;
  itemId: string;
  notificationId: string;
  inviteId: string;
  inviteProof: string;
  email: string;
};
type Json = Record<string, unknown>;
type Entry = {
  readonly who: Who;
  /** A body the route accepts, and the schema it must satisfy (so the base is a real request). */
  readonly body?: (ctx: Ctx) => Json;
  readonly schema?: { safeParse(v: unknown): { success: boolean } };
  /** A form instead of JSON (the public newsletter pages). */
  readonly form?: boolean;
  readonly query?: (ctx: Ctx) => Record<string, string>;
  readonly params?: (ctx: Ctx) => Record<string, string>;
  /** Fewer cases for routes that need a new account each time. */
  readonly share?: number;
};

const deviceKeys = { p256dh: `B${b64(65).slice(1)}`, auth: b64(16) };
const schedule = { start: '2026-01-04T12:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=SU', durationMinutes: 60, leadMinutes: 30 };

const ROUTES: Record<string, Entry> = {
  'GET /api/health': { who: 'stranger' },
  'POST /api/auth/salt': { who: 'stranger', body: (c) => ({ email: c.email }), schema: saltRequest },
  'POST /api/auth/signup': { who: 'stranger', body: () => signupBody(`fuzz-${randomUUID().slice(0, 8)}@example.test`), schema: signupRequest },
  'POST /api/auth/login': { who: 'stranger', body: (c) => ({ email: c.email, authKey: b64(32) }), schema: loginRequest },
  'POST /api/auth/logout': { who: 'fresh', share: 0.1 },
  'POST /api/auth/confirm': { who: 'member', body: () => ({ authKey: b64(32) }), schema: confirmRequest },
  'POST /api/auth/password': {
    who: 'fresh',
    share: 0.1,
    body: (c) => ({ currentAuthKey: c.me?.authKey ?? '', newSalt: b64(16), newAuthKey: b64(32), newKeysByPassword: b64(80) }),
    schema: changePasswordRequest,
  },
  'POST /api/auth/recovery/start': { who: 'stranger', body: (c) => ({ email: c.email, recoveryAuthKey: b64(32) }), schema: recoveryStartRequest },
  'POST /api/auth/recovery/complete': {
    who: 'fresh',
    share: 0.1,
    body: (c) => ({ email: c.me?.email ?? '', recoveryAuthKey: c.me?.recoveryAuthKey ?? '', newSalt: b64(16), newAuthKey: b64(32), newKeysByPassword: b64(80) }),
    schema: recoveryCompleteRequest,
  },
  'GET /api/me': { who: 'member' },
  'PATCH /api/me/settings': { who: 'member', body: () => ({ timeZone: 'Europe/Paris', activeHours: { start: '08:00', end: '21:00' }, weeklyDigest: true }), schema: settingsUpdate },
  'POST /api/me/delete': { who: 'fresh', share: 0.1, body: (c) => ({ authKey: c.me?.authKey ?? '' }), schema: deleteAccountRequest },
  'POST /api/spaces': { who: 'fresh', share: 0.1, body: () => ({ spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) }), schema: createSpaceRequest },
  'GET /api/space': { who: 'member' },
  'PUT /api/space/profile': { who: 'member', body: () => ({ profile: b64(60) }), schema: updateProfileRequest },
  'POST /api/space/leave': { who: 'solo', share: 0.1 },
  'POST /api/space/invites': { who: 'solo', share: 0.1, body: () => ({ inviteId: randomUUID(), sealedPayload: b64(120), proofHash: b64(32) }), schema: createInviteRequest },
  'GET /api/space/invites': { who: 'member' },
  'DELETE /api/space/invites/:id': { who: 'member', params: (c) => ({ id: c.inviteId }) },
  'POST /api/invites/:id/open': { who: 'stranger', params: (c) => ({ id: c.inviteId }), body: (c) => ({ proof: c.inviteProof }), schema: openInviteRequest },
  'POST /api/invites/:id/accept': {
    who: 'fresh',
    share: 0.1,
    params: (c) => ({ id: c.inviteId }),
    body: (c) => ({ proof: c.inviteProof, wrappedSpaceKey: b64(80), profile: b64(60) }),
    schema: acceptInviteRequest,
  },
  'GET /api/items': { who: 'member', query: () => ({ kind: 'note', limit: '20' }), schema: listItemsQuery },
  'GET /api/items/changes': { who: 'member', query: () => ({ since: 's0', limit: '20' }), schema: itemChangesQuery },
  'POST /api/items': {
    who: 'member',
    body: () => ({ id: randomUUID(), kind: 'together-ritual', visibility: 'shared', parentId: null, schedule, body: b64(64), writtenAt: '2026-01-01T10:00:00.000Z' }),
    schema: createItemRequest,
  },
  'GET /api/items/:id': { who: 'member', params: (c) => ({ id: c.itemId }) },
  'PUT /api/items/:id': { who: 'member', params: (c) => ({ id: c.itemId }), body: () => ({ body: b64(64), remindAt: '2031-01-01T09:00:00.000Z' }), schema: updateItemRequest },
  'DELETE /api/items/:id': { who: 'member', params: () => ({ id: randomUUID() }) },
  'PUT /api/items/:itemId/photos/:photoId/:variant': { who: 'member', params: (c) => ({ itemId: c.itemId, photoId: randomUUID(), variant: 'full' }), body: () => ({ photo: b64(64) }) },
  'GET /api/items/:itemId/photos/:photoId/:variant': { who: 'member', params: (c) => ({ itemId: c.itemId, photoId: randomUUID(), variant: 'thumb' }) },
  'DELETE /api/items/:itemId/photos/:photoId': { who: 'member', params: (c) => ({ itemId: c.itemId, photoId: randomUUID() }) },
  'GET /api/photos/thumbs': { who: 'member', query: (c) => ({ items: c.itemId }), schema: photoThumbsQuery },
  'GET /api/notifications': { who: 'member' },
  'POST /api/notifications/read-all': { who: 'member' },
  'POST /api/notifications/:id/read': { who: 'member', params: (c) => ({ id: c.notificationId }) },
  'GET /api/push/key': { who: 'member' },
  'GET /api/push/subscriptions': { who: 'member' },
  'PUT /api/push/subscription': {
    who: 'member',
    body: () => ({ endpoint: `https://push.example.com/${randomUUID()}`, keys: deviceKeys, label: 'Phone', previews: false, discreet: true }),
    schema: pushSubscribeBody,
  },
  'POST /api/push/unsubscribe': { who: 'member', body: () => ({ endpoint: `https://push.example.com/${randomUUID()}` }), schema: pushUnsubscribeBody },
  'GET /api/devices': { who: 'member' },
  'POST /api/devices/pin': { who: 'member', body: () => ({ id: randomUUID(), label: 'Chromium on Linux', pinVerifier: b64(32) }), schema: addPinDeviceRequest },
  'POST /api/devices/passkey/options': { who: 'member' },
  'POST /api/devices/passkey': {
    who: 'member',
    body: () => ({
      id: randomUUID(),
      label: 'Chromium on Linux',
      registration: { id: b64(32), rawId: b64(32), type: 'public-key', response: { clientDataJSON: b64(120), attestationObject: b64(300) }, clientExtensionResults: {} },
    }),
    schema: addPasskeyDeviceRequest,
  },
  'POST /api/devices/:id/unlock/options': { who: 'member', params: () => ({ id: randomUUID() }) },
  'POST /api/devices/:id/unlock': { who: 'member', params: () => ({ id: randomUUID() }), body: () => ({ pinProof: b64(32) }), schema: unlockDeviceRequest },
  'DELETE /api/devices/:id': { who: 'member', params: () => ({ id: randomUUID() }) },
  'PUT /api/matching/:deck': {
    who: 'member',
    params: () => ({ deck: 'ideas' }),
    body: () => ({ deck: 'ideas', groups: [{ category: b64(32), overYesLimit: false, tokens: [b64(32), b64(32)] }] }),
    schema: matchUploadRequest,
  },
  'GET /api/matching/:deck': { who: 'member', params: () => ({ deck: 'ideas' }) },
  'GET /api/today': { who: 'member' },
  // This app has no event hub (a stream would never end): the route checks the session, then answers 404.
  'GET /api/events': { who: 'member' },
  'GET /api/together/calendar-feed': { who: 'member' },
  'POST /api/together/calendar-feed': { who: 'member', body: () => ({}), schema: calendarFeedRequest },
  'DELETE /api/together/calendar-feed': { who: 'member' },
  'GET /cal/:file': { who: 'stranger', params: () => ({ file: `${b64(32)}.ics` }) },
  'GET /api/spark': { who: 'member' },
  'PUT /api/spark': { who: 'member', body: () => ({ enabled: true, level: 'flirty', paused: false }), schema: sparkSettingsRequest },
  'GET /api/touch': { who: 'member' },
  'PUT /api/touch/preferences': {
    who: 'member',
    body: () => ({ timeZone: 'Europe/Berlin', activeHours: { start: '08:00', end: '21:00' }, quietHours: null, dailyBudget: 3, spacingMinutes: 90 }),
    schema: nudgePreferences,
  },
  'POST /api/touch/nudges/:id/done': { who: 'member', params: () => ({ id: randomUUID() }), body: () => ({ thinkingOfYou: true }), schema: nudgeDoneRequest },
  'POST /api/touch/nudges/:id/snooze': { who: 'member', params: () => ({ id: randomUUID() }) },
  'POST /api/touch/nudges/:id/not-now': { who: 'member', params: () => ({ id: randomUUID() }) },
  'GET /api/help/directory': { who: 'stranger' },
  'GET /api/programme/lessons': { who: 'stranger' },
  'GET /': { who: 'stranger' },
  'GET /guides': { who: 'stranger', query: () => ({ tag: 'talk' }) },
  'GET /guides/': { who: 'stranger' },
  'GET /guides/feed.xml': { who: 'stranger' },
  'GET /guides/images/:name': { who: 'stranger', params: () => ({ name: 'nothing.webp' }) },
  'GET /guides/:slug': { who: 'stranger', params: () => ({ slug: 'talk-without-blame' }) },
  'GET /sitemap.xml': { who: 'stranger' },
  'GET /robots.txt': { who: 'stranger' },
  'GET /public/site.css': { who: 'stranger' },
  'GET /public/site.js': { who: 'stranger' },
  'GET /newsletter': { who: 'stranger' },
  'GET /newsletter/check-your-inbox': { who: 'stranger' },
  'POST /newsletter/subscribe': { who: 'stranger', form: true, body: () => ({ email: `reader-${randomUUID().slice(0, 8)}@example.test` }) },
  'GET /newsletter/confirm': { who: 'stranger', query: () => ({ token: b64(40) }) },
  'POST /newsletter/confirm': { who: 'stranger', form: true, body: () => ({ token: b64(40) }) },
  'GET /newsletter/unsubscribe': { who: 'stranger', query: () => ({ token: b64(40) }) },
  'POST /newsletter/unsubscribe': { who: 'stranger', form: true, body: () => ({ 'List-Unsubscribe': 'One-Click' }), query: () => ({ token: b64(40) }) },
  'GET /recipes/lentil-soup': { who: 'stranger' },
  'GET /app': { who: 'stranger' },
  'GET /join/*': { who: 'stranger', params: () => ({ '*': randomUUID() }) },
  'GET /app/*': { who: 'stranger', params: () => ({ '*': 'today' }) },
};

// ---- what fast-check makes -------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  'null',
  '0',
  '0000-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1899-12-31T23:59:59.000Z',
  '2026-02-30T12:00:00.000Z',
  '2026-01-01T00:00:00+99:00',
  '2026-01-01',
  '2026-13-01T25:61',
  '!!!!',
  '====',
  'A',
  'AAAAA',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  `2025-01-01T00:00:00.000Z~${'-'.repeat(36)}`,
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uD800',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'FREQ=DAILY;COUNT=999999999',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=SECONDLY',
  '__proto__',
  'constructor',
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant('A'.repeat(70_000)),
  fc.constant(Array.from({ length: 5_000 }, () => 'A')),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'extra'; key: string; value: unknown }
  | { op: 'replace'; value: unknown }
  | { op: 'raw'; text: string }
  | { op: 'contentType'; type: string }
  | { op: 'param'; at: number; value: string }
  | { op: 'query'; at: number; value: string }
  | { op: 'queryExtra'; key: string; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: nasty }),
  fc.record({ op: fc.constant('extra' as const), key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), value: nasty }),
  fc.record({ op: fc.constant('replace' as const), value: nasty }),
  fc.record({
    op: fc.constant('raw' as const),
    text: fc.oneof(fc.constantFrom('{', '{"a":', '[]', '""', 'nul', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '\u0000'), fc.string({ maxLength: 30 })),
  }),
  fc.record({ op: fc.constant('contentType' as const), type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '') }),
  fc.record({ op: fc.constant('param' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 60 })) }),
  fc.record({ op: fc.constant('query' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 60 })) }),
  fc.record({ op: fc.constant('queryExtra' as const), key: fc.oneof(fc.constantFrom('before', 'limit', 'kind', 'parentId', ...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), value: fc.constantFrom(...NASTY_STRINGS) }),
);

/** Paths to every value in a JSON object (nested objects and arrays too), for `drop` and `set`. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(root: unknown, at: (string | number)[], value: unknown, drop: boolean): unknown {
  if (at.length === 0) return drop ? undefined : value;
  const [head, ...rest] = at;
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    if (drop && rest.length === 0) copy.splice(head, 1);
    else copy[head] = setAt(copy[head], rest, value, drop);
    return copy;
  }
  if (typeof root === 'object' && root !== null && typeof head === 'string') {
    if (drop && rest.length === 0) return Object.fromEntries(Object.entries(root).filter(([k]) => k !== head));
    const copy: Json = { ...root };
    copy[head] = setAt(copy[head], rest, value, drop);
    return copy;
  }
  return root;
}

type Built = { path: string; body: string | undefined; contentType: string | undefined };

function build(route: string, entry: Entry, ctx: Ctx, mutations: readonly Mutation[]): Built {
  const [, pattern = ''] = route.split(' ');
  let body: unknown = entry.body?.(ctx);
  let raw: string | undefined;
  let contentType = entry.body === undefined ? undefined : entry.form === true ? 'application/x-www-form-urlencoded' : 'application/json';
  const params = { ...entry.params?.(ctx) };
  const query = new URLSearchParams(entry.query?.(ctx));
  for (const m of mutations) {
    const paths = leafPaths(body).filter((p) => p.length > 0);
    const pick = <T>(list: readonly T[], at: number): T | undefined => list[at % Math.max(1, list.length)];
    switch (m.op) {
      case 'drop': {
        const at = pick(paths, m.at);
        if (at !== undefined) body = setAt(body, at, undefined, true);
        break;
      }
      case 'set': {
        const at = pick(paths, m.at);
        body = at === undefined ? m.value : setAt(body, at, m.value, false);
        break;
      }
      case 'extra':
        if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
          // defineProperty, so "__proto__" becomes a real key in the JSON rather than a prototype.
          body = Object.defineProperty({ ...body }, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
        } else body = { [m.key]: m.value };
        contentType ??= 'application/json';
        break;
      case 'replace':
        body = m.value;
        contentType ??= 'application/json';
        break;
      case 'raw':
        raw = m.text;
        contentType ??= 'application/json';
        break;
      case 'contentType':
        contentType = m.type;
        break;
      case 'param': {
        const key = pick(Object.keys(params), m.at);
        if (key !== undefined) params[key] = m.value;
        break;
      }
      case 'query': {
        const key = pick([...query.keys()], m.at);
        if (key !== undefined) query.set(key, m.value);
        break;
      }
      case 'queryExtra':
        query.append(m.key, m.value);
        break;
    }
  }
  let concrete = pattern;
  for (const [key, value] of Object.entries(params)) {
    concrete = concrete.replace(key === '*' ? '*' : `:${key}`, key === '*' ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value));
  }
  const search = query.toString();
  const text =
    raw ??
    (body === undefined
      ? undefined
      : entry.form === true && contentType === 'application/x-www-form-urlencoded' && typeof body === 'object' && body !== null
        ? new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()
        : JSON.stringify(body));
  return { path: search === '' ? concrete : `${concrete}?${search}`, body: text, contentType };
}

const KNOWN_CODES = new Set(Object.keys(ERROR_STATUS));
const errorShape = z.object({ error: z.object({ code: z.string(), message: z.string().min(1) }) });

describe.each(engines)('fuzzing every route on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let dataDir: string;
  let member: Account;
  let shared: Omit<Ctx, 'me'>;

  beforeAll(async () => {
    database = await engine.open();
    // Newsletter mail goes to an outbox folder of its own.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-fuzz-'));
    // A built web app of one page, so the app's routes answer as in production.
    const webDist = path.join(dataDir, 'web');
    await fs.mkdir(webDist, { recursive: true });
    await fs.writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Hearth</title>');
    t = makeTestApp(database.db, { config: testConfig({ dataDir, webDist }) });
    const { a, b } = await makeCouple(t, 'fuzz');
    member = a;
    const itemId = randomUUID();
    const created = await a.agent.post('/api/items', { id: itemId, kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: b64(64) });
    expect(created.status).toBe(201);
    await b.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'shared', body: b64(64) });
    // An invitation of someone still waiting for a partner, with its proof.
    const waiting = await signUp(t, 'waiting');
    await createSpaceFor(waiting);
    const secret = createInviteSecret();
    const inviteId = randomUUID();
    const invite = await waiting.agent.post('/api/space/invites', { inviteId, sealedPayload: b64(120), proofHash: toB64(secret.proofHash) });
    expect(invite.status).toBe(201);
    shared = { itemId, notificationId: randomUUID(), inviteId, inviteProof: toB64(secret.proof), email: a.email };
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const callerFor = async (who: Who): Promise<Account | undefined> => {
    switch (who) {
      case 'member':
        return member;
      case 'stranger':
        return undefined;
      case 'fresh':
        return signUp(t, 'fuzz-fresh');
      case 'solo': {
        const solo = await signUp(t, 'fuzz-solo');
        await createSpaceFor(solo);
        return solo;
      }
    }
  };

  it('has an entry for every route the server has', () => {
    const routes = new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...routes].filter((r) => !(r in ROUTES)).sort()).toEqual([]);
    // And no entry for a route that is gone, so the table stays the truth.
    expect(Object.keys(ROUTES).filter((r) => !routes.has(r)).sort()).toEqual([]);
  });

  it('every entry starts from a request its schema accepts', () => {
    const ctx: Ctx = { ...shared, me: member };
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (entry.schema === undefined) continue;
      const value = entry.body?.(ctx) ?? entry.query?.(ctx);
      expect(entry.schema.safeParse(value).success, route).toBe(true);
    }
  });

  it.each(Object.keys(ROUTES))('%s: never a 5xx, a stable error shape, and nothing written when refused', async (route) => {
    const entry = ROUTES[route];
    if (entry === undefined) throw new Error(route);
    const [method = 'GET'] = route.split(' ');
    const api = route.includes(' /api/');
    const runs = Math.max(5, Math.round(RUNS * (entry.share ?? 1)));
    let counts = await rowCounts(database.db);
    // Rate-limit counters move with refused attempts by design, and a refused WebAuthn ceremony uses its one-time challenge up.
    const withoutCounters = (c: Record<string, number>) => ({ ...c, rateLimits: 0, deviceChallenges: 0 });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const me = await callerFor(entry.who);
        if (entry.who === 'fresh' || entry.who === 'solo') counts = await rowCounts(database.db);
        const ctx: Ctx = { ...shared, me };
        const built = build(route, entry, ctx, mutations);
        // A GET has no body to mutate: what is left of the case is its path and query.
        if (method === 'GET') Object.assign(built, { body: undefined, contentType: undefined });
        const agent = me?.agent ?? new Agent(t);
        const headers: Record<string, string> = built.contentType === undefined ? {} : { 'Content-Type': built.contentType };
        const res = await agent.request(method, built.path, built.body, headers);
        const where = `${route} → ${method} ${built.path.slice(0, 120)} ${String(built.body).slice(0, 160)}`;
        expect(res.status, where).toBeLessThan(500);
        const after = await rowCounts(database.db);
        if (res.status >= 400) {
          if (api) {
            const shaped = errorShape.safeParse(res.body);
            expect(shaped.success, `${where}: ${JSON.stringify(res.body)}`).toBe(true);
            const code = shaped.data?.error.code ?? '';
            expect(KNOWN_CODES.has(code), `${where}: code ${code}`).toBe(true);
          }
          expect(withoutCounters(after), where).toEqual(withoutCounters(counts));
        }
        counts = after;
      }),
      { numRuns: runs, seed: SEED, endOnFailure: true },
    );
  });
});
