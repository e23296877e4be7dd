import { Hono } from 'hono';
import { itemKind, NOTIFICATION_TITLES, notificationEvent, uuid, type NotificationView } from '@hearth/core/api';
import { requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import { readId } from '../http/validate.ts';
import { listNotifications, markAllRead, markRead, unreadCount, type NotificationRow } from './store.ts';

function notificationView(row: NotificationRow): NotificationView {
  const event = notificationEvent.parse(row.event);
  return {
    id: row.id,
    event,
    title: NOTIFICATION_TITLES[event],
    itemId: row.itemId,
    itemKind: row.itemKind === null ? null : itemKind.parse(row.itemKind),
    refId: row.refId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A person's own notifications: scoped by the signed-in user, whatever space they are in. */
export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', async (c) => {
    const { user } = await requireSession(c);
    const { db } = c.var.deps;
    const rows = await listNotifications(db, user.id);
    return c.json({ notifications: rows.map(notificationView), unread: await unreadCount(db, user.id) });
  })
  .post('/notifications/read-all', async (c) => {
    const { user } = await requireSession(c);
    const { db, now } = c.var.deps;
    await markAllRead(db, user.id, now());
    return c.json({ unread: 0 });
  })
  .post('/notifications/:id/read', async (c) => {
    const { user } = await requireSession(c);
    const id = readId(c, uuid);
    const { db, now } = c.var.deps;
    if (!(await markRead(db, user.id, id, now()))) throw new HttpError('not_found', 'No such notification.');
    return c.json({ unread: await unreadCount(db, user.id) });
  });
