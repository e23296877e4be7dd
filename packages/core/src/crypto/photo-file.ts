import { randomBytes } from '@noble/ciphers/utils.js';
import type { Result } from '../result.ts';
import { associatedData, open, seal, type DecryptError } from './envelope.ts';
import { KEY_BYTES } from './kdf.ts';

/**
 * Sealed photo files (issue 24). Each photo gets its own random key, which travels only
 * inside the sealed body of the item it belongs to; the file itself is one versioned
 * envelope whose associated data binds the space, the item, the photo and which size it
 * is, so a blob moved to another item, space or photo, or a thumbnail passed off as the
 * full photo, fails to open. One envelope per file (not a chunked stream): files are
 * resized on the device first, so a sealed file is at most MAX_SEALED_PHOTO_BYTES.
 */

export type PhotoVariant = 'full' | 'thumb';
export type PhotoScope = { readonly spaceId: string; readonly itemId: string; readonly photoId: string; readonly variant: PhotoVariant };

/** The server's limit per sealed upload, mirrored here so the device can check before it sends. */
export const MAX_SEALED_PHOTO_BYTES = 8 * 1024 * 1024;
/** What sealing adds to a file: the version byte, the 24-byte nonce and the 16-byte tag. */
export const PHOTO_OVERHEAD_BYTES = 1 + 24 + 16;

export function newPhotoKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

const photoAd = (scope: PhotoScope) => associatedData('photo-file', [scope.spaceId, scope.itemId, scope.photoId, scope.variant]);

export function sealPhotoFile(file: Uint8Array, photoKey: Uint8Array, scope: PhotoScope, nonce?: Uint8Array<ArrayBuffer>): Uint8Array {
  return nonce === undefined ? seal(photoKey, file, photoAd(scope)) : seal(photoKey, file, photoAd(scope), nonce);
}

export function openPhotoFile(sealed: Uint8Array, photoKey: Uint8Array, scope: PhotoScope): Result<Uint8Array, DecryptError> {
  return open(photoKey, sealed, photoAd(scope));
}

/** Whether a file of this many bytes still fits the upload limit once sealed. */
export function fitsPhotoLimit(plainBytes: number): boolean {
  return plainBytes + PHOTO_OVERHEAD_BYTES <= MAX_SEALED_PHOTO_BYTES;
}
