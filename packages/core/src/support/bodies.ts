import { z } from 'zod/mini';

/**
 * Support (DESIGN §2, practice 4): what is on my plate, wins, key dates and
 * appreciation. These are the decrypted bodies; the server only ever sees the kind,
 * the thread, the author, times and, for key dates, the next reminder instant.
 */

/** What a challenge is about. */
export const PLATE_AREAS = ['work', 'health', 'family', 'loss', 'other'] as const;
export type PlateArea = (typeof PLATE_AREAS)[number];

/** The kinds of support a partner can ask for; one or more per challenge. */
export const SUPPORT_WISHES = ['comfort', 'encouragement', 'advice', 'practical'] as const;
export type SupportWish = (typeof SUPPORT_WISHES)[number];

export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 5;

const isoInstant = z.iso.datetime({ offset: true });
/** A calendar date, "YYYY-MM-DD", checked to exist (29 February only in leap years). */
export const calendarDate = z.string().check(
  z.regex(/^\d{4}-\d\d-\d\d$/, 'a date as YYYY-MM-DD'),
  z.refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (y === undefined || m === undefined || d === undefined) return false;
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'a date that exists'),
);

/** "On my plate": a current challenge. `easedAt` is set by the sharer (an update of their own item) once it has eased. */
export const supportPlateBody = z.object({
  area: z.enum(PLATE_AREAS),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  weight: z.int().check(z.minimum(WEIGHT_MIN), z.maximum(WEIGHT_MAX)),
  wishes: z
    .array(z.enum(SUPPORT_WISHES))
    .check(z.minLength(1), z.maxLength(SUPPORT_WISHES.length), z.refine((w) => new Set(w).size === w.length, 'each wish once')),
  easedAt: z.optional(isoInstant),
});

/** The partner's answer to a challenge: a message, an offer of help, or simply "I'm here". */
export const supportResponseBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) }),
  z.object({ type: z.literal('help'), text: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
  z.object({ type: z.literal('here') }),
]);

export const WIN_SIZES = ['small', 'big'] as const;
export const supportWinBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  size: z.enum(WIN_SIZES),
});

/** Reactions a partner can celebrate a win with; stored by id so wording can change. */
export const CELEBRATION_REACTIONS = [
  { id: 'proud', label: 'So proud of you' },
  { id: 'cheer', label: 'Cheering for you' },
  { id: 'wow', label: 'Wow!' },
  { id: 'hug', label: 'Big hug' },
] as const;
export type CelebrationReaction = (typeof CELEBRATION_REACTIONS)[number]['id'];
const reactionIds = CELEBRATION_REACTIONS.map((r) => r.id);
export const supportCelebrationBody = z.object({
  // Any short id is accepted so a celebration written with a since-renamed reaction still opens.
  reaction: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
});
export const reactionLabel = (id: string): string => CELEBRATION_REACTIONS.find((r) => r.id === id)?.label ?? id;
export const isKnownReaction = (id: string): id is CelebrationReaction => reactionIds.some((r) => r === id);

export const KEY_DATE_TYPES = ['birthday', 'anniversary', 'first-date', 'milestone', 'other'] as const;
export const KEY_DATE_CONCERNS = ['me', 'partner', 'us'] as const;
export const RECURRENCES = ['yearly', 'once'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
/** Lead times people can pick, in days before the date (0 = on the day). */
export const LEAD_DAY_CHOICES = [0, 1, 3, 7, 14, 30] as const;
/** Longer lead times would reach back past the previous yearly occurrence. */
export const MAX_LEAD_DAYS = 60;

export const supportKeyDateBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  type: z.enum(KEY_DATE_TYPES),
  date: calendarDate,
  /** Whom it concerns, from the writer's point of view. */
  concerns: z.enum(KEY_DATE_CONCERNS),
  recurrence: z.enum(RECURRENCES),
  leadDays: z
    .array(z.int().check(z.minimum(0), z.maximum(MAX_LEAD_DAYS)))
    .check(z.maxLength(6), z.refine((d) => new Set(d).size === d.length, 'each lead time once')),
});

/** A "Thank you for…" note to the partner. */
export const supportThanksBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });

/** Per-partner, private: the weekday (0 = Monday … 6 = Sunday) for the weekly appreciation prompt, or null for none. */
export const supportPrefsBody = z.object({ promptDay: z.nullable(z.int().check(z.minimum(0), z.maximum(6))) });

export type SupportPlateBody = z.infer<typeof supportPlateBody>;
export type SupportResponseBody = z.infer<typeof supportResponseBody>;
export type SupportWinBody = z.infer<typeof supportWinBody>;
export type SupportCelebrationBody = z.infer<typeof supportCelebrationBody>;
export type SupportKeyDateBody = z.infer<typeof supportKeyDateBody>;
export type SupportThanksBody = z.infer<typeof supportThanksBody>;
export type SupportPrefsBody = z.infer<typeof supportPrefsBody>;
