import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromB64, toB64 } from '@hearth/core';
import { deviceShareResponse, trustedDeviceListResponse } from '@hearth/core/api';
import { deviceKeyFromPin, generateKeyBundle, newPinSalt, openBundleForDevice, pinProof, pinVerifier, sealBundleForDevice } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { b64, engines, makeTestApp, signUp, type Account, type TestApp } from '../test/harness.ts';

/**
 * Trusted devices on the server (issue 18, decision 0053): the PIN attempt counter, the
 * device list, and the ways unlock ends (removal, a new password, the recovery key).
 */
describe.each(engines)('trusted devices on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  /** Sets up PIN unlock as the web app does: the device keeps the salt and the sealed bundle, the server the verifier and share. */
  const addPin = async (who: Account, pin: string, label = 'Chromium on Linux') => {
    const id = randomUUID();
    const ids = { deviceId: id, userId: who.session.user.id };
    const salt = newPinSalt();
    const res = await who.agent.post('/api/devices/pin', { id, label, pinVerifier: toB64(pinVerifier(pinProof(pin, salt, ids))) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { share } = deviceShareResponse.parse(res.body);
    const shareBytes = fromB64(share);
    if (!shareBytes.ok) throw new Error('share');
    const bundle = generateKeyBundle();
    const sealed = sealBundleForDevice(bundle, deviceKeyFromPin(shareBytes.value, pin, salt, ids), ids);
    const unlock = (guess: string) => who.agent.post(`/api/devices/${id}/unlock`, { pinProof: toB64(pinProof(guess, salt, ids)) });
    return { id, ids, salt, sealed, bundle, unlock };
  };
  const devices = async (who: Account) => trustedDeviceListResponse.parse((await who.agent.get('/api/devices')).body).devices;

  it('releases the share for the right PIN, and the share with the PIN opens the bundle sealed on the device', async () => {
    const me = await signUp(t, 'pin');
    const device = await addPin(me, '482916');
    const res = await device.unlock('482916');
    expect(res.status).toBe(200);
    const share = fromB64(deviceShareResponse.parse(res.body).share);
    if (!share.ok) throw new Error('share');
    const opened = openBundleForDevice(device.sealed, deviceKeyFromPin(share.value, '482916', device.salt, device.ids), device.ids);
    expect(opened.ok && toB64(opened.value.personalKey)).toBe(toB64(device.bundle.personalKey));
    expect((await devices(me))[0]?.lastUsedAt).not.toBeNull();
  });

  it('ends PIN unlock after five wrong PINs in a row; a right one in between starts the count again', async () => {
    const me = await signUp(t, 'guess');
    const device = await addPin(me, '111111');
    for (let i = 0; i < 4; i += 1) expect((await device.unlock('000000')).status).toBe(401);
    expect((await device.unlock('111111')).status).toBe(200);
    for (let i = 4; i > 0; i -= 1) {
      const wrong = await device.unlock('222222');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ error: { code: 'wrong_pin', message: expect.stringContaining(`${String(i)} ${i === 1 ? 'try' : 'tries'} left`) } });
    }
    const fifth = await device.unlock('333333');
    expect(fifth.status).toBe(410);
    expect(fifth.body).toMatchObject({ error: { code: 'device_unlock_ended' } });
    // Gone for good: even the right PIN no longer releases anything.
    expect((await device.unlock('111111')).status).toBe(410);
    expect(await devices(me)).toEqual([]);
  });

  it('checks at most five of twenty guesses sent at once', async () => {
    const me = await signUp(t, 'burst');
    const device = await addPin(me, '765432');
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i));
    const answers = await Promise.all(guesses.map((g) => device.unlock(g)));
    const statuses = answers.map((a) => a.status);
    // Four are told they were wrong; the fifth ends it; the other fifteen find it ended.
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 410)).toHaveLength(16);
    expect((await device.unlock('765432')).status).toBe(410);
    expect(await devices(me)).toEqual([]);
  });

  it('lists only my devices, lets me remove one, and refuses another person’s device', async () => {
    const me = await signUp(t, 'list');
    const other = await signUp(t, 'other');
    const phone = await addPin(me, '123456', 'Chrome on Android');
    await addPin(me, '654321', 'Firefox on Linux');
    const theirs = await addPin(other, '999999');
    expect((await devices(me)).map((d) => d.label).sort()).toEqual(['Chrome on Android', 'Firefox on Linux']);
    // Another person's device cannot be unlocked or removed by me; it answers like a device that does not exist.
    const probe = await me.agent.post(`/api/devices/${theirs.id}/unlock`, { pinProof: b64(32) });
    expect(probe.status).toBe(410);
    expect((await me.agent.delete(`/api/devices/${theirs.id}`)).status).toBe(404);
    expect(await devices(other)).toHaveLength(1);

    expect((await me.agent.delete(`/api/devices/${phone.id}`)).status).toBe(204);
    expect((await phone.unlock('123456')).status).toBe(410);
    expect((await devices(me)).map((d) => d.label)).toEqual(['Firefox on Linux']);
  });

  it('a new password or the recovery key ends unlock on every device at once', async () => {
    const me = await signUp(t, 'password');
    const one = await addPin(me, '121212');
    const two = await addPin(me, '343434');
    const changed = await me.agent.post('/api/auth/password', { currentAuthKey: me.authKey, newSalt: b64(16), newAuthKey: b64(32), newKeysByPassword: b64(80) });
    expect(changed.status).toBe(204);
    expect((await one.unlock('121212')).status).toBe(410);
    expect((await two.unlock('343434')).status).toBe(410);
    expect(await devices(me)).toEqual([]);

    const again = await signUp(t, 'recovery');
    const three = await addPin(again, '565656');
    const res = await again.agent.post('/api/auth/recovery/complete', {
      email: again.email,
      recoveryAuthKey: again.recoveryAuthKey,
      newSalt: b64(16),
      newAuthKey: b64(32),
      newKeysByPassword: b64(80),
    });
    expect(res.status).toBe(200);
    expect((await three.unlock('565656')).status).toBe(410);
  });

  it('refuses malformed device requests and unlocking without a session', async () => {
    const me = await signUp(t, 'bad');
    for (const bad of [
      { id: 'x', label: 'Phone', pinVerifier: b64(32) },
      { id: randomUUID(), label: '', pinVerifier: b64(32) },
      { id: randomUUID(), label: 'Phone', pinVerifier: b64(16) },
      { id: randomUUID(), label: 'Phone', pinVerifier: b64(32), pin: '123456' },
    ]) {
      expect((await me.agent.post('/api/devices/pin', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const device = await addPin(me, '909090');
    await me.agent.post('/api/auth/logout');
    expect((await device.unlock('909090')).status).toBe(401);
  });
});
