import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import rawVectors from './test-vectors.json';
import { fitsPhotoLimit, MAX_SEALED_PHOTO_BYTES, newPhotoKey, openPhotoFile, PHOTO_OVERHEAD_BYTES, sealPhotoFile, type PhotoScope } from './index.ts';

const hex = z.string().regex(/^[0-9a-f]*$/);
const vector = z
  .object({
    photoFile: z.object({ key: hex, nonce: hex, file: hex, spaceId: z.string(), itemId: z.string(), photoId: z.string(), variant: z.enum(['full', 'thumb']), sealed: hex }),
  })
  .parse(rawVectors).photoFile;

const scope: PhotoScope = { spaceId: vector.spaceId, itemId: vector.itemId, photoId: vector.photoId, variant: vector.variant };

/** The associated data written out by hand from its definition: 4-byte big-endian length before each UTF-8 field. */
function framedByHand(fields: readonly string[]): Uint8Array {
  const out: number[] = [];
  for (const f of fields) {
    const bytes = new TextEncoder().encode(f);
    out.push((bytes.length >>> 24) & 255, (bytes.length >>> 16) & 255, (bytes.length >>> 8) & 255, bytes.length & 255, ...bytes);
  }
  return Uint8Array.from(out);
}

describe('sealed photo files', () => {
  it('match the recorded vector, which is XChaCha20-Poly1305 over the documented associated data', () => {
    const key = hexToBytes(vector.key);
    const nonce = hexToBytes(vector.nonce);
    const file = hexToBytes(vector.file);
    expect(bytesToHex(sealPhotoFile(file, key, scope, nonce))).toBe(vector.sealed);
    const ad = framedByHand(['hearth/v1', 'photo-file', vector.spaceId, vector.itemId, vector.photoId, vector.variant]);
    const byHand = new Uint8Array([1, ...nonce, ...xchacha20poly1305(key, nonce, ad).encrypt(file)]);
    expect(bytesToHex(byHand)).toBe(vector.sealed);
    const opened = openPhotoFile(hexToBytes(vector.sealed), key, scope);
    expect(opened.ok && bytesToHex(opened.value)).toBe(vector.file);
  });

  it('will not open when moved to another item, space or photo, or passed off as the other size', () => {
    const sealed = hexToBytes(vector.sealed);
    const key = hexToBytes(vector.key);
    const moved: PhotoScope[] = [
      { ...scope, itemId: '11111111-1111-4111-8111-111111111111' },
      { ...scope, spaceId: '22222222-2222-4222-8222-222222222222' },
      { ...scope, photoId: '33333333-3333-4333-8333-333333333333' },
      { ...scope, variant: 'thumb' },
    ];
    for (const other of moved) expect(openPhotoFile(sealed, key, other)).toMatchObject({ ok: false, code: 'decrypt_failed' });
    expect(openPhotoFile(sealed, newPhotoKey(), scope)).toMatchObject({ ok: false, code: 'decrypt_failed' });
    const flipped = sealed.slice();
    flipped[30] = (flipped[30] ?? 0) ^ 1;
    expect(openPhotoFile(flipped, key, scope).ok).toBe(false);
    expect(openPhotoFile(Uint8Array.of(2, ...sealed.subarray(1)), key, scope)).toMatchObject({ ok: false, code: 'unsupported_version' });
  });

  it('adds exactly the overhead it declares, so the device can check the limit before sealing', () => {
    const key = newPhotoKey();
    for (const size of [0, 1, 1000]) expect(sealPhotoFile(new Uint8Array(size), key, scope).length).toBe(size + PHOTO_OVERHEAD_BYTES);
    expect(fitsPhotoLimit(MAX_SEALED_PHOTO_BYTES - PHOTO_OVERHEAD_BYTES)).toBe(true);
    expect(fitsPhotoLimit(MAX_SEALED_PHOTO_BYTES - PHOTO_OVERHEAD_BYTES + 1)).toBe(false);
    expect(newPhotoKey()).not.toEqual(newPhotoKey());
  });
});
