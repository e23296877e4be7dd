import { createDecipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { derivePushPreviewKey, openPushPreview, sealPushPreview } from './index.ts';

/** Fixed inputs and the bytes they must give, so the browser's service worker and any later port agree. */
const VECTOR = {
  spaceKey: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  previewKey: '3a5ffca0d612a74ec7f8ff107adfc52a0c92116ecd65b7544e969f5bb154883d',
  nonce: 'a0a1a2a3a4a5a6a7a8a9aaab',
  text: 'Thinking of you ☕',
  sealed: '01a0a1a2a3a4a5a6a7a8a9aaab891a04c1a3ce5da89e47085960a95baa68397416cfea42f7937ab2638d93bf445192c4',
};

describe('sealed push previews', () => {
  it('derives the preview key and seals to the recorded vector', () => {
    const key = derivePushPreviewKey(hexToBytes(VECTOR.spaceKey));
    expect(bytesToHex(key)).toBe(VECTOR.previewKey);
    expect(bytesToHex(sealPushPreview(key, VECTOR.text, hexToBytes(VECTOR.nonce)))).toBe(VECTOR.sealed);
  });

  it('matches an independent HKDF + AES-256-GCM (node:crypto), as the service worker uses WebCrypto', async () => {
    const key = new Uint8Array(hkdfSync('sha256', hexToBytes(VECTOR.spaceKey), new Uint8Array(0), 'hearth/push-preview', 32));
    expect(bytesToHex(key)).toBe(VECTOR.previewKey);
    const sealed = hexToBytes(VECTOR.sealed);
    const body = sealed.subarray(13);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
    decipher.setAAD(new TextEncoder().encode('hearth/push-preview/v1'));
    decipher.setAuthTag(body.subarray(body.length - 16));
    const text = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
    expect(text).toBe(VECTOR.text);
    // And exactly the WebCrypto call the service worker makes.
    const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(1, 13), additionalData: new TextEncoder().encode('hearth/push-preview/v1') },
      webKey,
      body,
    );
    expect(new TextDecoder().decode(plain)).toBe(VECTOR.text);
  });

  it('opens its own previews, refuses another space key and tampering, and clips long text', () => {
    const key = derivePushPreviewKey(new Uint8Array(32).fill(7));
    const sealed = sealPushPreview(key, 'x'.repeat(500));
    const opened = openPushPreview(key, sealed);
    expect(opened.ok && opened.value.length).toBe(140);
    expect(openPushPreview(derivePushPreviewKey(new Uint8Array(32).fill(8)), sealed)).toMatchObject({ ok: false, code: 'forged' });
    const bent = sealed.slice();
    bent[20] = (bent[20] ?? 0) ^ 1;
    expect(openPushPreview(key, bent)).toMatchObject({ ok: false, code: 'forged' });
    expect(openPushPreview(key, sealed.subarray(0, 10))).toMatchObject({ ok: false, code: 'malformed' });
  });
});
