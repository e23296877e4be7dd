import { z } from 'zod/mini';
import { B64_PATTERN } from '../bytes.ts';

// The API's schemas use zod/mini, the tree-shakable form of zod: the web app validates every
// answer with them before Today can show, and zod/mini keeps that download small (decision 0046).

/**
 * Binary fields travel as unpadded base64url. `b64Bytes(n)` pins an exact decoded
 * length; `b64Max(n)` caps it. Lengths are checked on the string so a bad request
 * is refused before anything is decoded.
 */
const encodedLength = (bytes: number): number => Math.ceil((bytes * 4) / 3);

export const b64Bytes = (bytes: number) =>
  z
    .string()
    .check(z.regex(B64_PATTERN, 'must be base64url without padding'), z.length(encodedLength(bytes), `must encode exactly ${bytes} bytes`));

export const b64Max = (maxBytes: number) =>
  z
    .string()
    .check(
      z.minLength(1, 'must not be empty'),
      z.maxLength(encodedLength(maxBytes), `must encode at most ${maxBytes} bytes`),
      z.regex(B64_PATTERN, 'must be base64url without padding'),
    );

export const uuid = z.uuid();
export const email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email('must be an email address'));

/** Sealed bodies: the server never reads them, it only bounds their size. */
export const MAX_SEALED_BYTES = 64 * 1024;
export const sealed = b64Max(MAX_SEALED_BYTES);
/** Small sealed values: wrapped keys, profiles, invite payloads. */
export const sealedSmall = b64Max(2048);

/**
 * The years a date a person means can fall in. Anything outside is a typo or a probe, and
 * PostgreSQL cannot even store some of it (year 0), so the API refuses it at the door.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;
const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1);
const LATEST_MS = Date.UTC(LATEST_YEAR + 1, 0, 1);

/** True for an instant from 1900-01-01 up to the end of 2200 (UTC). */
export function isPlausibleInstant(at: Date): boolean {
  const ms = at.getTime();
  return !Number.isNaN(ms) && ms >= EARLIEST_MS && ms < LATEST_MS;
}

const PLAUSIBLE = `must be between ${String(EARLIEST_YEAR)} and ${String(LATEST_YEAR)}`;

/** An ISO 8601 instant with an offset, in the plausible years: every instant a client sends. */
export const instant = z.iso.datetime({ offset: true }).check(z.refine((s) => isPlausibleInstant(new Date(s)), PLAUSIBLE));

/** A calendar day "YYYY-MM-DD" in the plausible years. */
export const plausibleDay = z.iso.date().check(z.refine((s) => isPlausibleInstant(new Date(`${s}T00:00:00Z`)), PLAUSIBLE));

/** "HH:MM", 24-hour local time. */
export const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00'));

export const hoursRange = z.object({ start: timeOfDay, end: timeOfDay });
export type HoursRange = z.infer<typeof hoursRange>;

/** IANA zone names; the server double-checks with Intl when it can. */
export const timeZone = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_+\-/]+$/, 'must be an IANA time zone like Europe/Berlin'));
