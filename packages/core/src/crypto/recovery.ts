import { generateMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { err, ok, type Result } from '../result.ts';
import { deriveKey } from './kdf.ts';

// Apart from the key bundle (keys.ts) so that signing in does not download the word list (decision 0046).

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
