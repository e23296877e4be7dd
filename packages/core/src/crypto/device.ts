import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { x25519 } from './x25519.ts';
import { concatBytes, utf8ToBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { associatedData, open, seal, type DecryptError } from './envelope.ts';
import { KEY_BYTES } from './kdf.ts';
import type { KeyBundle } from './keys.ts';

/**
 * Unlocking a trusted device without the password (decision 0053). The key bundle is
 * sealed on the device under a device key that needs two halves:
 *   - the server's share for this device (32 random bytes), which the server hands out
 *     only after a correct PIN proof (with five tries) or a valid passkey assertion, and
 *     forgets when the device is removed, the password changes or the recovery key is used;
 *   - the person's gesture: the PIN itself (stretched with a salt that never leaves the
 *     device), or the passkey's PRF output (which never leaves the device either).
 * Neither the server alone (no sealed bundle, no PRF output or PIN salt) nor a copy of
 * the browser profile alone (no share) can open the bundle.
 */

export const DEVICE_SHARE_BYTES = 32;
export const PIN_SALT_BYTES = 32;
export const PIN_DIGITS = 6;
export const PIN_PATTERN = /^\d{6}$/;

export type DeviceIds = { readonly deviceId: string; readonly userId: string };

const info = (purpose: string, ids: DeviceIds) => associatedData(purpose, [ids.deviceId, ids.userId]);

export function newPinSalt(): Uint8Array {
  return randomBytes(PIN_SALT_BYTES);
}

/**
 * What the device sends to prove the PIN: HMAC keyed by the device's own salt, so the
 * server's verifier cannot be searched for the PIN without that salt.
 */
export function pinProof(pin: string, pinSalt: Uint8Array, ids: DeviceIds): Uint8Array {
  return hmac(sha256, pinSalt, concatBytes(info('device-pin-proof', ids), utf8ToBytes(pin)));
}

/** What the server keeps of the proof: its hash, compared in constant time. */
export function pinVerifier(proof: Uint8Array): Uint8Array {
  return sha256(proof);
}

/** The device key of the PIN path: the server's share, salted with the device's PIN salt, bound to the PIN. */
export function deviceKeyFromPin(share: Uint8Array, pin: string, pinSalt: Uint8Array, ids: DeviceIds): Uint8Array {
  return hkdf(sha256, concatBytes(share, utf8ToBytes(pin)), pinSalt, info('device-key-pin', ids), KEY_BYTES);
}

/** The device key of the passkey path: the authenticator's PRF output and the server's share. */
export function deviceKeyFromPrf(share: Uint8Array, prfOutput: Uint8Array, ids: DeviceIds): Uint8Array {
  return hkdf(sha256, concatBytes(prfOutput, share), undefined, info('device-key-prf', ids), KEY_BYTES);
}

/**
 * The key of the offline copy of the bundle (decision 0062): the PRF output alone, for the
 * passkey path only. Without the network there is no server share; the authenticator's
 * user verification and its own retry limits stand in for the server's five tries. A PIN
 * (20 bits) alone would fall to a search of a copied profile, so the PIN path has none.
 */
export function offlineKeyFromPrf(prfOutput: Uint8Array, ids: DeviceIds): Uint8Array {
  return hkdf(sha256, prfOutput, undefined, info('device-key-prf-offline', ids), KEY_BYTES);
}

/** The PRF input ("salt") a device asks its passkey to evaluate: fixed per device, so the output is too. */
export function prfInput(ids: DeviceIds): Uint8Array {
  return sha256(info('device-prf-input', ids));
}

const bundleAd = (ids: DeviceIds) => info('key-bundle-device', ids);

/** The key bundle sealed for this device (versioned envelope, bound to device and user). */
export function sealBundleForDevice(bundle: KeyBundle, deviceKey: Uint8Array, ids: DeviceIds, nonce?: Uint8Array<ArrayBuffer>): Uint8Array {
  const plaintext = concatBytes(bundle.secretKey, bundle.personalKey);
  return nonce === undefined ? seal(deviceKey, plaintext, bundleAd(ids)) : seal(deviceKey, plaintext, bundleAd(ids), nonce);
}

export function openBundleForDevice(sealed: Uint8Array, deviceKey: Uint8Array, ids: DeviceIds): Result<KeyBundle, DecryptError> {
  const opened = open(deviceKey, sealed, bundleAd(ids));
  if (!opened.ok) return opened;
  if (opened.value.length !== 2 * KEY_BYTES) return err('malformed', 'Key bundle has the wrong length.');
  const secretKey = opened.value.slice(0, KEY_BYTES);
  return ok({ secretKey, publicKey: x25519.getPublicKey(secretKey), personalKey: opened.value.slice(KEY_BYTES) });
}
