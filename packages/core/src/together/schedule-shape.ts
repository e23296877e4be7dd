import { z } from 'zod/mini';

/**
 * The shape of a ritual's or date's schedule (schedule.ts has the rules and the
 * recurrence arithmetic). Responses are checked against this shape only: the server
 * checked the recurrence rule and the zone with `togetherSchedule` when it accepted
 * the item, and reading items must not need the recurrence library (decision 0046).
 */

/** "YYYY-MM-DDTHH:mm", a wall-clock time without a zone. */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/;

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 24 * 60;
export const MAX_LEAD_MINUTES = 7 * 24 * 60;

/** A schedule as stored and sent back by the server. */
export const storedSchedule = z.object({
  start: z.string().check(z.regex(LOCAL_DATE_TIME)),
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  rrule: z.nullable(z.string().check(z.maxLength(300))),
  durationMinutes: z.int().check(z.minimum(MIN_DURATION_MINUTES), z.maximum(MAX_DURATION_MINUTES)),
  leadMinutes: z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_LEAD_MINUTES))),
});
