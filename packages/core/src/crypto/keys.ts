import { x25519 } from './x25519.ts';
import { randomBytes } from '@noble/ciphers/utils.js';
import { concatBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { associatedData, open, seal, type DecryptError } from './envelope.ts';
import { KEY_BYTES } from './kdf.ts';

/** A user's long-lived secrets. Stored on the server only wrapped. */
export type KeyBundle = {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly personalKey: Uint8Array;
};

export type WrapPurpose = 'password' | 'recovery';

export function generateKeyBundle(): KeyBundle {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey), personalKey: randomBytes(KEY_BYTES) };
}

const bundleAd = (purpose: WrapPurpose) => associatedData('key-bundle', [purpose]);

export function wrapKeyBundle(bundle: KeyBundle, wrappingKey: Uint8Array, purpose: WrapPurpose): Uint8Array {
  return seal(wrappingKey, concatBytes(bundle.secretKey, bundle.personalKey), bundleAd(purpose));
}

export function unwrapKeyBundle(
  wrapped: Uint8Array,
  wrappingKey: Uint8Array,
  purpose: WrapPurpose,
): Result<KeyBundle, DecryptError> {
  const opened = open(wrappingKey, wrapped, bundleAd(purpose));
  if (!opened.ok) return opened;
  if (opened.value.length !== 2 * KEY_BYTES) return err('malformed', 'Key bundle has the wrong length.');
  const secretKey = opened.value.slice(0, KEY_BYTES);
  return ok({ secretKey, publicKey: x25519.getPublicKey(secretKey), personalKey: opened.value.slice(KEY_BYTES) });
}
