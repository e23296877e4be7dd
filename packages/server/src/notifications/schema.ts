import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NOTIFICATION_EVENTS } from '@hearth/core/api';
import { items, users } from '../db/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * In-app notifications (the notification center). A row says only that something
 * happened (to an item, or to a subject such as a nudge), for one recipient: no title, no text, nothing sealed
 * (DESIGN §5.5). The unique (recipient, dedupe_key) index is the idempotency key
 * that makes a notification arrive exactly once, whatever number of workers race for it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id').notNull(),
    // Removing an item removes its notifications, so none links to something gone (the key is below: item ids are per space).
    itemId: uuid('item_id'),
    itemKind: text('item_kind'),
    /** A subject that is not an item (a nudge); no foreign key, so each feature owns its table. */
    refId: uuid('ref_id'),
    event: text('event', { enum: NOTIFICATION_EVENTS }).notNull(),
    /** For reminders: the instant this notification is for, so moving `remindAt` later re-arms the item. */
    remindAt: ts('remind_at'),
    /** The idempotency key: one notification per (recipient, key), however many workers race. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
    /** When its email went out (a weekly reminder, for someone who opted in): the claim that sends it at most once. */
    emailedAt: ts('emailed_at'),
  },
  (t) => [
    foreignKey({ name: 'notifications_item_fk', columns: [t.spaceId, t.itemId], foreignColumns: [items.spaceId, items.id] }).onDelete('cascade'),
    uniqueIndex('notifications_once_uq').on(t.userId, t.dedupeKey),
    index('notifications_item_remind_idx').on(t.itemId, t.remindAt),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
