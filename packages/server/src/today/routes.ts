import { Hono } from 'hono';
import { TODAY_RECENT_LIMIT, TODAY_REMINDER_AHEAD_MS, TODAY_REMINDER_PAST_MS, type TodayResponse } from '@hearth/core/api';
import { optionalMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { itemView } from '../items/routes.ts';
import { unreadCount } from '../notifications/store.ts';
import { spaceView } from '../space/views.ts';
import { membersAndUnread, todayItems } from './store.ts';

/** At most this many reminders on Today: more than a screenful is a list, not a nudge. */
const TODAY_REMINDER_LIMIT = 20;

/**
 * GET /api/today: the home screen's data in one round trip. A signed-in person without a
 * space gets `space: null` (Today then offers to create one) rather than an error, so the
 * screen never needs a second request to learn which state it is in. Everything is
 * scoped by the session's user and their own membership, never by a client value.
 * Three statements in all: the session with its membership, then two side by side.
 */
export const todayRoutes = new Hono<AppEnv>().get('/today', async (c) => {
  const found = await optionalMember(c);
  const { db, now } = c.var.deps;
  if (found.space === null) {
    const empty: TodayResponse = { space: null, unreadNotifications: await unreadCount(db, found.user.id), dueReminders: [], recentItems: [] };
    return c.json(empty);
  }
  const at = now().getTime();
  const window = {
    from: new Date(at - TODAY_REMINDER_PAST_MS),
    to: new Date(at + TODAY_REMINDER_AHEAD_MS),
    reminderLimit: TODAY_REMINDER_LIMIT,
    recentLimit: TODAY_RECENT_LIMIT,
    at: new Date(at),
  };
  const [people, listed] = await Promise.all([membersAndUnread(db, found.space.id, found.user.id), todayItems(db, found.space.id, found.user.id, window)]);
  const body: TodayResponse = {
    space: spaceView(found.space, people.members, found.user.id),
    unreadNotifications: people.unread,
    dueReminders: listed.due.map(itemView),
    recentItems: listed.recent.map(itemView),
  };
  return c.json(body);
});
