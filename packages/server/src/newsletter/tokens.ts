import { createHmac, timingSafeEqual } from 'node:crypto';
import { err, ok, type Result } from '@hearth/core';

/** The server_secrets row holding the HMAC key for confirm and unsubscribe links. */
export const NEWSLETTER_SECRET = 'newsletter-tokens';

export type Purpose = 'confirm' | 'unsubscribe';

/** Long enough to find the mail after a weekend, short enough that a leaked link goes stale. */
export const CONFIRM_TTL_MS = 48 * 3600_000;

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

function mac(secret: Uint8Array, purpose: Purpose, email: string, expires: number): Buffer {
  // Purpose is inside the MAC, so an unsubscribe link can never be replayed as a confirmation.
  return createHmac('sha256', secret).update(`hearth-newsletter-v1\n${purpose}\n${email}\n${expires}`).digest();
}

/**
 * `<email, base64url>.<expiry in unix seconds, 0 = never>.<HMAC, base64url>`.
 * Stateless: the server keeps no token table, and rotating the secret voids them all.
 */
export function signToken(secret: Uint8Array, purpose: Purpose, email: string, expiresAt: Date | undefined): string {
  const expires = expiresAt === undefined ? 0 : Math.floor(expiresAt.getTime() / 1000);
  return `${b64(email)}.${expires}.${b64(mac(secret, purpose, email, expires))}`;
}

export type TokenError = 'invalid_token' | 'expired_token';

export function verifyToken(secret: Uint8Array, purpose: Purpose, token: string, now: Date): Result<string, TokenError> {
  const match = /^([A-Za-z0-9_-]{1,400})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (match === null) return err('invalid_token', 'This link is not complete. Copy the whole link from the email, or use the button in it.');
  const [, emailPart = '', expiresPart = '', macPart = ''] = match;
  const email = Buffer.from(emailPart, 'base64url').toString('utf8');
  if (b64(email) !== emailPart) return err('invalid_token', 'This link is not valid. Copy the whole link from the email, or use the button in it.');
  const expires = Number(expiresPart);
  // Compared as text: base64url has several spellings of the same bytes (the last
  // character's spare bits), and only the one we issued counts.
  const expected = Buffer.from(b64(mac(secret, purpose, email, expires)));
  const given = Buffer.from(macPart);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return err('invalid_token', 'This link is not valid. Copy the whole link from the email, or use the button in it.');
  }
  if (expires !== 0 && expires * 1000 < now.getTime()) {
    return err('expired_token', 'This confirmation link has expired (links last 48 hours). Subscribe again to get a new one.');
  }
  return ok(email);
}
