import { levelAllowed, type SparkLevel } from './consent.ts';
import { SPARK_PROMPTS, type SparkPrompt, type SparkPromptKind } from './prompts.ts';
import { seededRandom } from '../seeded-random.ts';

export type SuggestOptions = {
  /** The couple's effective level: nothing above it is ever suggested. */
  readonly level: SparkLevel;
  /**
   * Kinds the partner quietly marked "not my thing" (decision 0034). They are left
   * out while anything else is left at this level; the sender is never told why.
   */
  readonly avoidKinds?: readonly SparkPromptKind[];
  /** Prompts sent recently, offered last so suggestions stay fresh. */
  readonly recentIds?: readonly string[];
  /** Any integer; the same seed gives the same order (e.g. the day number). */
  readonly seed: number;
  readonly count: number;
};

function shuffled<T>(list: readonly T[], next: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i];
    const b = out[j];
    if (a === undefined || b === undefined) continue;
    out[i] = b;
    out[j] = a;
  }
  return out;
}

/** Every prompt a couple at `level` may see: at or below it, never above. */
export function promptsAtOrBelow(level: SparkLevel): SparkPrompt[] {
  return SPARK_PROMPTS.filter((p) => levelAllowed(p.level, level));
}

/** Prompts to suggest to a sender: within the level, away from avoided kinds, recent ones last. */
export function suggestSparkPrompts(options: SuggestOptions): SparkPrompt[] {
  const allowed = promptsAtOrBelow(options.level);
  const avoid = new Set(options.avoidKinds ?? []);
  const steered = allowed.filter((p) => !avoid.has(p.kind));
  const pool = steered.length > 0 ? steered : allowed;
  const recent = new Set(options.recentIds ?? []);
  const order = shuffled(pool, seededRandom(options.seed));
  const fresh = order.filter((p) => !recent.has(p.id));
  const stale = order.filter((p) => recent.has(p.id));
  return [...fresh, ...stale].slice(0, Math.max(0, options.count));
}
