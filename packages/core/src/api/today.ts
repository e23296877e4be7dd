import { z } from 'zod/mini';
import { itemView } from './items.ts';
import { spaceView } from './space.ts';

/** How many of the newest visible items Today gets in one answer; older ones are a practice page's business. */
export const TODAY_RECENT_LIMIT = 50;
/** A reminder stays on Today this long after it fell due, and shows this far ahead. */
export const TODAY_REMINDER_PAST_MS = 7 * 24 * 60 * 60 * 1000;
export const TODAY_REMINDER_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Everything the Today screen needs, in one round trip: the caller's space (null before
 * they have one), how many notifications wait unread, reminders due around now, and the
 * newest items they can see — all sealed bodies, opened on the device.
 */
export const todayResponse = z.object({
  space: z.nullable(spaceView),
  unreadNotifications: z.int().check(z.nonnegative()),
  /** Oldest first; `remindAt` between TODAY_REMINDER_PAST_MS ago and TODAY_REMINDER_AHEAD_MS ahead. */
  dueReminders: z.array(itemView),
  /** Newest first, at most TODAY_RECENT_LIMIT. */
  recentItems: z.array(itemView),
});

export type TodayResponse = z.infer<typeof todayResponse>;
