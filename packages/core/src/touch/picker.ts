import { err, ok, type Result } from '../result.ts';
import { TOUCH_RETIRED_IDS, type TouchMoment, type TouchPrompt } from './catalog.ts';
import { parseHm, DEFAULT_ACTIVE_HOURS, type HoursRange } from './planner.ts';
import { seededRandom, type Random } from './random.ts';
import { cachedOffsetAt } from './zone.ts';

/**
 * Which prompt a nudge carries. Content that runs dry is a top complaint about couple
 * apps, so a prompt does not come back within a week while others are left.
 */

export const TOUCH_NO_REPEAT_DAYS = 7;

export type TouchPick = {
  readonly prompt: TouchPrompt;
  /** 'fresh': not used in the past week. 'repeat': every fitting prompt was; the least recently used one. */
  readonly how: 'fresh' | 'repeat';
};

/**
 * Picks a prompt for `moment`. `recentIds` are the ids used in the past
 * TOUCH_NO_REPEAT_DAYS days, oldest first (the order only matters once all were used).
 * The choice among candidates follows `seed` (e.g. the nudge's id), so every device
 * shows the same prompt for the same nudge.
 */
export function pickTouchPrompt(
  catalog: readonly TouchPrompt[],
  moment: TouchMoment,
  recentIds: readonly string[],
  seed: string,
): Result<TouchPick, 'no-prompts'> {
  return pickWith(catalog, moment, recentIds, seededRandom('hearth/touch/prompt/v1', `${seed}\n${moment}`));
}

/**
 * The same choice with a generator the caller already has: planning a whole day draws
 * each of its prompts from one generator instead of hashing a seed per nudge.
 */
export function pickTouchPromptWith(
  catalog: readonly TouchPrompt[],
  moment: TouchMoment,
  recentIds: readonly string[],
  random: Random,
): Result<TouchPick, 'no-prompts'> {
  return pickWith(catalog, moment, recentIds, random);
}

/** The prompts offered for a moment, per catalog: computed once, since catalogs never change in a process. */
const fittingCache = new WeakMap<readonly TouchPrompt[], Map<TouchMoment, readonly TouchPrompt[]>>();

function fittingPrompts(catalog: readonly TouchPrompt[], moment: TouchMoment): readonly TouchPrompt[] {
  let byMoment = fittingCache.get(catalog);
  if (byMoment === undefined) {
    byMoment = new Map();
    fittingCache.set(catalog, byMoment);
  }
  let fitting = byMoment.get(moment);
  if (fitting === undefined) {
    fitting = catalog.filter((p) => p.moments.includes(moment) && !TOUCH_RETIRED_IDS.includes(p.id));
    byMoment.set(moment, fitting);
  }
  return fitting;
}

function pickWith(catalog: readonly TouchPrompt[], moment: TouchMoment, recentIds: readonly string[], random: Random): Result<TouchPick, 'no-prompts'> {
  const fitting = fittingPrompts(catalog, moment);
  if (fitting.length === 0) return err('no-prompts', `no prompt fits ${moment}`);
  const recent = new Set(recentIds);
  const fresh = fitting.filter((p) => !recent.has(p.id));
  const chosen = fresh[random.below(fresh.length)];
  if (chosen !== undefined) return ok({ prompt: chosen, how: 'fresh' });
  // All used this week: rather than nothing, the one whose last use is longest ago.
  // It is not drawn at random, so it stays away from the ones just shown.
  const lastUse = new Map<string, number>();
  recentIds.forEach((id, i) => lastUse.set(id, i));
  const oldest = fitting.reduce((a, b) => ((lastUse.get(b.id) ?? -1) < (lastUse.get(a.id) ?? -1) ? b : a));
  return ok({ prompt: oldest, how: 'repeat' });
}

/**
 * The moment a nudge at `at` fits when the partners are together (the caller uses
 * 'apart' when they are not, which only they know): the first two hours of the active
 * hours are their morning, the last three their evening, whatever the clock says, so a
 * night-shift worker's "morning" is when they wake.
 */
export function momentOfNudge(at: Date, timeZone: string, activeHours: HoursRange = DEFAULT_ACTIVE_HOURS): TouchMoment {
  const start = parseHm(activeHours.start) ?? 0;
  const end = parseHm(activeHours.end) ?? 0;
  const utcMinute = Math.floor(at.getTime() / 60_000);
  const local = (((utcMinute + cachedOffsetAt(utcMinute, timeZone)) % 1440) + 1440) % 1440;
  const length = (end - start + 1440) % 1440 || 1440;
  const sinceStart = (local - start + 1440) % 1440;
  if (sinceStart < 120) return 'morning';
  if (sinceStart >= length - 180 && sinceStart < length) return 'evening';
  return 'passing-by';
}
