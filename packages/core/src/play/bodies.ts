import { z } from 'zod/mini';

/**
 * Sealed bodies of Play (issue 22). The server sees that a round exists and who has
 * finished it (a `play-finished` marker, as with the daily question); which game,
 * which questions, every answer, guess and score live only inside these bodies.
 */

export const PLAY_GAMES = ['know-me', 'this-or-that'] as const;
export type PlayGame = (typeof PLAY_GAMES)[number];

/** How many questions a round of each game has. */
export const ROUND_SIZE: Readonly<Record<PlayGame, number>> = { 'know-me': 5, 'this-or-that': 10 };

const catalogId = z.string().check(z.minLength(1), z.maxLength(40));
/** Question id → the option picked (0-based). */
const picks = z.record(catalogId, z.int().check(z.minimum(0), z.maximum(3)));

/** A round: its game, its number within that game (1, 2, …) and the questions, in order. */
export const playRoundBody = z.object({
  game: z.enum(PLAY_GAMES),
  number: z.int().check(z.minimum(1), z.maximum(100_000)),
  questionIds: z.array(catalogId).check(z.minLength(1), z.maxLength(10)),
});
export type PlayRoundBody = z.infer<typeof playRoundBody>;

/**
 * One person's whole round, written once when they finish: their own answers and, in
 * "How well do you know me?", their guesses of the partner's. The server withholds it
 * from the partner until the partner has written theirs, so it is written only when
 * complete: a half-finished round stays on the device (a `play-draft` record).
 */
export const playAnswersBody = z.object({ answers: picks, guesses: z.optional(picks) });
export type PlayAnswersBody = z.infer<typeof playAnswersBody>;

/** "I have played", never withheld, so the partner's Today can say it is their turn. */
export const playFinishedBody = z.object({});

/** A round in progress, kept privately (in a `private-record`) until it is finished; also the solo "about me" answers. */
export const playDraftRecord = z.object({
  type: z.literal('play-draft'),
  roundId: z.string().check(z.minLength(1), z.maxLength(64)),
  answers: picks,
  guesses: picks,
});
export type PlayDraftRecord = z.infer<typeof playDraftRecord>;
