import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { x25519 } from '@noble/curves/ed25519.js';
import rawVectors from './test-vectors.json';
import {
  deviceKeyFromPin,
  deviceKeyFromPrf,
  offlineKeyFromPrf,
  generateKeyBundle,
  newPinSalt,
  openBundleForDevice,
  pinProof,
  pinVerifier,
  prfInput,
  randomBytes,
  sealBundleForDevice,
} from './index.ts';

const hex = z.string().regex(/^[0-9a-f]*$/);
const device = z
  .object({
    device: z.object({
      deviceId: z.string(),
      userId: z.string(),
      share: hex,
      pinSalt: hex,
      prfOutput: hex,
      pin: z.string(),
      secretKey: hex,
      personalKey: hex,
      nonce: hex,
      pinProof: hex,
      pinVerifier: hex,
      prfInput: hex,
      pinKey: hex,
      prfKey: hex,
      sealedByPin: hex,
      sealedByPrf: hex,
    }),
  })
  .parse(rawVectors).device;

const ids = { deviceId: device.deviceId, userId: device.userId };
const share = hexToBytes(device.share);
const pinSalt = hexToBytes(device.pinSalt);
const prf = hexToBytes(device.prfOutput);

describe('device unlock keys (recorded vectors)', () => {
  it('derives the PIN proof, verifier, PRF input and both device keys exactly as recorded', () => {
    const proof = pinProof(device.pin, pinSalt, ids);
    expect(bytesToHex(proof)).toBe(device.pinProof);
    expect(bytesToHex(pinVerifier(proof))).toBe(device.pinVerifier);
    expect(bytesToHex(prfInput(ids))).toBe(device.prfInput);
    expect(bytesToHex(deviceKeyFromPin(share, device.pin, pinSalt, ids))).toBe(device.pinKey);
    expect(bytesToHex(deviceKeyFromPrf(share, prf, ids))).toBe(device.prfKey);
  });

  it('seals the bundle byte for byte as recorded, and opens the recorded blobs', () => {
    const secretKey = hexToBytes(device.secretKey);
    const bundle = { secretKey, publicKey: x25519.getPublicKey(secretKey), personalKey: hexToBytes(device.personalKey) };
    const nonce = hexToBytes(device.nonce);
    expect(bytesToHex(sealBundleForDevice(bundle, hexToBytes(device.pinKey), ids, nonce))).toBe(device.sealedByPin);
    expect(bytesToHex(sealBundleForDevice(bundle, hexToBytes(device.prfKey), ids, nonce))).toBe(device.sealedByPrf);
    for (const [sealed, key] of [
      [device.sealedByPin, device.pinKey],
      [device.sealedByPrf, device.prfKey],
    ] as const) {
      const opened = openBundleForDevice(hexToBytes(sealed), hexToBytes(key), ids);
      expect(opened.ok && bytesToHex(opened.value.personalKey)).toBe(device.personalKey);
      expect(opened.ok && bytesToHex(opened.value.publicKey)).toBe(bytesToHex(bundle.publicKey));
    }
  });
});

describe('device unlock fails closed', () => {
  const bundle = generateKeyBundle();
  const salt = newPinSalt();
  const deviceShare = randomBytes(32);
  const sealed = sealBundleForDevice(bundle, deviceKeyFromPin(deviceShare, '135790', salt, ids), ids);

  it('a wrong PIN gives another proof and a key that opens nothing', () => {
    expect(bytesToHex(pinProof('135791', salt, ids))).not.toBe(bytesToHex(pinProof('135790', salt, ids)));
    expect(openBundleForDevice(sealed, deviceKeyFromPin(deviceShare, '135791', salt, ids), ids)).toMatchObject({ ok: false, code: 'decrypt_failed' });
  });

  it('a wrong or missing server share opens nothing, even with the right PIN', () => {
    expect(openBundleForDevice(sealed, deviceKeyFromPin(randomBytes(32), '135790', salt, ids), ids)).toMatchObject({ ok: false });
    expect(openBundleForDevice(sealed, deviceKeyFromPin(new Uint8Array(32), '135790', salt, ids), ids)).toMatchObject({ ok: false });
  });

  it('another device salt, device or person opens nothing', () => {
    expect(openBundleForDevice(sealed, deviceKeyFromPin(deviceShare, '135790', newPinSalt(), ids), ids)).toMatchObject({ ok: false });
    const other = { ...ids, deviceId: '00000000-0000-4000-8000-000000000000' };
    expect(openBundleForDevice(sealed, deviceKeyFromPin(deviceShare, '135790', salt, other), other)).toMatchObject({ ok: false });
    expect(pinProof('135790', salt, other)).not.toEqual(pinProof('135790', salt, ids));
  });

  it('a tampered or truncated blob is refused, and a PRF key is not a PIN key', () => {
    const key = deviceKeyFromPin(deviceShare, '135790', salt, ids);
    for (const at of [0, 5, 30, sealed.length - 1]) {
      const bad = sealed.slice();
      bad[at] = (bad[at] ?? 0) ^ 1;
      expect(openBundleForDevice(bad, key, ids).ok, `byte ${String(at)}`).toBe(false);
    }
    expect(openBundleForDevice(sealed.subarray(0, 20), key, ids)).toMatchObject({ ok: false, code: 'malformed' });
    expect(openBundleForDevice(sealed, deviceKeyFromPrf(deviceShare, randomBytes(32), ids), ids).ok).toBe(false);
  });
});

describe('the offline copy of the bundle', () => {
  const bundle = generateKeyBundle();
  const prf = randomBytes(32);
  const share = randomBytes(32);

  it('opens with the same PRF output alone, and with nothing else', () => {
    const sealed = sealBundleForDevice(bundle, offlineKeyFromPrf(prf, ids), ids);
    const opened = openBundleForDevice(sealed, offlineKeyFromPrf(prf, ids), ids);
    expect(opened.ok && bytesToHex(opened.value.personalKey)).toBe(bytesToHex(bundle.personalKey));
    expect(openBundleForDevice(sealed, offlineKeyFromPrf(randomBytes(32), ids), ids).ok).toBe(false);
    expect(openBundleForDevice(sealed, deviceKeyFromPrf(share, prf, ids), ids).ok).toBe(false);
    const other = { ...ids, deviceId: '00000000-0000-4000-8000-000000000000' };
    expect(openBundleForDevice(sealed, offlineKeyFromPrf(prf, other), ids).ok).toBe(false);
  });

  it('is a different key from the online one, so the server share still matters online', () => {
    expect(bytesToHex(offlineKeyFromPrf(prf, ids))).not.toBe(bytesToHex(deviceKeyFromPrf(share, prf, ids)));
    expect(bytesToHex(offlineKeyFromPrf(prf, ids))).not.toBe(bytesToHex(deviceKeyFromPrf(new Uint8Array(32), prf, ids)));
  });
});
