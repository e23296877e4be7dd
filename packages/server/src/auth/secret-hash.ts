import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { fromB64, toB64 } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';

/**
 * The client's authKey is already the output of Argon2id, but a database leak must
 * still not hand out login secrets: we store a salted scrypt hash of it. Parameters
 * travel inside the encoded string so they can be raised later without a migration.
 */
export type ScryptParams = { readonly logN: number; readonly r: number; readonly p: number };

/** ~50 ms and 16 MiB on a laptop core: adds little to a login that already spent a second on Argon2id. */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 14, r: 8, p: 1 };

const KEY_LEN = 32;

function derive(secret: Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: 256 * 2 ** params.logN * params.r };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LEN, options, (e, key) => (e ? reject(e) : resolve(key)));
  });
}

export async function hashSecret(secret: Uint8Array, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, params);
  return `scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${toB64(salt)}$${toB64(key)}`;
}

const ENCODED = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export async function verifySecret(secret: Uint8Array, encoded: string): Promise<boolean> {
  const m = ENCODED.exec(encoded);
  if (m === null) return false;
  const [, ln, r, p, saltText, keyText] = m;
  const salt = fromB64(saltText ?? '');
  const expected = fromB64(keyText ?? '');
  if (!salt.ok || !expected.ok) return false;
  const actual = await derive(secret, salt.value, { logN: Number(ln), r: Number(r), p: Number(p) });
  return actual.length === expected.value.length && timingSafeEqual(actual, expected.value);
}

/**
 * A hash no key matches, for unknown emails: verifying against it costs the same
 * time as a real check, so response time does not tell who has an account.
 */
export function decoyHash(params: ScryptParams): Promise<string> {
  return hashSecret(randomBytes(KEY_LEN), params);
}
