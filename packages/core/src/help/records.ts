import { z } from 'zod/mini';
import { pulseAnswers } from './pulse.ts';
import { safetyAnswers } from './safety.ts';
import { desireAnswersRecord } from '../spark/desire-answers.ts';
import { rhythmEntryRecord, rhythmWishRecord } from '../spark/rhythm-records.ts';
import { programmeEventBody, programmeProgressBody, programmeReflectionBody } from '../programme/bodies.ts';
import { playDraftRecord } from '../play/bodies.ts';

/**
 * Bodies of `private-record` items: sealed under the author's personal key, one
 * neutral kind for several kinds of private record, so the server (which sees kinds)
 * cannot tell a pulse from a safety check — or that a safety check was ever taken.
 * The type lives only inside the sealed body.
 */
export const pulseRecord = z.object({
  type: z.literal('pulse'),
  answers: pulseAnswers,
  score: z.int().check(z.minimum(0), z.maximum(21)),
  /** When the pulse was answered (the item's own createdAt says the same; this survives edits). */
  takenAt: z.iso.datetime({ offset: true }),
});

export const safetyRecord = z.object({
  type: z.literal('safety-check'),
  answers: safetyAnswers,
  takenAt: z.iso.datetime({ offset: true }),
});

/** Personal Help settings: share every pulse with the partner, or decide each time. */
export const helpPrefsRecord = z.object({
  type: z.literal('help-prefs'),
  alwaysSharePulse: z.boolean(),
});

export const privateRecordBody = z.discriminatedUnion('type', [
  pulseRecord,
  safetyRecord,
  helpPrefsRecord,
  // Spark (decisions 0036, 0037): desire-list answers, the intimacy log and the exact wished frequency.
  desireAnswersRecord,
  rhythmEntryRecord,
  rhythmWishRecord,
  // Reconnect (issue 21): a reflection kept to oneself.
  programmeReflectionBody,
  // Play (issue 22): a round in progress, or the solo "about me" answers, until it is finished.
  playDraftRecord,
]);

export type PulseRecord = z.infer<typeof pulseRecord>;
export type SafetyRecord = z.infer<typeof safetyRecord>;
export type HelpPrefsRecord = z.infer<typeof helpPrefsRecord>;
export type PrivateRecordBody = z.infer<typeof privateRecordBody>;

/**
 * Bodies of `help-share` items: what a person chose to let their partner see, sealed
 * under the space key. One kind for all of them so the server cannot tell which it is.
 * - pulse: only the score and date of a pulse the author chose to share (never answers);
 * - ask: "I would like us to see a counselor";
 * - summary-consent: whether shared content may go into a counselor summary (the latest counts).
 */
export const sharedPulse = z.object({
  type: z.literal('pulse'),
  score: z.int().check(z.minimum(0), z.maximum(21)),
  takenAt: z.iso.datetime({ offset: true }),
});

export const counselingAsk = z.object({
  type: z.literal('ask'),
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
});

export const summaryConsent = z.object({
  type: z.literal('summary-consent'),
  include: z.boolean(),
});

// Reconnect (issue 21): its starts and pauses, each person's progress and shared reflections ride in the same kind.
export const helpShareBody = z.discriminatedUnion('type', [sharedPulse, counselingAsk, summaryConsent, programmeEventBody, programmeProgressBody, programmeReflectionBody]);

export type SharedPulse = z.infer<typeof sharedPulse>;
export type HelpShareBody = z.infer<typeof helpShareBody>;

/**
 * Items an export file must leave out. A safety check stays off every file the app
 * writes: a download can sit in a shared Downloads folder long after the check.
 */
export function leftOutOfExports(kind: string, body: unknown): boolean {
  if (kind !== 'private-record') return false;
  const parsed = privateRecordBody.safeParse(body);
  return parsed.success && parsed.data.type === 'safety-check';
}
