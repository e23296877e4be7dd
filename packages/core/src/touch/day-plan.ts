import { err, ok, type Result } from '../result.ts';
import { TOUCH_PROMPTS, type TouchPrompt } from './catalog.ts';
import { momentOfNudge, pickTouchPromptWith } from './picker.ts';
import { planNudges, type NudgePlanError, type NudgeSettings } from './planner.ts';
import { seededRandom } from './random.ts';
import { cachedOffsetAt } from './zone.ts';

/**
 * One partner's day of nudges as the server stores it: when each goes out and which
 * catalog prompt it carries. The planner decides the instants; the picker gives each
 * one a prompt for its moment of the day, not used in the past week.
 */

export type PlannedNudge = { readonly at: string; readonly promptId: string };

const DAY_MINUTES = 1440;

/** The calendar date ('YYYY-MM-DD') on the wall clock of `timeZone` at `at`. */
export function localDateOf(at: Date, timeZone: string): string {
  const minute = Math.floor(at.getTime() / 60_000);
  return new Date((minute + cachedOffsetAt(minute, timeZone)) * 60_000).toISOString().slice(0, 10);
}

/**
 * The first instant of the local day after the one `at` falls in. Where a zone skips
 * midnight itself (a few have changed clocks at 00:00), that is the first minute the
 * clock shows on the new day.
 */
export function nextLocalMidnight(at: Date, timeZone: string): Date {
  const minute = Math.floor(at.getTime() / 60_000);
  const wall = minute + cachedOffsetAt(minute, timeZone);
  const nextWall = (Math.floor(wall / DAY_MINUTES) + 1) * DAY_MINUTES;
  // Guess with the offset now, correct with the offset at the guess (the usual two-step).
  let guess = nextWall - cachedOffsetAt(minute, timeZone);
  guess = nextWall - cachedOffsetAt(guess, timeZone);
  // After a skipped midnight the guess can land before it; step to the first new-day minute.
  while (guess + cachedOffsetAt(guess, timeZone) < nextWall) guess += 1;
  while (guess - 1 > minute && guess - 1 + cachedOffsetAt(guess - 1, timeZone) >= nextWall) guess -= 1;
  return new Date(guess * 60_000);
}

/**
 * Plans `date` for one partner: the planner's instants, each with a prompt. `recentPromptIds`
 * are the prompts of the past week, oldest first; prompts picked here count as used for
 * the later nudges of the same day.
 */
export function planNudgeDay(
  settings: NudgeSettings,
  date: string,
  seed: string,
  recentPromptIds: readonly string[],
  catalog: readonly TouchPrompt[] = TOUCH_PROMPTS,
): Result<readonly PlannedNudge[], NudgePlanError | 'no-prompts'> {
  const instants = planNudges(settings, date, seed);
  if (!instants.ok) return instants;
  const used = [...recentPromptIds];
  const random = seededRandom('hearth/touch/day-prompts/v1', `${seed}\n${date}`);
  const out: PlannedNudge[] = [];
  for (const at of instants.value) {
    const moment = momentOfNudge(new Date(at), settings.timeZone, settings.activeHours);
    const picked = pickTouchPromptWith(catalog, moment, used, random);
    if (!picked.ok) return err(picked.code, picked.message);
    used.push(picked.value.prompt.id);
    out.push({ at, promptId: picked.value.prompt.id });
  }
  return ok(out);
}
