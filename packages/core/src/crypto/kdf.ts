import { argon2id } from 'hash-wasm';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { utf8ToBytes } from '../bytes.ts';

export type KdfParams = { readonly memoryKiB: number; readonly iterations: number; readonly parallelism: number };

/** DESIGN §5.1: Argon2id, m = 64 MiB, t = 3, p = 1. */
export const ARGON2_PARAMS: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

export const newSalt = (): Uint8Array => randomBytes(SALT_BYTES);

/** HKDF-SHA-256 with an empty salt: every label names one independent key. */
export function deriveKey(ikm: Uint8Array, label: string, length = KEY_BYTES): Uint8Array {
  return hkdf(sha256, ikm, undefined, utf8ToBytes(label), length);
}

/** The slow step. Run it off the main thread in the browser (it takes ~1 s and 64 MiB). */
export async function deriveRoot(password: string, salt: Uint8Array, params: KdfParams = ARGON2_PARAMS): Promise<Uint8Array> {
  return argon2id({
    password: password.normalize('NFKC'),
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: KEY_BYTES,
    outputType: 'binary',
  });
}

/** authKey goes to the server as the login secret; masterKey never leaves the device. */
export function splitRoot(root: Uint8Array): { authKey: Uint8Array; masterKey: Uint8Array } {
  return { authKey: deriveKey(root, 'hearth/auth'), masterKey: deriveKey(root, 'hearth/master') };
}

/**
 * The salt the server hands out for an email with no account: stable for that email,
 * unguessable without the server's secret, so the endpoint cannot be used to test
 * which emails are registered.
 */
export function fakeSalt(serverSecret: Uint8Array, email: string): Uint8Array {
  return hmac(sha256, serverSecret, utf8ToBytes(`hearth/fake-salt\0${email}`)).subarray(0, SALT_BYTES);
}

export const sha256Bytes = (data: Uint8Array): Uint8Array => sha256(data);
export { randomBytes };
