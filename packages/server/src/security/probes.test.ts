import { randomUUID } from 'node:crypto';
import type { Server as ServerType } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toB64 } from '@hearth/core';
import { itemResponse, notificationListResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { listen } from '../http/listen.ts';
import {
  Agent,
  acceptBody,
  b64,
  engines,
  inviteFrom,
  makeCouple,
  makeTestApp,
  rowCounts,
  signUp,
  signupBody,
  testConfig,
  uniqueEmail,
  type Account,
  type Target,
  type TestApp,
} from '../test/harness.ts';

/**
 * Security probes (issue #10): an attacker's tour of a running server over real HTTP.
 * The route list comes from the app itself, so a route added later is probed too, and a
 * new route that forgets its session check fails here rather than in production.
 */

type Route = { readonly method: string; readonly path: string };

/** Routes anyone may call without a session; everything else under /api must answer 401. */
const PUBLIC_API = new Set([
  'GET /api/health',
  'POST /api/auth/salt',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/recovery/start',
  'POST /api/auth/recovery/complete',
  'GET /api/help/directory',
  // Reconnect's lessons: the same public text for everyone, so fetching them says nothing about who reads which week.
  'GET /api/programme/lessons',
  // The join page opens an invitation before the joiner has an account; it needs the secret's proof (rate limited).
  'POST /api/invites/:id/open',
]);

/** Row counts that matter: rate-limit counters are expected to move with every refused attempt; WebAuthn challenges with every options call. */
async function contentCounts(db: Database['db']): Promise<Record<string, number>> {
  // WebAuthn challenges are one-time tickets asked for without a body, not content.
  const { rateLimits: _counters, deviceChallenges: _challenges, ...rest } = await rowCounts(db);
  return rest;
}

const INJECTIONS = [
  "'); DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert("hearth")</script>',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
];

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes that take no body, so a malformed one is ignored rather than refused (a new route must be listed here on purpose). */
const NO_BODY = new Set([
  'POST /api/auth/logout',
  'POST /api/notifications/read-all',
  'POST /api/notifications/:id/read',
  'DELETE /api/items/:id',
  'DELETE /api/space/invites/:id',
  // Turns the caller's calendar feed off: nothing to send.
  'DELETE /api/together/calendar-feed',
  'POST /api/touch/nudges/:id/snooze',
  'POST /api/touch/nudges/:id/not-now',
  // WebAuthn options and removing a trusted device: nothing to send.
  'POST /api/devices/passkey/options',
  'POST /api/devices/:id/unlock/options',
  'DELETE /api/devices/:id',
]);

function running(app: TestApp['app']): Promise<{ target: Target; server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = listen(app.fetch, 0, '127.0.0.1');
    server.once('listening', () => {
      const info = server.address();
      if (info === null || typeof info === 'string') throw new Error('the test server has no port');
      const base = `http://127.0.0.1:${info.port}`;
      resolve({ target: { app: { request: (path, init) => fetch(base + path, init) } }, server, base });
    });
  });
}

