import { z } from 'zod/mini';

/**
 * Every kind of sealed item the store accepts. Each practice adds its kinds here,
 * with a rule (below), and a schema for the decrypted body in `bodies.ts`, so the server
 * (kind and thread checks) and the web app (body validation after decryption) agree.
 */
export const ITEM_KINDS = [
  'note',
  'checkin',
  'checkin-heard',
  'checkin-reply',
  'talk-topic',
  'talk-side',
  'talk-side-written',
  'talk-reflection',
  'talk-verdict',
  'talk-idea',
  'talk-idea-mark',
  'talk-agreement',
  'talk-pause',
  'talk-resume',
  'daily-question-day',
  'daily-question-answer',
  'daily-question-answered',
  'daily-question-reaction',
  'daily-question-comment',
  'daily-question-prefs',
  'daily-question-reminder',
  'private-record',
  'help-share',
  'support-plate',
  'support-response',
  'support-win',
  'support-celebration',
  'support-date',
  'support-thanks',
  'support-prefs',
  'together-ritual',
  'together-date',
  'together-mark',
  'together-idea',
  'together-first',
  'together-interest',
  'together-private',
  'spark-rhythm',
  'spark-wish-band',
  'spark-wish-reveal',
  'spark-message',
  'spark-reply',
  'spark-reaction',
  'spark-steer',
  'programme-reminder',
  'play-round',
  'play-answers',
  'play-finished',
] as const;
export type ItemKindName = (typeof ITEM_KINDS)[number];

/**
 * What the server enforces for a kind, from plaintext metadata alone.
 * - `parents`: the item must hang under an item of one of these kinds in the same
 *   space (a reply under a check-in, a side under a topic); without it the item must
 *   not have a parent.
 * - `onePerAuthor`: at most one item of this kind per author under one parent.
 * - `revealWhenBoth`: the partner cannot fetch it until they have written one of the
 *   same kind under the same parent ("both sides first"); the server withholds it,
 *   so a curious client cannot peek early.
 */
export type KindRule = {
  readonly visibilities: readonly ('shared' | 'private')[];
  readonly parents?: readonly ItemKindName[];
  readonly onePerAuthor?: boolean;
  readonly revealWhenBoth?: boolean;
  /**
   * A daily reminder: once it has fired, the server moves `remindAt` to the same local
   * time the next day in the author's time zone, so it keeps coming even if the app
   * stays closed (the time of day is schedule metadata the server may see, DESIGN §4).
   */
  readonly remindDaily?: boolean;
  /** Re-armed a week later at the same local time once it fires (Reconnect's weekly reminder, issue 21). */
  readonly remindWeekly?: boolean;
  /**
   * Carries a plaintext schedule (start, zone, recurrence rule, lead time; decision
   * 0016). The server computes `remindAt` from it, never takes one from the client,
   * and after each reminder moves it to the next occurrence's.
   */
  readonly scheduled?: boolean;
  /**
   * A Spark kind (decision 0033): created only while Spark is on for both, with a
   * plaintext level tag at or below the couple's effective level; the partner can
   * fetch it only while that still holds and, if it has a `remindAt`, once that time
   * has come (a scheduled message). `notify` items tell the partner, neutrally, when
   * they arrive.
   */
  readonly spark?: { readonly notify: boolean };
  /**
   * Part of Spark but without a level (the intimacy rhythm, decision 0037): created only
   * while Spark is on for both, and the partner can fetch it only while it still is —
   * pausing Spark puts a stated wish out of sight too.
   */
  readonly sparkGated?: boolean;
};

const SHARED = ['shared'] as const;

