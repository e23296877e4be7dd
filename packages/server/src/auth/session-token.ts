import { fromB64, toB64 } from '@hearth/core';
import { randomBytes, sha256Bytes } from '@hearth/core/crypto';

const TOKEN_BYTES = 32;

/** The cookie carries the token; the database keeps only its hash, so a leaked table cannot sign anyone in. */
export function newSessionToken(): { token: string; hash: Uint8Array } {
  const raw = randomBytes(TOKEN_BYTES);
  return { token: toB64(raw), hash: sha256Bytes(raw) };
}

export function hashSessionToken(token: string): Uint8Array | undefined {
  const raw = fromB64(token);
  if (!raw.ok || raw.value.length !== TOKEN_BYTES) return undefined;
  return sha256Bytes(raw.value);
}
