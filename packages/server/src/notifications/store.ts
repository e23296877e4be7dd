import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { notifications } from '../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** How many the center shows: older ones are of little use and stay out of the response. */
export const NOTIFICATION_PAGE = 50;

export async function listNotifications(db: Db, userId: string): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Scoped by recipient: someone else's notification is "not found", never "forbidden". */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
  const [own] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (own === undefined) return false;
  // Reading again keeps the first time it was read.
  if (own.readAt === null) await db.update(notifications).set({ readAt: at }).where(eq(notifications.id, id));
  return true;
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
