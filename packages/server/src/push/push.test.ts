import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fromB64 } from '@hearth/core';
import { DISCREET_PUSH_TITLE, OPEN_PUSH_TITLES, pushDeviceListResponse, pushDeviceResponse, pushKeyResponse, pushPayload } from '@hearth/core/api';
import { derivePushPreviewKey, openPushPreview, sealPushPreview } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { pushDeliveries, pushSubscriptions } from '../db/schema.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { notify } from '../notifications/notify.ts';
import { engines, makeCouple, makeTestApp, b64, testConfig, type Account, type TestApp } from '../test/harness.ts';
import { startFakePushService, type FakeDevice, type FakePushService } from '../test/fake-push-service.ts';
import { deliverDuePushes, PUSH_MAX_ATTEMPTS, pushTopic, type PushOptions } from './deliver.ts';
import { endpointAllowed } from './routes.ts';
import { vapidKeys, vapidLoader } from './vapid.ts';

/**
 * Web Push end to end on the server: a device subscribes, notify() fills the outbox in
 * its transaction, the deliverer sends through an in-process push service that checks
 * the VAPID signature and decrypts with its own RFC 8291 code.
 */

const MINUTE = 60_000;

describe('push endpoints a device may name', () => {
  it('accepts https push services and refuses addresses inside the network', () => {
    const strict = { allowLoopbackPushEndpoints: false };
    expect(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', strict)).toBe(true);
    expect(endpointAllowed('https://updates.push.services.mozilla.com/wpush/v2/x', strict)).toBe(true);
    for (const bad of [
      'http://fcm.googleapis.com/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://10.0.0.5/x',
      'https://[::1]/x',
      'https://user:pw@push.example.com/x',
      'https://printer.local/x',
      'https://intranet/x',
      'http://127.0.0.1:9999/push',
    ]) {
      expect(endpointAllowed(bad, strict), bad).toBe(false);
    }
    expect(endpointAllowed('http://127.0.0.1:9999/push', { allowLoopbackPushEndpoints: true })).toBe(true);
  });
});

describe.each(engines)('web push on $name', (engine) => {
  let database: Database;
  let t: TestApp;
  let service: FakePushService;
  let push: PushOptions;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db, { config: testConfig({ allowLoopbackPushEndpoints: true }) });
    service = await startFakePushService();
    push = { vapid: vapidLoader(database.db), subject: 'mailto:hearth@example.test', leaseMs: MINUTE };
  });
  afterAll(async () => {
    await service.close();
    await database.close();
  });
  afterEach(() => {
    // Every push that reached the service was signed and readable.
    expect(service.rejected).toEqual([]);
    service.received.length = 0;
  });

  const subscribe = async (who: Account, device: FakeDevice, choices: { previews?: boolean; discreet?: boolean } = {}) => {
    const res = await who.agent.put('/api/push/subscription', { endpoint: device.endpoint, keys: device.keys, label: device.name, ...choices });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return pushDeviceResponse.parse(res.body).device;
  };
  const devices = async (who: Account) => pushDeviceListResponse.parse((await who.agent.get('/api/push/subscriptions')).body).devices;
  const deliver = () => deliverDuePushes(database.db, t.clock.now, push);
  const payloadsFor = (name: string) => service.received.filter((r) => r.device === name).map((r) => pushPayload.parse(JSON.parse(r.text)));
  const remindBoth = async (a: Account) => {
    const id = randomUUID();
    const res = await a.agent.post('/api/items', {
      id,
      kind: 'support-date',
      visibility: 'shared',
      parentId: null,
      remindAt: new Date(t.clock.now().getTime() + MINUTE).toISOString(),
      body: b64(120),
    });
    expect(res.status).toBe(201);
    t.clock.advance(2 * MINUTE);
    await dispatchDueReminders(database.db, t.clock.now());
    return id;
  };

  it('gives the same VAPID public key to every caller and every restart, and only to the signed-in', async () => {
    const { a, b } = await makeCouple(t, 'key');
    const first = pushKeyResponse.parse((await a.agent.get('/api/push/key')).body).publicKey;
    const second = pushKeyResponse.parse((await b.agent.get('/api/push/key')).body).publicKey;
    expect(second).toBe(first);
    expect((await vapidKeys(database.db)).publicKey).toBe(first);
    expect(fromB64(first)).toMatchObject({ ok: true });
    await a.agent.post('/api/auth/logout');
    expect((await a.agent.get('/api/push/key')).status).toBe(401);
  });

  it('validates subscriptions and keeps one per device, with its own choices', async () => {
    const { a, b } = await makeCouple(t, 'sub');
    const phone = service.addDevice(`phone-${randomUUID()}`);
    const good = { endpoint: phone.endpoint, keys: phone.keys, label: 'Phone' };
    for (const bad of [
      { ...good, endpoint: 'https://10.1.2.3/push' },
      { ...good, endpoint: 'ftp://push.example.com/x' },
      { ...good, keys: { ...phone.keys, p256dh: b64(64) } },
      { ...good, keys: { ...phone.keys, auth: b64(32) } },
      { ...good, label: '' },
      { ...good, label: 'x'.repeat(61) },
      { ...good, previews: 'yes' },
      { ...good, extra: 1 },
    ]) {
      const res = await a.agent.put('/api/push/subscription', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await devices(a)).toEqual([]);

    const made = await subscribe(a, phone);
    expect(made).toMatchObject({ label: phone.name, previews: false, discreet: true });
    // Saving again updates the same device rather than adding one.
    const changed = await subscribe(a, phone, { previews: true, discreet: false });
    expect(changed).toMatchObject({ id: made.id, previews: true, discreet: false });
    expect(await devices(a)).toHaveLength(1);
    expect(await devices(b)).toEqual([]);

    // The partner cannot remove someone else's device, even knowing its endpoint.
    expect((await b.agent.post('/api/push/unsubscribe', { endpoint: phone.endpoint })).body).toEqual({ removed: false });
    expect(await devices(a)).toHaveLength(1);
    expect((await a.agent.post('/api/push/unsubscribe', { endpoint: phone.endpoint })).body).toEqual({ removed: true });
    expect((await a.agent.post('/api/push/unsubscribe', { endpoint: phone.endpoint })).body).toEqual({ removed: false });
    expect(await devices(a)).toEqual([]);
  });

  it('an outsider who knows a device endpoint cannot take it over; the same browser (same keys) can move it', async () => {
    const { a } = await makeCouple(t, 'takeover');
    const { a: outsider } = await makeCouple(t, 'outsider');
    const phone = service.addDevice(`phone-${randomUUID()}`);
    const made = await subscribe(a, phone);

    // The probe: the endpoint alone, with keys of the outsider's own.
    const stolen = await outsider.agent.put('/api/push/subscription', { endpoint: phone.endpoint, keys: { p256dh: phone.keys.p256dh, auth: b64(16) }, label: 'Mine now' });
    expect(stolen.status).toBe(409);
    expect(stolen.body).toMatchObject({ error: { code: 'conflict', message: expect.any(String) } });
    expect(await devices(outsider)).toEqual([]);
    expect(await devices(a)).toMatchObject([{ id: made.id, label: phone.name }]);

    // The owner still gets the pushes.
    await remindBoth(a);
    await deliver();
    expect(payloadsFor(phone.name)).toHaveLength(1);

    // Someone else signing in on that same browser shows the browser's own keys: the device moves.
    const moved = await outsider.agent.put('/api/push/subscription', { endpoint: phone.endpoint, keys: phone.keys, label: 'Shared tablet' });
    expect(moved.status).toBe(200);
    expect(await devices(a)).toEqual([]);
    expect(await devices(outsider)).toMatchObject([{ id: made.id, label: 'Shared tablet' }]);
  });

  it('pushes each new notification once to every device of its recipient, readable only with the device keys', async () => {
    const { a, b } = await makeCouple(t, 'fanout');
    const [phone, laptop, theirs] = [service.addDevice(`a-phone-${randomUUID()}`), service.addDevice(`a-laptop-${randomUUID()}`), service.addDevice(`b-${randomUUID()}`)];
    await subscribe(a, phone);
    await subscribe(a, laptop);
    await subscribe(b, theirs);
    const keys = await vapidKeys(database.db);

    const itemId = await remindBoth(a);
    // A second dispatch (or a second worker) adds no notification, so no push either.
    await dispatchDueReminders(database.db, t.clock.now());
    expect(await deliver()).toEqual({ sent: 3, retried: 0, gaveUp: 0, removed: 0 });
    expect(await deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0, removed: 0 });

    expect(service.received).toHaveLength(3);
    for (const r of service.received) {
      expect(r.vapidKey).toBe(keys.publicKey);
      expect(r.jwt).toMatchObject({ aud: service.origin, sub: 'mailto:hearth@example.test' });
      expect(r.urgency).toBe('normal');
      expect(Number(r.ttl)).toBeGreaterThan(0);
      const p = pushPayload.parse(JSON.parse(r.text));
      // The Topic is the notification id: a push service collapses a repeat instead of showing two.
      expect(r.topic).toBe(pushTopic(p.id));
      expect(p).toMatchObject({ title: DISCREET_PUSH_TITLE, event: 'reminder', itemKind: 'support-date', preview: null });
      // Nothing personal: no item id, no user, no text.
      expect(r.text).not.toContain(itemId);
    }
    const aIds = [...payloadsFor(phone.name), ...payloadsFor(laptop.name)].map((p) => p.id);
    const bIds = payloadsFor(theirs.name).map((p) => p.id);
    expect(new Set(aIds).size).toBe(1);
    expect(bIds).toHaveLength(1);
    expect(bIds[0]).not.toBe(aIds[0]);
    const center = (await a.agent.get('/api/notifications')).body;
    expect(JSON.stringify(center)).toContain(aIds[0] ?? 'missing');
  });

  it('keeps titles discreet unless the device opted out, and previews sealed unless it opted in', async () => {
    const { a, b, space } = await makeCouple(t, 'discreet');
    const quiet = service.addDevice(`quiet-${randomUUID()}`);
    const open = service.addDevice(`open-${randomUUID()}`);
    await subscribe(b, quiet);
    await subscribe(b, open, { discreet: false, previews: true });
    const spaceKey = new Uint8Array(32).fill(3);
    const previewKey = derivePushPreviewKey(spaceKey);
    const refId = randomUUID();
    await database.db.transaction((tx) =>
      notify(tx, {
        userId: b.session.user.id,
        spaceId: space.id,
        event: 'thinking-of-you',
        itemId: null,
        itemKind: null,
        refId,
        dedupeKey: `thinking-of-you:${refId}`,
        at: t.clock.now(),
        preview: sealPushPreview(previewKey, 'Alex is thinking of you'),
      }),
    );
    await deliver();
    const [q] = payloadsFor(quiet.name);
    const [o] = payloadsFor(open.name);
    expect(q).toMatchObject({ title: DISCREET_PUSH_TITLE, event: 'thinking-of-you', preview: null });
    for (const word of ['partner', 'love', 'intim', 'Alex', 'relationship']) expect(service.received.find((r) => r.device === quiet.name)?.text.toLowerCase()).not.toContain(word.toLowerCase());
    expect(o).toMatchObject({ title: OPEN_PUSH_TITLES['thinking-of-you'] });
    // Only the device can open the preview: what travelled is ciphertext under the space's preview key.
    const sealed = fromB64(o?.preview ?? '');
    if (!sealed.ok) throw new Error('preview is not base64url');
    expect(openPushPreview(previewKey, sealed.value)).toEqual({ ok: true, value: 'Alex is thinking of you' });
    expect(service.received.some((r) => r.text.includes('Alex'))).toBe(false);
    expect(await devices(a)).toEqual([]);
  });

  it('forgets a device the push service says is gone (404 or 410)', async () => {
    const { a } = await makeCouple(t, 'gone');
    const expired = service.addDevice(`expired-${randomUUID()}`, 410);
    const unknown = service.addDevice(`unknown-${randomUUID()}`, 404);
    const fine = service.addDevice(`fine-${randomUUID()}`);
    await subscribe(a, expired);
    await subscribe(a, unknown);
    await subscribe(a, fine);
    await remindBoth(a);
    expect(await deliver()).toMatchObject({ sent: 1, removed: 2 });
    expect((await devices(a)).map((d) => d.label)).toEqual([fine.name]);
    // The next notification goes only to the device that is left.
    await remindBoth(a);
    expect(await deliver()).toMatchObject({ sent: 1, removed: 0 });
  });

  it('retries a failing push service with growing gaps, then gives up (the notification center still has it)', async () => {
    const { a } = await makeCouple(t, 'retry');
    const flaky = service.addDevice(`flaky-${randomUUID()}`, 503);
    await subscribe(a, flaky);
    await remindBoth(a);
    expect(await deliver()).toMatchObject({ retried: 1 });
    // Not due again yet.
    expect(await deliver()).toMatchObject({ retried: 0, sent: 0 });
    t.clock.advance(MINUTE);
    flaky.status = 201;
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(payloadsFor(flaky.name)).toHaveLength(1);

    flaky.status = 500;
    await remindBoth(a);
    let gaveUp = 0;
    for (let i = 0; i < PUSH_MAX_ATTEMPTS + 1; i += 1) {
      gaveUp += (await deliver()).gaveUp;
      t.clock.advance(2 * 60 * MINUTE);
    }
    expect(gaveUp).toBe(1);
    const rows = await database.db.select().from(pushDeliveries).where(eq(pushDeliveries.attempts, PUSH_MAX_ATTEMPTS));
    expect(rows.some((r) => r.gaveUpAt !== null && r.lastError === 'http 500')).toBe(true);
    // Giving up on one push keeps the device (hours passed, so ask the database, not the signed-out session).
    const kept = await database.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, flaky.endpoint));
    expect(kept).toHaveLength(1);
  });

  it('sends a claimed push again once the lease of a worker that died has run out', async () => {
    const { a } = await makeCouple(t, 'lease');
    const phone = service.addDevice(`lease-${randomUUID()}`);
    await subscribe(a, phone);
    await remindBoth(a);
    // A worker claims the delivery and dies before sending: simulate the claim alone.
    await database.db.update(pushDeliveries).set({ nextAttemptAt: new Date(t.clock.now().getTime() + MINUTE), attempts: 1 });
    expect(await deliver()).toMatchObject({ sent: 0 });
    t.clock.advance(MINUTE + 1000);
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(payloadsFor(phone.name)).toHaveLength(1);
  });
});
