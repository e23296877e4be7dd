import type { Context } from 'hono';
import { Hono } from 'hono';
import { toB64 } from '@hearth/core';
import {
  addPasskeyDeviceRequest,
  addPinDeviceRequest,
  unlockDeviceRequest,
  uuid,
  type TrustedDeviceView,
} from '@hearth/core/api';
import { requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { limitAttempt } from '../http/rate-limited.ts';
import { bytes, readBody, readId } from '../http/validate.ts';
import { addPasskeyDevice, addPinDevice, passkeyRegistrationOptions, passkeyUnlockOptions, unlockWithPasskey, unlockWithPin, type RelyingParty } from './service.ts';
import { deleteDevice, listDevices, type TrustedDeviceRow } from './store.ts';

function deviceView(row: TrustedDeviceRow): TrustedDeviceView {
  return { id: row.id, label: row.label, kind: row.kind, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}

/**
 * WebAuthn's relying party: PUBLIC_URL when set, otherwise the page's own origin (the CSRF
 * guard has already checked that a write's Origin is this site).
 */
function relyingParty(c: Context<AppEnv>): RelyingParty {
  const configured = c.var.deps.config.publicUrl;
  const origin = configured?.origin ?? c.req.header('origin') ?? new URL(c.req.url).origin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new HttpError('invalid_input', 'Origin: not a web address.');
  }
  return { id: url.hostname, origin: url.origin };
}

/** A person's own trusted devices (decision 0053): scoped by the signed-in user, whatever space they are in. */
export const deviceRoutes = new Hono<AppEnv>()
  .get('/devices', async (c) => {
    const { user } = await requireSession(c);
    return c.json({ devices: (await listDevices(c.var.deps.db, user.id)).map(deviceView) });
  })
  .post('/devices/pin', async (c) => {
    const { user } = await requireSession(c);
    const body = await readBody(c, addPinDeviceRequest);
    const added = unwrap(await addPinDevice(c.var.deps, user, { id: body.id, label: body.label, pinVerifier: bytes(body.pinVerifier, 'pinVerifier') }));
    return c.json({ device: deviceView(added.device), share: toB64(added.share) }, 201);
  })
  .post('/devices/passkey/options', async (c) => {
    const { user } = await requireSession(c);
    return c.json({ options: await passkeyRegistrationOptions(c.var.deps, user, relyingParty(c)) });
  })
  .post('/devices/passkey', async (c) => {
    const { user } = await requireSession(c);
    const body = await readBody(c, addPasskeyDeviceRequest);
    const added = unwrap(await addPasskeyDevice(c.var.deps, user, relyingParty(c), body));
    return c.json({ device: deviceView(added.device), share: toB64(added.share) }, 201);
  })
  .post('/devices/:id/unlock/options', async (c) => {
    const { user } = await requireSession(c);
    const id = readId(c, uuid);
    return c.json({ options: unwrap(await passkeyUnlockOptions(c.var.deps, user, relyingParty(c), id)) });
  })
  .post('/devices/:id/unlock', async (c) => {
    const { user } = await requireSession(c);
    const id = readId(c, uuid);
    const body = await readBody(c, unlockDeviceRequest);
    // The per-device count is what protects a PIN; this stops one account hammering many devices.
    await limitAttempt(c, 'device-unlock', user.id);
    const unlocked =
      'pinProof' in body
        ? unwrap(await unlockWithPin(c.var.deps, user, id, bytes(body.pinProof, 'pinProof')))
        : unwrap(await unlockWithPasskey(c.var.deps, user, relyingParty(c), id, body.assertion));
    return c.json({ device: deviceView(unlocked.device), share: toB64(unlocked.share) });
  })
  .delete('/devices/:id', async (c) => {
    const { user } = await requireSession(c);
    const id = readId(c, uuid);
    // Someone else's device and one already gone answer alike; the app treats both as done.
    if (!(await deleteDevice(c.var.deps.db, user.id, id))) throw new HttpError('not_found', 'No such device.');
    return c.body(null, 204);
  });
