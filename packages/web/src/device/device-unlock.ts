import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { z } from 'zod/mini';
import { err, fromB64, ok, toB64, type Result } from '@hearth/core';
import {
  deviceShareResponse,
  passkeyRegistrationOptionsResponse,
  passkeyRequestOptionsResponse,
  trustedDeviceListResponse,
  userView,
  type TrustedDeviceView,
} from '@hearth/core/api';
import {
  deviceKeyFromPin,
  deviceKeyFromPrf,
  offlineKeyFromPrf,
  newPinSalt,
  openBundleForDevice,
  PIN_PATTERN,
  pinProof,
  pinVerifier,
  prfInput,
  sealBundleForDevice,
  type DeviceIds,
  type KeyBundle,
} from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked, type Unlocked } from '../shared/session.ts';
import { becomeUnlocked, endDeviceUnlock } from '../auth/account.ts';
import { savedUser, wipeCopy } from '../sync/device-copy.ts';
import { DEFAULT_IDLE_MINUTES, forgetDevice, readDevice, saveDevice, thisDeviceLabel, unwrapLocally, wrapLocally, wrapWith, type DeviceRecord } from './device-store.ts';

/**
 * Setting up and using this device's unlock (issue 18, decision 0053). Core does the key
 * derivation and sealing; this file moves bytes between the person's gesture, the server's
 * share and IndexedDB.
 */

const meResponse = z.object({ user: userView });

function shareOf(b64: string): Result<Uint8Array> {
  const share = fromB64(b64);
  return share.ok ? ok(share.value) : err('bad_response', 'The server sent a share this app does not understand.');
}

async function storeSealed(record: Omit<DeviceRecord, 'sealed' | 'wrapKey' | 'version' | 'offlineSealed'>, sealedBundle: Uint8Array, offlineBundle?: Uint8Array): Promise<void> {
  const { wrapKey, sealed } = await wrapLocally(sealedBundle);
  const offlineSealed = offlineBundle === undefined ? undefined : await wrapWith(wrapKey, offlineBundle);
  await saveDevice({ version: 1, ...record, sealed, wrapKey, ...(offlineSealed === undefined ? {} : { offlineSealed }) });
}

/** Replaces whatever unlock this device had (the old server record goes too); keeps its idle choice. */
async function dropPrevious(): Promise<number> {
  return (await endDeviceUnlock())?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
}

export async function setUpPin(pin: string): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in first.');
  if (!PIN_PATTERN.test(pin)) return err('invalid_pin', 'A PIN is six digits.');
  const idleMinutes = await dropPrevious();
  const ids: DeviceIds = { deviceId: crypto.randomUUID(), userId: session.user.id };
  const pinSalt = newPinSalt();
  const added = await api.post(endpoints.devicePin, { id: ids.deviceId, label: thisDeviceLabel(), pinVerifier: toB64(pinVerifier(pinProof(pin, pinSalt, ids))) }, deviceShareResponse);
  if (!added.ok) return added;
  const share = shareOf(added.value.share);
  if (!share.ok) return share;
  const sealed = sealBundleForDevice(session.keys, deviceKeyFromPin(share.value, pin, pinSalt, ids), ids);
  share.value.fill(0);
  await storeSealed({ ...ids, email: session.user.email, kind: 'pin', pinSalt, idleMinutes }, sealed);
  return ok(undefined);
}

/** The WebAuthn PRF extension's outputs (Level 3 §10.1.4); neither TypeScript nor @simplewebauthn types them yet. */
const prfOutputs = z.object({
  prf: z.optional(z.object({ enabled: z.optional(z.boolean()), results: z.optional(z.object({ first: z.optional(z.unknown()) })) })),
});

/** The PRF extension's inputs, typed as @simplewebauthn's extension inputs plus `prf`. */
type ExtensionInputs = NonNullable<Parameters<typeof startAuthentication>[0]['optionsJSON']['extensions']> & {
  prf: { eval?: { first: Uint8Array<ArrayBuffer> } };
};
const prfExtension = (first?: Uint8Array): ExtensionInputs => ({ prf: first === undefined ? {} : { eval: { first: new Uint8Array(first) } } });

/** Reads the PRF part of an answer and removes it, so it is never sent to the server. */
function takePrf(results: object): { enabled: boolean; output: Uint8Array | null } {
  const parsed = prfOutputs.safeParse(results);
  Reflect.deleteProperty(results, 'prf');
  const prf = parsed.success ? parsed.data.prf : undefined;
  const first = prf?.results?.first;
  const output =
    first instanceof ArrayBuffer ? new Uint8Array(first) : ArrayBuffer.isView(first) ? new Uint8Array(first.buffer, first.byteOffset, first.byteLength).slice() : null;
  return { enabled: prf?.enabled === true || output !== null, output };
}

