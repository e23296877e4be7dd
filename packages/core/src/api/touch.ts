import { z } from 'zod/mini';
import { DEFAULT_NUDGE_BUDGET, DEFAULT_NUDGE_SPACING_MINUTES, MAX_NUDGE_BUDGET } from '../touch/planner.ts';
import { hoursRange, timeZone, uuid } from './common.ts';

/**
 * Affection nudges (practice 3, habit b1). Everything here is schedule metadata the
 * server may see (DESIGN §4): when, how often, and which public catalog prompt a nudge
 * carries. Nothing a partner writes is involved.
 */

export const MIN_NUDGE_SPACING_MINUTES = 15;
export const MAX_NUDGE_SPACING_MINUTES = 720;

/** Active and quiet hours must have two different ends: equal ends would mean "all day" or "never". */
const distinctRange = hoursRange.check(z.refine((r) => r.start !== r.end, 'start and end must differ'));

export const nudgePreferences = z.strictObject({
  timeZone,
  activeHours: distinctRange,
  quietHours: z.nullable(distinctRange),
  dailyBudget: z.int().check(z.minimum(0), z.maximum(MAX_NUDGE_BUDGET)),
  spacingMinutes: z.int().check(z.minimum(MIN_NUDGE_SPACING_MINUTES), z.maximum(MAX_NUDGE_SPACING_MINUTES)),
});
export type NudgePreferences = z.infer<typeof nudgePreferences>;

export const NUDGE_DEFAULTS = { dailyBudget: DEFAULT_NUDGE_BUDGET, spacingMinutes: DEFAULT_NUDGE_SPACING_MINUTES } as const;

/**
 * planned: waiting for its time (its prompt is not shown yet); delivered: in the
 * notification center; snoozed: back in an hour, once; done / not-now: answered;
 * missed: its time passed while no worker ran, so it was let go rather than sent late.
 */
export const NUDGE_STATES = ['planned', 'delivered', 'snoozed', 'done', 'not-now', 'missed'] as const;
export const nudgeState = z.enum(NUDGE_STATES);
export type NudgeState = z.infer<typeof nudgeState>;

export const nudgeView = z.object({
  id: uuid,
  dueAt: z.iso.datetime({ offset: true }),
  /** An id in the public prompt catalog (`TOUCH_PROMPTS`); the app shows its text. */
  promptId: z.string().check(z.minLength(1), z.maxLength(64)),
  state: nudgeState,
  /** Whether the one snooze has been used. */
  snoozed: z.boolean(),
  /** Whether "did it" sent the partner a "thinking of you". */
  sentThinkingOfYou: z.boolean(),
});
export type NudgeView = z.infer<typeof nudgeView>;

export const touchResponse = z.object({
  /** null until the user turns nudges on; the form then starts from their settings and NUDGE_DEFAULTS. */
  preferences: z.nullable(nudgePreferences),
  /** When I did a nudge, oldest first, over the last 60 days: private to me, for Reconnect's touch weeks. */
  doneAt: z.array(z.iso.datetime({ offset: true })),
  /** Today's nudges whose time has come (planned ones stay a surprise). */
  today: z.array(nudgeView),
  /** How many more are planned for later today. */
  laterToday: z.int().check(z.nonnegative()),
  /** Private to the user: of the nudges that reached them in the last seven days, how many they did. */
  week: z.object({ done: z.int().check(z.nonnegative()), delivered: z.int().check(z.nonnegative()) }),
  /** When the partner last sent a "thinking of you" in the last seven days, newest first. */
  thinkingOfYou: z.array(z.iso.datetime({ offset: true })),
});
export type TouchResponse = z.infer<typeof touchResponse>;

export const nudgeDoneRequest = z.strictObject({ thinkingOfYou: z.boolean() });
export type NudgeDoneRequest = z.infer<typeof nudgeDoneRequest>;

export const nudgeActionResponse = z.object({ nudge: nudgeView });
export type NudgeActionResponse = z.infer<typeof nudgeActionResponse>;
