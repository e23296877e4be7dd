import { z } from 'zod/mini';

/**
 * Daily check-in (DESIGN §2, practice 1): mood, feeling words, an optional need and an
 * optional note; shared with the partner or kept private. The partner can say "heard you"
 * and reply once.
 */
export const MOOD_MIN = 1;
export const MOOD_MAX = 5;

export const checkinBody = z.object({
  mood: z.int().check(z.minimum(MOOD_MIN), z.maximum(MOOD_MAX)),
  // Words come from the catalog in feelings.ts, but any word is accepted so a check-in
  // written before a word was renamed still opens.
  feelings: z
    .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40)))
    .check(
      z.minLength(1),
      z.maxLength(3),
      z.refine((words) => new Set(words).size === words.length, 'each feeling once'),
    ),
  // Optional since issue 19 (a check-in in four taps); check-ins written before always have one.
  need: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

/** "Heard you": no content beyond the fact, which the author sees. */
export const checkinHeardBody = z.object({});

export const checkinReplyBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });

export type CheckinBody = z.infer<typeof checkinBody>;
export type CheckinReplyBody = z.infer<typeof checkinReplyBody>;