/** Asks the passkey for its PRF output and the server for its share, in one assertion. */
async function assertPasskey(ids: DeviceIds): Promise<Result<{ prf: Uint8Array; share: Uint8Array }>> {
  const options = await api.post(endpoints.deviceUnlockOptions(ids.deviceId), {}, passkeyRequestOptionsResponse);
  if (!options.ok) return options;
  let assertion: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    const extensions = prfExtension(prfInput(ids));
    assertion = await startAuthentication({ optionsJSON: { ...options.value.options, extensions } });
  } catch {
    return err('passkey_cancelled', "The passkey didn't answer. Try again, or use your password.");
  }
  const prf = takePrf(assertion.clientExtensionResults).output;
  if (prf === null) return err('no_prf', "This passkey can't protect Hearth's keys on this device. Set a PIN instead.");
  const unlocked = await api.post(endpoints.deviceUnlock(ids.deviceId), { assertion }, deviceShareResponse);
  if (!unlocked.ok) return unlocked;
  const share = shareOf(unlocked.value.share);
  return share.ok ? ok({ prf, share: share.value }) : share;
}

/**
 * A passkey with the PRF extension: its output never leaves the device and, with the
 * server's share, makes the device key. An authenticator without PRF is refused here,
 * before anything is registered: its "verified" prompt would protect nothing.
 */
export async function setUpPasskey(): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in first.');
  if (!('PublicKeyCredential' in window)) return err('no_passkeys', "This browser can't use passkeys. Set a PIN instead.");
  const idleMinutes = await dropPrevious();
  const ids: DeviceIds = { deviceId: crypto.randomUUID(), userId: session.user.id };
  const options = await api.post(endpoints.devicePasskeyOptions, {}, passkeyRegistrationOptionsResponse);
  if (!options.ok) return options;
  let registration: Awaited<ReturnType<typeof startRegistration>>;
  try {
    const extensions = prfExtension();
    registration = await startRegistration({ optionsJSON: { ...options.value.options, extensions } });
  } catch {
    return err('passkey_cancelled', 'No passkey was made. You can try again, or set a PIN instead.');
  }
  const prfSupported = takePrf(registration.clientExtensionResults).enabled;
  if (!prfSupported) return err('no_prf', "This passkey can't protect Hearth's keys on this device (it has no PRF support). Set a PIN instead.");
  const added = await api.post(endpoints.devicePasskey, { id: ids.deviceId, label: thisDeviceLabel(), registration }, deviceShareResponse);
  if (!added.ok) return added;
  const asserted = await assertPasskey(ids);
  if (!asserted.ok) {
    await api.send('DELETE', endpoints.device(ids.deviceId));
    return asserted;
  }
  const sealed = sealBundleForDevice(session.keys, deviceKeyFromPrf(asserted.value.share, asserted.value.prf, ids), ids);
  const offline = sealBundleForDevice(session.keys, offlineKeyFromPrf(asserted.value.prf, ids), ids);
  asserted.value.prf.fill(0);
  asserted.value.share.fill(0);
  await storeSealed({ ...ids, email: session.user.email, kind: 'passkey', credentialId: registration.id, idleMinutes }, sealed, offline);
  return ok(undefined);
}

async function openWith(record: DeviceRecord, deviceKey: Uint8Array): Promise<Result<Unlocked>> {
  const inner = await unwrapLocally(record);
  const ids = { deviceId: record.deviceId, userId: record.userId };
  const bundle: Result<KeyBundle> = inner === null ? err('damaged', '') : openBundleForDevice(inner, deviceKey, ids);
  deviceKey.fill(0);
  if (!bundle.ok) {
    await forgetDevice();
    return err('device_unlock_ended', "This device's unlock no longer opens your keys. Sign in with your password.");
  }
  const me = await api.get(endpoints.me, meResponse);
  if (!me.ok) return me;
  return ok(becomeUnlocked(me.value.user, bundle.value));
}

