import { z } from 'zod/mini';
import { sparkLevel } from './consent.ts';
import { SPARK_PROMPT_KINDS } from './prompts.ts';

/**
 * Spark's sealed bodies (decision 0033). The server sees each item's kind, thread,
 * author, times and a plaintext level tag (to withhold what is above the couple's
 * level); the words, and which prompt they came from, are sealed.
 */
export const sparkPromptKind = z.enum(SPARK_PROMPT_KINDS);

export const sparkMessageBody = z.object({
  v: z.literal(1),
  /** Repeats the plaintext tag inside the seal, so the recipient's app can check the server's tag and hide anything above the level. */
  level: sparkLevel,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
  /** The prompt it started from, if any; its kind is what "not my thing" steers away from. */
  promptId: z.nullable(z.string().check(z.maxLength(100))),
  promptKind: z.nullable(sparkPromptKind),
});
export type SparkMessageBody = z.infer<typeof sparkMessageBody>;

export const sparkReplyBody = z.object({
  v: z.literal(1),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000)),
});
export type SparkReplyBody = z.infer<typeof sparkReplyBody>;

export const SPARK_REACTIONS = ['love', 'smile', 'blush', 'laugh'] as const;
export const SPARK_REACTION_LABELS: Readonly<Record<(typeof SPARK_REACTIONS)[number], { readonly emoji: string; readonly label: string }>> = {
  love: { emoji: '❤️', label: 'Love it' },
  smile: { emoji: '😊', label: 'Made me smile' },
  blush: { emoji: '😳', label: 'Made me blush' },
  laugh: { emoji: '😂', label: 'Made me laugh' },
};
export const sparkReactionBody = z.object({
  v: z.literal(1),
  reaction: z.enum(SPARK_REACTIONS),
});
export type SparkReactionBody = z.infer<typeof sparkReactionBody>;

/**
 * The recipient's "not my thing" steer (decision 0034): only the prompt kinds to steer
 * away from — no message ids, no dates — sealed under the space key so the server
 * learns nothing. The sender's app reads it to leave those kinds out of suggestions
 * and never shows it.
 */
export const sparkSteerBody = z.object({
  v: z.literal(1),
  avoidKinds: z.array(sparkPromptKind).check(z.maxLength(SPARK_PROMPT_KINDS.length)),
});
export type SparkSteerBody = z.infer<typeof sparkSteerBody>;
