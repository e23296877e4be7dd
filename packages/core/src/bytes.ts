import { base64urlnopad } from '@scure/base';
import { bytesToUtf8, utf8ToBytes } from '@noble/ciphers/utils.js';
import { err, ok, type Result } from './result.ts';

/** Binary data crosses the API as unpadded base64url. */
export function toB64(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

export function fromB64(text: string): Result<Uint8Array, 'invalid_base64'> {
  try {
    return ok(base64urlnopad.decode(text));
  } catch {
    return err('invalid_base64', 'Not valid unpadded base64url.');
  }
}

export const B64_PATTERN = /^[A-Za-z0-9_-]*$/;

export { bytesToUtf8, utf8ToBytes };

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
