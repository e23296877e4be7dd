import { z } from 'zod/mini';
import { QUESTION_CATEGORIES, QUESTION_DEPTHS } from './catalog.ts';

/**
 * Sealed bodies of the daily question (issue #11). The question itself lives only
 * inside the day item's body, so the server never learns which question a couple got.
 */
const dayKey = z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/, 'must be a date like 2030-01-15'));

/** The couple's question for one date; `round` goes up by one with each skip that day. */
export const questionDayBody = z.object({
  date: dayKey,
  round: z.int().check(z.minimum(0), z.maximum(50)),
  questionId: z.string().check(z.minLength(1), z.maxLength(40)),
  catalogVersion: z.int().check(z.minimum(1)),
});

export const questionAnswerBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(3000)) });

/** "I have answered", never withheld, so the partner's app can say it is their turn (decision 0010's pattern). */
export const questionAnsweredBody = z.object({});

export const QUESTION_REACTIONS = ['love', 'laugh', 'hug', 'wow', 'thanks'] as const;
export type QuestionReaction = (typeof QUESTION_REACTIONS)[number];
export const REACTION_LABELS: Record<QuestionReaction, string> = {
  love: 'Love this',
  laugh: 'Made me laugh',
  hug: 'Sending a hug',
  wow: 'I didn’t know that',
  thanks: 'Thank you for sharing',
};
export const questionReactionBody = z.object({ reaction: z.enum(QUESTION_REACTIONS) });

export const questionCommentBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });

/** The couple's choice of categories and depths; shared, so both get questions from the same pool. */
export const questionPrefsBody = z.object({
  categories: z
    .array(z.enum(QUESTION_CATEGORIES))
    .check(z.minLength(1), z.refine((xs) => new Set(xs).size === xs.length, 'each category once')),
  depths: z
    .array(z.enum(QUESTION_DEPTHS))
    .check(z.minLength(1), z.refine((xs) => new Set(xs).size === xs.length, 'each depth once')),
});

/** A partner's own reminder time ("HH:MM" local), private; null = no reminder. The instant is in `remindAt`. */
export const questionReminderBody = z.object({
  time: z.nullable(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00'))),
});

export type QuestionDayBody = z.infer<typeof questionDayBody>;
export type QuestionAnswerBody = z.infer<typeof questionAnswerBody>;
export type QuestionPrefsBody = z.infer<typeof questionPrefsBody>;
export type QuestionReminderBody = z.infer<typeof questionReminderBody>;
