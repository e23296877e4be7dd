import { Hono, type Context } from 'hono';
import type { TodayResponse } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { checkedSession, optionalMember, sessionStanding, sessionTokenHash } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { unreadCount } from '../notifications/store.ts';
import { spaceView } from '../space/views.ts';
import { membersAndUnread } from './store.ts';

/**
 * GET /api/today: the home screen's data in one round trip. A signed-in person without a
 * space gets `space: null` (Today then offers to create one) rather than an error, so the
 * screen never needs a second request to learn which state it is in. Everything is
 * scoped by the session's user and their own membership, never by a client value.
 * Two statements in all: the session with its membership, then the members with the
 * unread count — or none, when the answer is still in the Today cache (decision 0048).
 */
export const todayRoutes = new Hono<AppEnv>().get('/today', async (c) => {
  const { db, now, config, todayCache } = c.var.deps;
  const tokenHash = todayCache === undefined ? undefined : sessionTokenHash(c, config);
  const kept = tokenHash === undefined ? undefined : todayCache?.lookup(tokenHash);
  // The kept answer carries the session check it was made after; its timeouts still run.
  if (kept !== undefined && sessionStanding(kept.context.session, now(), config) === 'current') return json(c, kept.body);
  const ticket = todayCache?.begin();
  const found = await optionalMember(c);
  const bytes = Buffer.from(JSON.stringify(await todayFor(db, found)));
  const context = checkedSession(c);
  if (ticket !== undefined && context !== undefined) todayCache?.store(ticket, { context, body: bytes });
  return json(c, bytes);
});

function json(c: Context, body: Uint8Array<ArrayBuffer>): Response {
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}

async function todayFor(db: Db, found: Awaited<ReturnType<typeof optionalMember>>): Promise<TodayResponse> {
  if (found.space === null) return { space: null, unreadNotifications: await unreadCount(db, found.user.id) };
  const people = await membersAndUnread(db, found.space.id, found.user.id);
  return { space: spaceView(found.space, people.members, found.user.id), unreadNotifications: people.unread };
}