/** Unlocks with the PIN: the server checks the proof (five tries) and releases its share. */
export async function unlockWithPin(pin: string): Promise<Result<Unlocked>> {
  const record = await readDevice();
  if (record?.kind !== 'pin' || record.pinSalt === undefined) return err('device_unlock_ended', 'Sign in with your password.');
  const ids = { deviceId: record.deviceId, userId: record.userId };
  const res = await api.post(endpoints.deviceUnlock(record.deviceId), { pinProof: toB64(pinProof(pin, record.pinSalt, ids)) }, deviceShareResponse);
  if (!res.ok) {
    if (res.code === 'device_unlock_ended') await forgetDevice();
    return res;
  }
  const share = shareOf(res.value.share);
  if (!share.ok) return share;
  return openWith(record, deviceKeyFromPin(share.value, pin, record.pinSalt, ids));
}

export async function unlockWithPasskey(): Promise<Result<Unlocked>> {
  const record = await readDevice();
  if (record?.kind !== 'passkey') return err('device_unlock_ended', 'Sign in with your password.');
  const ids = { deviceId: record.deviceId, userId: record.userId };
  const asserted = await assertPasskey(ids);
  if (!asserted.ok) {
    if (asserted.code === 'device_unlock_ended') await forgetDevice();
    if (asserted.code === 'network') return unlockOffline(record);
    return asserted;
  }
  const key = deviceKeyFromPrf(asserted.value.share, asserted.value.prf, ids);
  const offlineKey = offlineKeyFromPrf(asserted.value.prf, ids);
  asserted.value.prf.fill(0);
  const unlocked = await openWith(record, key);
  // A device set up before offline opening existed gets its offline copy now.
  if (unlocked.ok && record.offlineSealed === undefined) {
    const offlineSealed = await wrapWith(record.wrapKey, sealBundleForDevice(unlocked.value.keys, offlineKey, ids));
    await saveDevice({ ...record, offlineSealed });
  }
  offlineKey.fill(0);
  return unlocked;
}

/**
 * Without the network (decision 0062): the passkey answers a challenge made here, which
 * proves nothing to anyone but yields the PRF output, and that alone opens the offline
 * copy of the bundle. The person is then shown the device's copy until the server answers.
 */
async function unlockOffline(record: DeviceRecord): Promise<Result<Unlocked>> {
  const ids = { deviceId: record.deviceId, userId: record.userId };
  const user = await savedUser(record.userId);
  if (record.offlineSealed === undefined || record.credentialId === undefined || user === null) {
    return err('network', "Hearth can't be reached, and this device has nothing saved to open offline. Try again when you're connected.");
  }
  let assertion: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    // WebAuthn wants base64url without padding, which is what toB64 writes.
    const challenge = toB64(crypto.getRandomValues(new Uint8Array(32)));
    assertion = await startAuthentication({
      optionsJSON: { challenge, allowCredentials: [{ id: record.credentialId, type: 'public-key' }], userVerification: 'required', extensions: prfExtension(prfInput(ids)) },
    });
  } catch {
    return err('passkey_cancelled', "The passkey didn't answer. Try again, or use your password when you're back online.");
  }
  const prf = takePrf(assertion.clientExtensionResults).output;
  if (prf === null) return err('no_prf', "This passkey can't open Hearth offline.");
  const key = offlineKeyFromPrf(prf, ids);
  prf.fill(0);
  const inner = await unwrapLocally({ wrapKey: record.wrapKey, sealed: record.offlineSealed });
  const bundle: Result<KeyBundle> = inner === null ? err('damaged', '') : openBundleForDevice(inner, key, ids);
  key.fill(0);
  if (!bundle.ok) return err('device_unlock_ended', "This device's offline copy no longer opens your keys. Sign in with your password when you're online.");
  return ok(becomeUnlocked(user, bundle.value));
}

/** Stops unlocking this device without the password: on the server and here. */
export async function stopDeviceUnlock(): Promise<void> {
  await endDeviceUnlock();
}

export async function setIdleMinutes(minutes: number): Promise<void> {
  const record = await readDevice();
  if (record) await saveDevice({ ...record, idleMinutes: minutes });
}

export async function listTrustedDevices(): Promise<Result<readonly TrustedDeviceView[]>> {
  const res = await api.get(endpoints.devices, trustedDeviceListResponse);
  return res.ok ? ok(res.value.devices) : res;
}

export async function removeTrustedDevice(id: string): Promise<Result<void>> {
  const res = await api.send('DELETE', endpoints.device(id));
  // Already gone (removed on another device) is what was asked for.
  if (!res.ok && res.code !== 'not_found') return res;
  const record = await readDevice();
  if (record?.deviceId === id) {
    // No longer a trusted device: its copy of the space goes too; it syncs afresh while signed in.
    await forgetDevice();
    await wipeCopy();
  }
  return ok(undefined);
}
