import { z } from 'zod/mini';

// The private records of the intimacy rhythm, apart from its bands and arithmetic (rhythm.ts), so that
// opening private records (Help's card on Today) does not download them (decision 0046).

/** Wishes are times per month; 62 is "twice a day", far beyond any meaningful band edge. */
export const MAX_WISH_PER_MONTH = 62;

export const wishPerMonth = z.int().check(z.minimum(0), z.maximum(MAX_WISH_PER_MONTH));

const isoDate = z.iso.date();

/** One private log entry, a `private-record` under the personal key: never shared, never shown to the partner. */
export const rhythmEntryRecord = z.object({
  type: z.literal('rhythm-entry'),
  date: isoDate,
  satisfaction: z.optional(z.int().check(z.minimum(1), z.maximum(5))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});

/** The exact wish, a `private-record` too; `reveal` is this person's choice to show it if the partner also does. */
export const rhythmWishRecord = z.object({
  type: z.literal('rhythm-wish'),
  perMonth: wishPerMonth,
  reveal: z.boolean(),
});

export type RhythmEntryRecord = z.infer<typeof rhythmEntryRecord>;
export type RhythmWishRecord = z.infer<typeof rhythmWishRecord>;
