import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { concatBytes, utf8ToBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Every sealed value starts with this byte. A reader that meets a version it does
 * not know says so instead of guessing (Standard Notes' versioned payloads).
 */
export const FORMAT_VERSION = 1;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;

export type DecryptError = 'malformed' | 'unsupported_version' | 'decrypt_failed';

/**
 * Associated data is a list of labelled fields, length-prefixed so that no two
 * different lists can encode to the same bytes ("a|bc" vs "ab|c"). The format
 * version is always the first field, so a body cannot be replayed as another version.
 */
export function associatedData(purpose: string, fields: readonly string[]): Uint8Array {
  const parts = [`hearth/v${FORMAT_VERSION}`, purpose, ...fields].map((f) => utf8ToBytes(f));
  const framed: Uint8Array[] = [];
  for (const p of parts) {
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, p.length);
    framed.push(len, p);
  }
  return concatBytes(...framed);
}

/** version ‖ nonce ‖ XChaCha20-Poly1305(key, nonce, plaintext, ad) */
export function seal(key: Uint8Array, plaintext: Uint8Array, ad: Uint8Array, nonce = randomBytes(NONCE_BYTES)): Uint8Array {
  const ct = xchacha20poly1305(key, nonce, ad).encrypt(plaintext);
  return concatBytes(Uint8Array.of(FORMAT_VERSION), nonce, ct);
}

export function open(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Result<Uint8Array, DecryptError> {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES) return err('malformed', 'Sealed value is too short.');
  if (sealed[0] !== FORMAT_VERSION) {
    return err('unsupported_version', `Sealed with format version ${String(sealed[0])}, which this app cannot read.`);
  }
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  try {
    return ok(xchacha20poly1305(key, nonce, ad).decrypt(sealed.subarray(1 + NONCE_BYTES)));
  } catch {
    return err('decrypt_failed', 'Could not decrypt: wrong key, or the data was changed or moved.');
  }
}
