import { z } from 'zod/mini';
import { spaceView } from './space.ts';

/**
 * What the Today screen reads from its first request, and nothing more (issue 20: "Today
 * sends what Today shows"): the caller's space (null before they have one) with its
 * members, and how many notifications wait unread. Each card loads the items it shows
 * itself, and only those; sending the newest fifty items here as well made the answer
 * 60 KB for a couple with 300 items, every one of them unread by the screen.
 */
export const todayResponse = z.object({
  space: z.nullable(spaceView),
  unreadNotifications: z.int().check(z.nonnegative()),
});

export type TodayResponse = z.infer<typeof todayResponse>;
