import { z } from 'zod';
import { localDateTime } from './schedule.ts';

/**
 * Together (DESIGN §2, practice 2): the sealed bodies of rituals, dates and their
 * marks. Titles, places and notes stay encrypted; only the schedule beside them is
 * plaintext (`schedule.ts`, decision 0016).
 */

export const togetherPlanBody = z.object({
  title: z.string().trim().min(1).max(200),
  place: z.string().trim().max(200).default(''),
  notes: z.string().trim().max(2000).default(''),
  /** The ideas-deck idea this date came from, if any (catalog id or an own idea's item id). */
  ideaId: z.string().max(64).nullable().default(null),
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
  note: z.string().trim().max(2000).default(''),
});
export type TogetherMarkBody = z.infer<typeof togetherMarkBody>;