export const ITEM_KIND_RULES = {
  note: { visibilities: ['shared', 'private'] },
  checkin: { visibilities: ['shared', 'private'] },
  'checkin-heard': { visibilities: SHARED, parents: ['checkin'], onePerAuthor: true },
  'checkin-reply': { visibilities: SHARED, parents: ['checkin'], onePerAuthor: true },
  'talk-topic': { visibilities: SHARED },
  'talk-side': { visibilities: SHARED, parents: ['talk-topic'], onePerAuthor: true, revealWhenBoth: true },
  // An empty marker "I have written my side", so the partner knows it is their turn while the side itself is withheld.
  'talk-side-written': { visibilities: SHARED, parents: ['talk-topic'], onePerAuthor: true },
  'talk-reflection': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-verdict': { visibilities: SHARED, parents: ['talk-reflection'], onePerAuthor: true },
  'talk-idea': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-idea-mark': { visibilities: SHARED, parents: ['talk-idea'], onePerAuthor: true },
  'talk-agreement': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-pause': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-resume': { visibilities: SHARED, parents: ['talk-topic'] },
  // Daily question (issue #11): one day item per date and round, its id derived from the space key and date.
  'daily-question-day': { visibilities: SHARED },
  'daily-question-answer': { visibilities: SHARED, parents: ['daily-question-day'], onePerAuthor: true, revealWhenBoth: true },
  'daily-question-answered': { visibilities: SHARED, parents: ['daily-question-day'], onePerAuthor: true },
  // Under the partner's answer, so the server refuses them until that answer is revealed.
  'daily-question-reaction': { visibilities: SHARED, parents: ['daily-question-answer'], onePerAuthor: true },
  'daily-question-comment': { visibilities: SHARED, parents: ['daily-question-answer'], onePerAuthor: true },
  'daily-question-prefs': { visibilities: SHARED },
  'daily-question-reminder': { visibilities: ['private'], remindDaily: true },
  // Help: one neutral private kind for any private record (a pulse, a safety check, settings), so the kind never says which.
  'private-record': { visibilities: ['private'] },
  'help-share': { visibilities: SHARED },
  // Support: the sharer marks a challenge eased by updating it (only the author may), so no "eased" kind is needed.
  'support-plate': { visibilities: SHARED },
  'support-response': { visibilities: SHARED, parents: ['support-plate'] },
  'support-win': { visibilities: SHARED },
  'support-celebration': { visibilities: SHARED, parents: ['support-win'], onePerAuthor: true },
  'support-date': { visibilities: ['shared', 'private'] },
  'support-thanks': { visibilities: SHARED },
  'support-prefs': { visibilities: ['private'] },
  // Together: rituals recur, dates happen once; either partner marks an occurrence "we did it" or "skipped".
  'together-ritual': { visibilities: SHARED, scheduled: true },
  'together-date': { visibilities: SHARED, scheduled: true },
  'together-mark': { visibilities: SHARED, parents: ['together-ritual', 'together-date'] },
  // Together's ideas deck, first firsts and interests: shared ones either partner writes; my deck answers and
  // "asked about it" marks in one private kind, so the server cannot tell them apart (decision 0020).
  'together-idea': { visibilities: SHARED },
  'together-first': { visibilities: SHARED },
  'together-interest': { visibilities: SHARED },
  'together-private': { visibilities: ['private'] },
  // Intimacy rhythm (decision 0037): the log and exact wish are private-records; only a coarse band is shared,
  // and the server withholds it (and any revealed number) from the partner until they have written theirs.
  'spark-rhythm': { visibilities: SHARED, sparkGated: true },
  'spark-wish-band': { visibilities: SHARED, parents: ['spark-rhythm'], onePerAuthor: true, revealWhenBoth: true, sparkGated: true },
  'spark-wish-reveal': { visibilities: SHARED, parents: ['spark-rhythm'], onePerAuthor: true, revealWhenBoth: true, sparkGated: true },
  // Spark (issue #8): messages, with replies and reactions under them; one steer per author under nothing.
  'spark-message': { visibilities: SHARED, spark: { notify: true } },
  'spark-reply': { visibilities: SHARED, parents: ['spark-message'], spark: { notify: true } },
  'spark-reaction': { visibilities: SHARED, parents: ['spark-message'], onePerAuthor: true, spark: { notify: false } },
  'spark-steer': { visibilities: SHARED, spark: { notify: false } },
  // Reconnect (issue 21): the server may know that a person has a weekly programme reminder and when, nothing more.
  'programme-reminder': { visibilities: ['private'], remindWeekly: true },
  // Play (issue 22): a round's id comes from the space key, game and number, so two partners starting at once
  // make one round. Answers are written whole when a person finishes and withheld until the other has too.
  'play-round': { visibilities: SHARED },
  'play-answers': { visibilities: SHARED, parents: ['play-round'], onePerAuthor: true, revealWhenBoth: true },
  'play-finished': { visibilities: SHARED, parents: ['play-round'], onePerAuthor: true },
} as const satisfies Record<ItemKindName, KindRule>;

export const kindRule = (kind: ItemKindName): KindRule => ITEM_KIND_RULES[kind];

/** Kinds the server withholds from the partner until both have written. */
export const REVEAL_WHEN_BOTH_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).revealWhenBoth === true);

/** Kinds whose reminder the server re-arms for the next day after it fires. */
export const REMIND_DAILY_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).remindDaily === true);

/** Kinds that carry a plaintext schedule the server reminds from (rituals and dates). */
export const REMIND_WEEKLY_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).remindWeekly === true);

export const SCHEDULED_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).scheduled === true);
/** Kinds gated by Spark consent. */
export const SPARK_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).spark !== undefined);
/** Kinds readable by the partner only while Spark is on for both, at any level. */
export const SPARK_GATED_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).sparkGated === true);

export const noteBody = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(10_000)),
});
export type NoteBody = z.infer<typeof noteBody>;