describe.each(engines)('security probes against a running server on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let target: Target;
  let server: ServerType;
  let routes: Route[];
  // Two couples: "ours" probes, "theirs" owns the things being reached for.
  let ours: { a: Account; b: Account };
  let theirs: { a: Account; b: Account };
  let theirItem: string;
  let theirNotification: string;
  let theirInvite: string;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
    ({ target, server } = await running(t.app));
    routes = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => ({ method: r.method, path: r.path }));
    ours = await makeCouple(target, 'ours');
    theirs = await makeCouple(target, 'theirs');
    theirItem = randomUUID();
    const created = await theirs.a.agent.post('/api/items', {
      id: theirItem,
      kind: 'note',
      visibility: 'shared',
      parentId: null,
      remindAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      body: b64(64),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    t.clock.advance(2 * 60_000);
    await dispatchDueReminders(database.db, t.clock.now());
    const list = notificationListResponse.parse((await theirs.b.agent.get('/api/notifications')).body);
    theirNotification = list.notifications[0]?.id ?? '';
    expect(theirNotification).not.toBe('');
    // A full space cannot invite, so the open invitation belongs to someone still waiting for a partner.
    const waiting = await signUp(target, 'waiting');
    expect((await waiting.agent.post('/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) })).status).toBe(201);
    const invite = await inviteFrom(waiting);
    expect(invite.res.status).toBe(201);
    theirInvite = invite.inviteId;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
  });

  /** A concrete path for a route, pointing its parameters at the other couple's things. */
  const concrete = (route: Route): string =>
    route.path
      .replace(/^\/api\/items\/:id/, `/api/items/${theirItem}`)
      .replace(/^\/api\/notifications\/:id/, `/api/notifications/${theirNotification}`)
      .replace(/:id/, theirInvite)
      .replace(/:deck/, 'ideas')
      .replace(/:[a-z]+/gi, randomUUID());

  it('knows every API route, and each one outside the public list needs a session', async () => {
    expect(routes.length).toBeGreaterThan(25);
    const stranger = new Agent(target);
    const open: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const res = await stranger.request(route.method, concrete(route), WRITE_METHODS.has(route.method) ? {} : undefined);
      expect(res.status, key).toBeLessThan(500);
      if (res.status !== 401) open.push(key);
    }
    expect(open.sort()).toEqual([...PUBLIC_API].filter((k) => routes.some((r) => `${r.method} ${r.path}` === k)).sort());
  });

  it("never lets one couple read or change the other's things through any route", async () => {
    const before = await contentCounts(database.db);
    const theirsBefore = (await theirs.a.agent.get(`/api/items/${theirItem}`)).body;
    for (const route of routes.filter((r) => r.path.includes(':'))) {
      const key = `${route.method} ${route.path}`;
      const body = WRITE_METHODS.has(route.method) ? { body: b64(64), remindAt: null, proof: b64(32), wrappedSpaceKey: b64(80), profile: b64(60), pinProof: b64(32) } : undefined;
      const res = await ours.a.agent.request(route.method, concrete(route), body);
      if (route.path.includes(':deck')) {
        // The deck is not theirs to reach: the answer is about our own space only.
        expect(res.status, key).toBeLessThan(500);
        continue;
      }
      expect([403, 404, 409, 410], key).toContain(res.status);
      expect(JSON.stringify(res.body), key).not.toContain(theirItem);
    }
    expect((await theirs.a.agent.get(`/api/items/${theirItem}`)).body).toEqual(theirsBefore);
    expect(await contentCounts(database.db)).toEqual(before);
  });

  it('refuses every write without the CSRF header, from another site, or cross-site fetch metadata', async () => {
    const before = await contentCounts(database.db);
    const writes = routes.filter((r) => WRITE_METHODS.has(r.method));
    const cookie = ours.a.agent.cookie ?? '';
    for (const route of writes) {
      const key = `${route.method} ${route.path}`;
      const attempts: Record<string, string>[] = [
        { Cookie: cookie, 'Content-Type': 'application/json' },
        { Cookie: cookie, 'Content-Type': 'application/json', 'X-Hearth-CSRF': '1', Origin: 'https://evil.example' },
        { Cookie: cookie, 'Content-Type': 'application/json', 'X-Hearth-CSRF': '1', 'Sec-Fetch-Site': 'cross-site' },
      ];
      for (const headers of attempts) {
        const res = await target.app.request(concrete(route), { method: route.method, headers, body: '{}' });
        expect(res.status, key).toBe(403);
        expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
      }
    }
    expect(await contentCounts(database.db)).toEqual(before);
  });

  it('answers oversized and malformed bodies with a clear 4xx and changes nothing', async () => {
    const before = await contentCounts(database.db);
    // Logging out takes no body and would end the probing session; it is probed above.
    const writes = routes.filter((r) => WRITE_METHODS.has(r.method) && r.path !== '/api/auth/logout');
    // Well over the limit, over the socket: the answer must arrive, not a reset connection (a browser's "network error").
    const huge = JSON.stringify({ body: 'A'.repeat(20 * 1024 * 1024) });
    for (const route of writes) {
      const key = `${route.method} ${route.path}`;
      const big = await new Agent(target).request(route.method, concrete(route), huge, { Cookie: ours.a.agent.cookie ?? '' });
      expect(big.status, key).toBe(413);
      expect(big.body, key).toMatchObject({ error: { code: 'payload_too_large', message: expect.any(String) } });
      for (const bad of ['{"body":', '[1,2', 'null', '"just a string"']) {
        const res = await ours.a.agent.request(route.method, concrete(route), bad);
        expect(res.status, `${key} ${bad}`).toBeLessThan(500);
        if (NO_BODY.has(key)) continue;
        expect(res.status, `${key} ${bad}`).toBeGreaterThanOrEqual(400);
        expect(res.headers.get('content-type') ?? '', key).toContain('application/json');
      }
    }
    expect(await contentCounts(database.db)).toEqual(before);
  });

  it('rejects SQL and script injection in every plaintext field, and stores it inertly where text is ciphertext', async () => {
    const before = await contentCounts(database.db);
    const stranger = new Agent(target);
    for (const evil of INJECTIONS) {
      const probes: [string, string, unknown][] = [
        ['POST', '/api/auth/salt', { email: evil }],
        ['POST', '/api/auth/login', { email: evil, authKey: b64(32) }],
        ['POST', '/api/auth/signup', { ...signupBody(uniqueEmail()), timeZone: evil }],
        ['POST', '/api/auth/signup', { ...signupBody(uniqueEmail()), email: evil }],
        ['POST', '/api/auth/signup', { ...signupBody(uniqueEmail()), salt: evil }],
        ['POST', '/api/auth/recovery/start', { email: evil }],
      ];
      for (const [method, path, body] of probes) {
        const res = await stranger.request(method, path, body);
        // Unknown emails get a (fake) salt by design; everything else refuses the value.
        if (path === '/api/auth/salt' || path === '/api/auth/recovery/start') expect([200, 400, 404], path).toContain(res.status);
        else expect(res.status, `${path} ${evil}`).toBe(400);
        expect(JSON.stringify(res.body)).not.toContain('<script>');
      }
      const signedIn: [string, string, unknown][] = [
        ['PATCH', '/api/me/settings', { timeZone: evil }],
        ['PATCH', '/api/me/settings', { activeHours: { start: evil, end: '22:00' } }],
        ['PATCH', '/api/me/settings', { theme: evil }],
        ['POST', '/api/items', { id: evil, kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: b64(40) }],
        ['POST', '/api/items', { id: randomUUID(), kind: evil, visibility: 'shared', parentId: null, remindAt: null, body: b64(40) }],
        ['POST', '/api/items', { id: randomUUID(), kind: 'note', visibility: 'shared', parentId: null, remindAt: evil, body: b64(40) }],
        ['POST', '/api/items', { id: randomUUID(), kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: evil }],
        ['GET', `/api/items?kind=${encodeURIComponent(evil)}`, undefined],
        ['GET', `/api/items?before=${encodeURIComponent(evil)}`, undefined],
        ['GET', `/api/items/${encodeURIComponent(evil)}`, undefined],
        ['PUT', '/api/push/subscription', { endpoint: evil, keys: { p256dh: `B${b64(65).slice(1)}`, auth: b64(16) }, label: 'Phone' }],
        ['PUT', '/api/push/subscription', { endpoint: 'https://push.example.com/x', keys: { p256dh: evil, auth: b64(16) }, label: 'Phone' }],
        ['POST', '/api/push/unsubscribe', { endpoint: evil }],
      ];
      for (const [method, path, body] of signedIn) {
        const res = await ours.a.agent.request(method, path, body);
        expect([400, 404], `${method} ${path} ${evil}`).toContain(res.status);
        expect(JSON.stringify(res.body)).not.toContain('<script>');
      }
    }
    expect(await contentCounts(database.db)).toEqual(before);

    // Where text is ciphertext, the same bytes come back untouched and nothing runs.
    const id = randomUUID();
    const sealedLooking = toB64(new TextEncoder().encode(INJECTIONS.join(' | ')));
    const stored = await ours.a.agent.post('/api/items', { id, kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: sealedLooking });
    expect(stored.status).toBe(201);
    const back = await ours.b.agent.get(`/api/items/${id}`);
    expect(itemResponse.parse(back.body).item.body).toBe(sealedLooking);
    const after = await contentCounts(database.db);
    expect(after['users']).toBe(before['users']);
  });

  it('escapes script injection on the public newsletter pages', async () => {
    const evil = '<script>alert("hearth")</script>@example.test';
    const res = await target.app.request('/newsletter/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: evil }).toString(),
    });
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain('<script>alert');
  });

  it('refuses expired, revoked and used invitations', async () => {
    const solo = await signUp(target, 'solo');
    const soloSpace = await solo.agent.post('/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) });
    expect(soloSpace.status).toBe(201);
    // Used: one person joins through the link; the next one to try it is turned away.
    const used = await inviteFrom(solo);
    const joiner = await signUp(target, 'joiner');
    expect((await joiner.agent.post(`/api/invites/${used.inviteId}/accept`, acceptBody(used.proof))).status).toBe(200);
    const second = await signUp(target, 'second');
    expect((await second.agent.post(`/api/invites/${used.inviteId}/accept`, acceptBody(used.proof))).status).toBe(410);

    const other = await signUp(target, 'other');
    expect((await other.agent.post('/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) })).status).toBe(201);
    const revoked = await inviteFrom(other);
    expect((await other.agent.delete(`/api/space/invites/${revoked.inviteId}`)).status).toBe(204);
    const late = await signUp(target, 'late');
    const revokedTry = await late.agent.post(`/api/invites/${revoked.inviteId}/accept`, acceptBody(revoked.proof));
    expect(revokedTry.status).toBe(410);

    const expiring = await inviteFrom(other);
    t.clock.advance(8 * 24 * 60 * 60_000);
    const fresh = await signUp(target, 'fresh');
    const expiredTry = await fresh.agent.post(`/api/invites/${expiring.inviteId}/accept`, acceptBody(expiring.proof));
    expect(expiredTry.status).toBe(410);
  });

  it('sends the security headers on the API, public pages and the app, and HSTS only behind HTTPS', async () => {
    for (const path of ['/api/health', '/', '/guides', '/app/']) {
      const res = await target.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
    const behindHttps = makeTestApp(database.db, { config: testConfig({ publicUrl: new URL('https://hearth.example'), secureCookies: true }) });
    const res = await behindHttps.app.request('/api/health');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe.each(engines)('password guessing on $name', (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('rate limits repeated wrong passwords for an account', async () => {
    const t = makeTestApp(database.db, { limits: { perIp: { max: 1000, windowMs: 60_000 }, perAccount: { max: 5, windowMs: 60_000 } } });
    const victim = await signUp(t, 'victim');
    const guesser = new Agent(t);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await guesser.post('/api/auth/login', { email: victim.email, authKey: b64(32) })).status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Even the right key waits out the window: guessing cannot be resumed by getting lucky.
    expect((await guesser.post('/api/auth/login', { email: victim.email, authKey: victim.authKey })).status).toBe(429);
  });
});
