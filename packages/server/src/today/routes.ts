import { Hono } from 'hono';
import { TODAY_RECENT_LIMIT, TODAY_REMINDER_AHEAD_MS, TODAY_REMINDER_PAST_MS, type TodayResponse } from '@hearth/core/api';
import { requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { itemView } from '../items/routes.ts';
import { unreadCount } from '../notifications/store.ts';
import { memberOf, membersOf } from '../space/store.ts';
import { spaceView } from '../space/views.ts';
import { newestItems, remindersBetween } from './store.ts';

/** At most this many reminders on Today: more than a screenful is a list, not a nudge. */
const TODAY_REMINDER_LIMIT = 20;

/**
 * GET /api/today: the home screen's data in one round trip. A signed-in person without a
 * space gets `space: null` (Today then offers to create one) rather than an error, so the
 * screen never needs a second request to learn which state it is in. Everything is
 * scoped by the session's user and their own membership, never by a client value.
 */
export const todayRoutes = new Hono<AppEnv>().get('/today', async (c) => {
  const { user } = await requireSession(c);
  const { db, now } = c.var.deps;
  const found = await memberOf(db, user.id);
  if (found === undefined) {
    const empty: TodayResponse = { space: null, unreadNotifications: await unreadCount(db, user.id), dueReminders: [], recentItems: [] };
    return c.json(empty);
  }
  const at = now().getTime();
  const spaceId = found.space.id;
  // Independent reads: on PostgreSQL they go out on separate pooled connections at once.
  const [members, unread, reminders, recent] = await Promise.all([
    membersOf(db, spaceId),
    unreadCount(db, user.id),
    remindersBetween(db, spaceId, user.id, new Date(at - TODAY_REMINDER_PAST_MS), new Date(at + TODAY_REMINDER_AHEAD_MS), TODAY_REMINDER_LIMIT, new Date(at)),
    newestItems(db, spaceId, user.id, TODAY_RECENT_LIMIT, new Date(at)),
  ]);
  const body: TodayResponse = {
    space: spaceView(found.space, members, user.id),
    unreadNotifications: unread,
    dueReminders: reminders.map(itemView),
    recentItems: recent.map(itemView),
  };
  return c.json(body);
});
