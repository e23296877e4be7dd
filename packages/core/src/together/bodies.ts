import { z } from 'zod/mini';
import { localDateTime } from './schedule.ts';

/**
 * Together (DESIGN §2, practice 2): the sealed bodies of rituals, dates and their
 * marks. Titles, places and notes stay encrypted; only the schedule beside them is
 * plaintext (`schedule.ts`, decision 0016).
 */

export const togetherPlanBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  place: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
  notes: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  /** The ideas-deck idea this date came from, if any (catalog id or an own idea's item id). */
  ideaId: z._default(z.nullable(z.string().check(z.maxLength(64))), null),
});
export type TogetherPlanBody = z.infer<typeof togetherPlanBody>;

export const MARK_OUTCOMES = ['done', 'skipped'] as const;
export type MarkOutcome = (typeof MARK_OUTCOMES)[number];

/** "We did it" or "skipped" for one occurrence, by either partner, under the ritual or date. */
export const togetherMarkBody = z.object({
  /** The occurrence's wall-clock start in the plan's zone (`Occurrence.local`). */
  occurrence: localDateTime,
  outcome: z.enum(MARK_OUTCOMES),
  /** An optional memory of it ("we found the little bakery"). */
  note: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
});
export type TogetherMarkBody = z.infer<typeof togetherMarkBody>;
