import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { items, users } from '../db/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * In-app notifications (the notification center). A row says only that something
 * happened to an item, for one recipient: no title, no text, nothing sealed
 * (DESIGN §5.5). The unique (item, remind_at, recipient) index is the idempotency key
 * that makes a reminder arrive exactly once, whatever number of workers race for it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id').notNull(),
    // Removing an item removes its notifications, so none links to something gone.
    itemId: uuid('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    itemKind: text('item_kind').notNull(),
    event: text('event', { enum: ['reminder'] }).notNull(),
    /** The reminder instant this notification is for: moving `remindAt` later re-arms the item. */
    remindAt: ts('remind_at').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_once_uq').on(t.itemId, t.remindAt, t.userId),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
