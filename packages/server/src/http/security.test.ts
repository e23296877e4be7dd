import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open.ts';
import { Agent, engines, makeTestApp, signUp, testConfig, uniqueEmail, type TestApp } from '../test/harness.ts';

describe.each(engines)('HTTP edge on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    database = await engine.open();
    webDist = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-web-'));
    await fs.mkdir(path.join(webDist, 'assets'));
    await fs.writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>Hearth test shell</title>');
    await fs.writeFile(path.join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
    await fs.writeFile(path.join(webDist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    t = makeTestApp(database.db, { config: testConfig({ webDist }) });
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(webDist, { recursive: true, force: true });
  });

  it('answers health with security headers and no-store', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) {
      expect(csp).toContain(directive);
    }
    // Scripts only from our origin: WebAssembly compilation is allowed, JavaScript eval and inline code are not.
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.split(' ').sort()).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('answers unknown API routes with JSON 404 and other paths with plain 404', async () => {
    const api = await t.app.request('/api/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    const other = await t.app.request('/nope');
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).not.toContain('json');
  });

  it('accepts a same-origin Origin header and refuses a write without the CSRF header', async () => {
    const agent = new Agent(t);
    const body = { email: uniqueEmail() };
    expect((await agent.request('POST', '/api/auth/salt', body, { Origin: 'http://localhost' })).status).toBe(200);
    const res = await t.app.request('/api/auth/salt', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'csrf' } });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, __Host- and Secure behind https', async () => {
    const plain = await signUp(t);
    expect(plain.agent.cookie).toMatch(/^hearth_session=/);
    const secure = makeTestApp(database.db, { config: testConfig({ secureCookies: true, publicUrl: new URL('https://hearth.example') }) });
    const agent = new Agent(secure);
    const res = await agent.request('POST', '/api/auth/login', { email: plain.email, authKey: plain.authKey }, { Origin: 'https://hearth.example' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-hearth_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await agent.get('/api/me')).status).toBe(200);
  });

  it('rate limits by account and by address with 429 and Retry-After', async () => {
    const limited = makeTestApp(database.db, {
      limits: { perIp: { max: 5, windowMs: 60_000 }, perAccount: { max: 3, windowMs: 15 * 60_000 } },
    });
    const agent = new Agent(limited);
    const email = uniqueEmail('limited');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await agent.post('/api/auth/login', { email, authKey: 'A'.repeat(43) })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await agent.post('/api/auth/login', { email, authKey: 'A'.repeat(43) });
    expect(res.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);

    // Per address: other emails, same client, sixth attempt in the minute is refused.
    limited.clock.advance(60_000);
    const perIp: number[] = [];
    for (let i = 0; i < 6; i += 1) perIp.push((await agent.post('/api/auth/salt', { email: uniqueEmail('ip') })).status);
    expect(perIp).toEqual([200, 200, 200, 200, 200, 429]);

    // A new window opens again.
    limited.clock.advance(60_000);
    expect((await agent.post('/api/auth/salt', { email: uniqueEmail('ip') })).status).toBe(200);
  });

  it('serves the app, its assets with long cache, and falls back to index.html for app and join routes', async () => {
    // "/" is the public landing page (guides feature), which links into the app.
    expect(await (await t.app.request('/')).text()).toContain('href="/app/"');
    const index = await t.app.request('/app/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Hearth test shell');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");

    const asset = await t.app.request('/app/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await t.app.request('/app/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await t.app.request('/app/assets/missing.js')).status).toBe(404);

    for (const p of ['/join/7d4f5e0a-1111-4c4c-8888-123456789abc', '/app/today', '/app/settings/account']) {
      const res = await t.app.request(p);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toContain('Hearth test shell');
    }
    const escape = await t.app.request('/app/..%2f..%2f..%2fetc%2fpasswd');
    expect(await escape.text()).not.toContain('root:');
  });

  it('explains a missing build with 503', async () => {
    const unbuilt = makeTestApp(database.db, { config: testConfig({ webDist: path.join(webDist, 'nothing-here') }) });
    const res = await unbuilt.app.request('/app/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('Run npm run build first');
  });
});
