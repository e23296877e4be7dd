import { z } from 'zod/mini';

/**
 * Spark's consent model (issue #8, DESIGN §2 b2/b3, decision 0032). Spark is on only
 * when both partners have turned it on; each picks a comfort level and the lower of
 * the two always wins; either can pause at any time. Each partner is told only the
 * effective state and level, never the other's own setting.
 */

/** Comfort levels, mildest first: the order is the ranking. */
export const SPARK_LEVELS = ['sweet', 'flirty', 'spicy'] as const;
export type SparkLevel = (typeof SPARK_LEVELS)[number];
export const sparkLevel = z.enum(SPARK_LEVELS, { error: 'must be sweet, flirty or spicy' });

export const SPARK_LEVEL_LABELS: Readonly<Record<SparkLevel, string>> = {
  sweet: 'Sweet',
  flirty: 'Flirty',
  spicy: 'Spicy',
};

export function levelRank(level: SparkLevel): number {
  return SPARK_LEVELS.indexOf(level);
}

/** Whether content at `level` may be shown, suggested or delivered under `limit`. */
export function levelAllowed(level: SparkLevel, limit: SparkLevel): boolean {
  return levelRank(level) <= levelRank(limit);
}

/** The lower of two comfort levels. */
export function lowerLevel(a: SparkLevel, b: SparkLevel): SparkLevel {
  return levelRank(a) <= levelRank(b) ? a : b;
}

/** One partner's own Spark settings. Nobody but that partner is ever shown them. */
export const sparkSettings = z.object({
  enabled: z.boolean(),
  level: sparkLevel,
  paused: z.boolean(),
});
export type SparkSettings = z.infer<typeof sparkSettings>;

/** Settings of someone who has never opened Spark: off, at the mildest level. */
export const SPARK_DEFAULT_SETTINGS: SparkSettings = { enabled: false, level: 'sweet', paused: false };

/**
 * - `off`: I have not turned Spark on.
 * - `waiting`: I have, my partner has not (or there is no partner yet).
 * - `paused`: both turned it on and one of us paused; deliberately not saying who.
 * - `on`: both turned it on, nobody paused.
 */
export const SPARK_STATES = ['off', 'waiting', 'paused', 'on'] as const;
export type SparkState = (typeof SPARK_STATES)[number];

export type SparkEffective =
  | { readonly state: 'off' | 'waiting' | 'paused'; readonly level: null }
  | { readonly state: 'on'; readonly level: SparkLevel };

/**
 * The one rule for what Spark may do in a space, from both partners' settings
 * (`partner` null when there is no partner or they never opened Spark). Pausing counts
 * only once both have opted in: before that, "waiting" says all there is to say.
 */
export function effectiveSpark(mine: SparkSettings | null, partner: SparkSettings | null): SparkEffective {
  if (mine === null || !mine.enabled) return { state: 'off', level: null };
  if (partner === null || !partner.enabled) return { state: 'waiting', level: null };
  if (mine.paused || partner.paused) return { state: 'paused', level: null };
  return { state: 'on', level: lowerLevel(mine.level, partner.level) };
}

/** The lower level when Spark is on, else null: the highest level anything may be delivered at. */
export function effectiveLevel(a: SparkSettings | null, b: SparkSettings | null): SparkLevel | null {
  return effectiveSpark(a, b).level;
}
