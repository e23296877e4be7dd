import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { bytesToUtf8, concatBytes, utf8ToBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { deriveKey } from './kdf.ts';

/**
 * Sealed push previews (DESIGN §5.5). The sender's device seals a short preview under a
 * key both partners derive from the space key; the server stores and forwards it without
 * being able to read it; the recipient's service worker opens it on the device.
 *
 * AES-256-GCM instead of the XChaCha20-Poly1305 used for items, on purpose: the service
 * worker must decrypt while the app is closed, so the key lives on the device as a
 * non-extractable WebCrypto key in IndexedDB (DESIGN §5.6 allows keys at rest only in
 * that form), and WebCrypto has no XChaCha. Layout: version ‖ 12-byte nonce ‖ ciphertext+tag.
 */
export const PUSH_PREVIEW_VERSION = 1;
export const PUSH_PREVIEW_NONCE_BYTES = 12;
/** Previews are a line of text, not content: long text stays in the app. */
export const PUSH_PREVIEW_MAX_CHARS = 140;
/** Bound into every preview so a ciphertext made for another purpose never opens as one. */
export const PUSH_PREVIEW_AD = utf8ToBytes('hearth/push-preview/v1');

/** HKDF-SHA-256(spaceKey, info "hearth/push-preview"), 32 bytes: the same on both partners' devices. */
export function derivePushPreviewKey(spaceKey: Uint8Array): Uint8Array {
  return deriveKey(spaceKey, 'hearth/push-preview');
}

export function sealPushPreview(previewKey: Uint8Array, text: string, nonce: Uint8Array = randomBytes(PUSH_PREVIEW_NONCE_BYTES)): Uint8Array {
  const clipped = [...text].slice(0, PUSH_PREVIEW_MAX_CHARS).join('');
  const ct = gcm(previewKey, nonce, PUSH_PREVIEW_AD).encrypt(utf8ToBytes(clipped));
  return concatBytes(Uint8Array.of(PUSH_PREVIEW_VERSION), nonce, ct);
}

export function openPushPreview(previewKey: Uint8Array, sealed: Uint8Array): Result<string, 'malformed' | 'unsupported_version' | 'forged'> {
  if (sealed.length < 1 + PUSH_PREVIEW_NONCE_BYTES + 16) return err('malformed', 'Preview is too short.');
  if (sealed[0] !== PUSH_PREVIEW_VERSION) return err('unsupported_version', 'Preview has an unknown version.');
  try {
    const nonce = sealed.subarray(1, 1 + PUSH_PREVIEW_NONCE_BYTES);
    return ok(bytesToUtf8(gcm(previewKey, nonce, PUSH_PREVIEW_AD).decrypt(sealed.subarray(1 + PUSH_PREVIEW_NONCE_BYTES))));
  } catch {
    return err('forged', 'Preview did not open with this key.');
  }
}
