import { z } from 'zod/mini';
import { MATCH_ANSWERS } from '../matching/tokens.ts';

// The stored answers only, apart from the catalog and the matching (desires.ts), so that opening
// private records (Help's card on Today) does not download the desire list (decision 0046).

export const desireAnswer = z.enum(MATCH_ANSWERS);

/**
 * A person's own answers, sealed under their personal key as a `private-record` (decision
 * 0013), one record kept up to date so answers can be changed. Answers to ideas above a
 * later, lower level are kept but neither shown nor uploaded while the level is lower.
 */
export const desireAnswersRecord = z.object({
  type: z.literal('desire-answers'),
  answers: z
    .record(z.string().check(z.minLength(1), z.maxLength(100)), desireAnswer)
    .check(z.refine((a) => Object.keys(a).length <= 500, 'too many answers')),
});
export type DesireAnswersRecord = z.infer<typeof desireAnswersRecord>;
