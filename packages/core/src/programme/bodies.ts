import { z } from 'zod/mini';

/**
 * Reconnect, the six-week programme (issue 21), keeps its state in the two neutral kinds
 * Help already uses, so the server cannot tell a programme from a pulse:
 * - `help-share` (sealed under the space key): a start, pause or resume, and each
 *   person's progress as their own device detected it;
 * - `private-record` or `help-share`: the week's reflection, private or shared.
 */
export const PROGRAMME_ACTIONS = ['start', 'pause', 'resume'] as const;
export type ProgrammeAction = (typeof PROGRAMME_ACTIONS)[number];

export const programmeEventBody = z.object({
  type: z.literal('programme'),
  action: z.enum(PROGRAMME_ACTIONS),
  at: z.iso.datetime({ offset: true }),
});
export type ProgrammeEventBody = z.infer<typeof programmeEventBody>;

const exerciseId = z.string().check(z.regex(/^w[1-6]g?-[a-z-]{2,30}$/));

/**
 * One person's progress, rewritten by their device when it sees a change: what is done
 * and when. The partner's device needs it because some exercises (a pulse, a desire list)
 * leave only private items behind.
 */
export const programmeProgressBody = z.object({
  type: z.literal('programme-progress'),
  done: z.record(exerciseId, z.iso.datetime({ offset: true })),
});
export type ProgrammeProgressBody = z.infer<typeof programmeProgressBody>;

export const programmeReflectionBody = z.object({
  type: z.literal('programme-reflection'),
  week: z.int().check(z.minimum(1), z.maximum(6)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});
export type ProgrammeReflectionBody = z.infer<typeof programmeReflectionBody>;

/** My weekly reminder: the local time I picked, on the weekday the programme started. */
export const programmeReminderBody = z.object({
  time: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  /** The one mid-week nudge, set only while nothing of the week is done yet. */
  midweek: z.optional(z.boolean()),
});
export type ProgrammeReminderBody = z.infer<typeof programmeReminderBody>;
