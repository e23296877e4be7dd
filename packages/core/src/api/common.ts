import { z } from 'zod';
import { B64_PATTERN } from '../bytes.ts';

/**
 * Binary fields travel as unpadded base64url. `b64Bytes(n)` pins an exact decoded
 * length; `b64Max(n)` caps it. Lengths are checked on the string so a bad request
 * is refused before anything is decoded.
 */
const encodedLength = (bytes: number): number => Math.ceil((bytes * 4) / 3);

export const b64Bytes = (bytes: number) =>
  z
    .string()
    .regex(B64_PATTERN, 'must be base64url without padding')
    .length(encodedLength(bytes), `must encode exactly ${bytes} bytes`);

export const b64Max = (maxBytes: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(encodedLength(maxBytes), `must encode at most ${maxBytes} bytes`)
    .regex(B64_PATTERN, 'must be base64url without padding');

export const uuid = z.uuid();
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('must be an email address'));

/** Sealed bodies: the server never reads them, it only bounds their size. */
export const MAX_SEALED_BYTES = 64 * 1024;
export const sealed = b64Max(MAX_SEALED_BYTES);
/** Small sealed values: wrapped keys, profiles, invite payloads. */
export const sealedSmall = b64Max(2048);

/** "HH:MM", 24-hour local time. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00');

export const hoursRange = z.object({ start: timeOfDay, end: timeOfDay });
export type HoursRange = z.infer<typeof hoursRange>;

/** IANA zone names; the server double-checks with Intl when it can. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'must be an IANA time zone like Europe/Berlin');
