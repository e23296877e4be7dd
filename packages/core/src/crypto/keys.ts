import { x25519 } from '@noble/curves/ed25519.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { generateMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { concatBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { associatedData, open, seal, type DecryptError } from './envelope.ts';
import { deriveKey, KEY_BYTES } from './kdf.ts';

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

/**
 * The recovery key: 128 random bits shown once as 12 words (the BIP-39 English
 * list, chosen because it is designed to be written down and has a checksum).
 */
export type RecoveryKey = { readonly words: readonly string[]; readonly wrapKey: Uint8Array; readonly authKey: Uint8Array };

function recoveryFromEntropy(entropy: Uint8Array, words: readonly string[]): RecoveryKey {
  return {
    words,
    wrapKey: deriveKey(entropy, 'hearth/recovery/wrap'),
    authKey: deriveKey(entropy, 'hearth/recovery/auth'),
  };
}

export function createRecoveryKey(): RecoveryKey {
  const phrase = generateMnemonic(wordlist, 128);
  return recoveryFromEntropy(mnemonicToEntropy(phrase, wordlist), phrase.split(' '));
}

/** Accepts the words as typed: any case, any spacing, commas or line breaks. */
export function recoveryKeyFromWords(input: string): Result<RecoveryKey, 'invalid_recovery_words'> {
  const words = input
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  const phrase = words.join(' ');
  if (words.length !== 12 || !validateMnemonic(phrase, wordlist)) {
    return err('invalid_recovery_words', 'Those are not the 12 recovery words (check spelling and order).');
  }
  return ok(recoveryFromEntropy(mnemonicToEntropy(phrase, wordlist), words));
}
