import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema.ts';
import { bytea } from '../db/columns.ts';
import { notifications } from '../notifications/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per device that turned on notifications: what its browser's push service
 * gave it (endpoint + RFC 8291 keys), a label the person chose, and two per-device
 * choices. The endpoint is unique: a browser has one subscription per origin, so
 * signing in as someone else on the same device moves it to them.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    label: text('label').notNull(),
    previews: boolean('previews').notNull().default(false),
    discreet: boolean('discreet').notNull().default(true),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);

/**
 * The push outbox (decision 0025): one row per (notification, device), written in the
 * transaction that created the notification, so a notification and its pushes commit
 * or vanish together. `nextAttemptAt` is both the schedule and the lease: a worker that
 * claims a row moves it into the future, so if that worker dies the row is due again
 * once the lease runs out.
 */
export const pushDeliveries = pgTable(
  'push_deliveries',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** A sealed preview, copied here only for devices that show previews; the server cannot open it. */
    preview: bytea('preview'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    sentAt: ts('sent_at'),
    /** Set when retries ran out; the in-app notification is still there. */
    gaveUpAt: ts('gave_up_at'),
    /** The last failure's HTTP status or error code, for operators; never content. */
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('push_deliveries_once_uq').on(t.notificationId, t.subscriptionId),
    index('push_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.gaveUpAt} is null`),
    index('push_deliveries_subscription_idx').on(t.subscriptionId),
  ],
);
