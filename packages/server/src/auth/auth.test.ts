import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeSalt } from '@hearth/core/crypto';
import { fromB64 } from '@hearth/core';
import { meResponseSchema } from './test-schemas.ts';
import { saltResponse, sessionResponse, recoveryStartResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { serverSecret } from '../db/secrets.ts';
import { Agent, b64, engines, makeTestApp, signUp, signupBody, testConfig, uniqueEmail, type TestApp } from '../test/harness.ts';

describe.each(engines)('auth on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('signs up, reads /me, logs out and back in', async () => {
    const account = await signUp(t);
    expect(account.agent.cookie).toMatch(/^hearth_session=/);
    expect(account.session.user.email).toBe(account.email);
    expect(account.session.user.spaceId).toBeNull();
    expect(account.session.user.activeHours).toEqual({ start: '08:00', end: '22:00' });

    const me = await account.agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(meResponseSchema.parse(me.body).user.id).toBe(account.session.user.id);
    expect(me.headers.get('cache-control')).toBe('no-store');

    const out = await account.agent.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(account.agent.cookie).toBeUndefined();
    expect((await account.agent.get('/api/me')).status).toBe(401);

    const login = await account.agent.post('/api/auth/login', { email: account.email, authKey: account.authKey });
    expect(login.status).toBe(200);
    const parsed = sessionResponse.parse(login.body);
    expect(parsed.keys).toEqual(account.session.keys);
    expect((await account.agent.get('/api/me')).status).toBe(200);
  });

  it('re-issues the session token at every sign-in and ends the old one', async () => {
    const account = await signUp(t);
    const first = account.agent.cookie;
    await account.agent.post('/api/auth/login', { email: account.email, authKey: account.authKey });
    expect(account.agent.cookie).not.toBe(first);
    const stale = new Agent(t);
    stale.cookie = first;
    expect((await stale.get('/api/me')).status).toBe(401);
  });

  it('refuses a taken email with 409', async () => {
    const account = await signUp(t);
    const again = await new Agent(t).post('/api/auth/signup', signupBody(account.email.toUpperCase()));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('answers a wrong key and an unknown email the same way', async () => {
    const account = await signUp(t);
    const wrong = await new Agent(t).post('/api/auth/login', { email: account.email, authKey: b64(32) });
    const unknown = await new Agent(t).post('/api/auth/login', { email: uniqueEmail('nobody'), authKey: b64(32) });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('gives real salts to users and stable fake salts to unknown emails', async () => {
    const account = await signUp(t);
    const agent = new Agent(t);
    const real = saltResponse.parse((await agent.post('/api/auth/salt', { email: account.email })).body);
    expect(real.salt).toBe(account.salt);

    const email = uniqueEmail('ghost');
    const first = saltResponse.parse((await agent.post('/api/auth/salt', { email })).body);
    const second = saltResponse.parse((await agent.post('/api/auth/salt', { email: email.toUpperCase() })).body);
    const other = saltResponse.parse((await agent.post('/api/auth/salt', { email: uniqueEmail('ghost') })).body);
    expect(first.salt).toBe(second.salt);
    expect(first.salt).not.toBe(other.salt);
    expect(first.salt).toHaveLength(real.salt.length);
    // It is core's fakeSalt under the stored server secret, not some other derivation.
    const secret = await serverSecret(t.db, 'fake-salt');
    const expected = fakeSalt(secret, email);
    const got = fromB64(first.salt);
    expect(got.ok && Array.from(got.value)).toEqual(Array.from(expected));
  });

  it('ends a session after the idle timeout and deletes it', async () => {
    const account = await signUp(t);
    t.clock.advance(29 * 60_000);
    expect((await account.agent.get('/api/me')).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await account.agent.get('/api/me')).status).toBe(200);
    const cookie = account.agent.cookie;
    t.clock.advance(31 * 60_000);
    const expired = await account.agent.get('/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'unauthenticated' } });
    // Going back in time does not revive it: the row is gone.
    t.clock.advance(-31 * 60_000);
    const replay = new Agent(t);
    replay.cookie = cookie;
    expect((await replay.get('/api/me')).status).toBe(401);
    t.clock.advance(31 * 60_000);
  });

  it('ends a session after the absolute timeout even when active', async () => {
    // Same code path as the 7-day default, with a limit short enough to walk through.
    const short = makeTestApp(database.db, { config: testConfig({ sessionIdleMs: 30 * 60_000, sessionMaxMs: 2 * 3_600_000 }) });
    const account = await signUp(short);
    for (let i = 0; i < 6; i += 1) {
      short.clock.advance(20 * 60_000);
      expect((await account.agent.get('/api/me')).status).toBe(200);
    }
    short.clock.advance(20 * 60_000);
    const res = await account.agent.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('changes the password and ends the other sessions only', async () => {
    const account = await signUp(t);
    const laptop = new Agent(t);
    await laptop.post('/api/auth/login', { email: account.email, authKey: account.authKey });
    expect((await laptop.get('/api/me')).status).toBe(200);

    const wrong = await account.agent.post('/api/auth/password', {
      currentAuthKey: b64(32),
      newSalt: b64(16),
      newAuthKey: b64(32),
      newKeysByPassword: b64(80),
    });
    expect(wrong.status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);

    const newAuthKey = b64(32);
    const newSalt = b64(16);
    const changed = await account.agent.post('/api/auth/password', {
      currentAuthKey: account.authKey,
      newSalt,
      newAuthKey,
      newKeysByPassword: b64(80),
    });
    expect(changed.status).toBe(204);
    expect((await account.agent.get('/api/me')).status).toBe(200);
    expect((await laptop.get('/api/me')).status).toBe(401);

    const agent = new Agent(t);
    expect((await agent.post('/api/auth/login', { email: account.email, authKey: account.authKey })).status).toBe(401);
    expect((await agent.post('/api/auth/login', { email: account.email, authKey: newAuthKey })).status).toBe(200);
    expect(saltResponse.parse((await agent.post('/api/auth/salt', { email: account.email })).body).salt).toBe(newSalt);
  });

  it('recovers an account with the recovery key and ends every old session', async () => {
    const account = await signUp(t);
    const stranger = new Agent(t);
    const bad = await stranger.post('/api/auth/recovery/start', { email: account.email, recoveryAuthKey: b64(32) });
    expect(bad.status).toBe(401);
    const unknown = await stranger.post('/api/auth/recovery/start', { email: uniqueEmail('x'), recoveryAuthKey: b64(32) });
    expect(unknown.status).toBe(401);

    const start = await stranger.post('/api/auth/recovery/start', { email: account.email, recoveryAuthKey: account.recoveryAuthKey });
    expect(start.status).toBe(200);
    const material = recoveryStartResponse.parse(start.body);
    expect(material.publicKey).toBe(account.session.keys.publicKey);

    const newAuthKey = b64(32);
    const done = await stranger.post('/api/auth/recovery/complete', {
      email: account.email,
      recoveryAuthKey: account.recoveryAuthKey,
      newSalt: b64(16),
      newAuthKey,
      newKeysByPassword: b64(80),
    });
    expect(done.status).toBe(200);
    expect(sessionResponse.parse(done.body).user.id).toBe(account.session.user.id);
    expect((await stranger.get('/api/me')).status).toBe(200);
    expect((await account.agent.get('/api/me')).status).toBe(401);
    expect((await new Agent(t).post('/api/auth/login', { email: account.email, authKey: newAuthKey })).status).toBe(200);
  });

  it('updates settings and refuses an unknown time zone', async () => {
    const account = await signUp(t);
    const res = await account.agent.patch('/api/me/settings', {
      timeZone: 'America/New_York',
      activeHours: { start: '07:30', end: '23:00' },
      quietHours: { start: '12:00', end: '13:00' },
      theme: 'dark',
    });
    expect(res.status).toBe(200);
    const user = meResponseSchema.parse(res.body).user;
    expect(user).toMatchObject({
      timeZone: 'America/New_York',
      activeHours: { start: '07:30', end: '23:00' },
      quietHours: { start: '12:00', end: '13:00' },
      theme: 'dark',
    });
    const cleared = await account.agent.patch('/api/me/settings', { quietHours: null });
    expect(meResponseSchema.parse(cleared.body).user.quietHours).toBeNull();

    const bad = await account.agent.patch('/api/me/settings', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_input' } });
    const empty = await account.agent.patch('/api/me/settings', {});
    expect(empty.status).toBe(400);
    expect(meResponseSchema.parse((await account.agent.get('/api/me')).body).user.timeZone).toBe('America/New_York');
  });

  it('confirms the password for re-authentication', async () => {
    const account = await signUp(t);
    expect((await account.agent.post('/api/auth/confirm', { authKey: b64(32) })).status).toBe(401);
    expect((await account.agent.post('/api/auth/confirm', { authKey: account.authKey })).status).toBe(204);
    expect((await new Agent(t).post('/api/auth/confirm', { authKey: account.authKey })).status).toBe(401);
  });
});
