import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per address, ever: subscribing again updates the row instead of adding
 * one. Unsubscribed rows stay (status 'unsubscribed') so an old confirmation link
 * cannot quietly put someone back on the list.
 */
export const newsletterSubscribers = pgTable(
  'newsletter_subscribers',
  {
    id: uuid('id').primaryKey(),
    /** Lowercased before it is stored. */
    email: text('email').notNull().unique(),
    status: text('status', { enum: ['pending', 'confirmed', 'unsubscribed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    /** When the last confirmation mail went out: re-sending waits a few minutes. */
    confirmationSentAt: ts('confirmation_sent_at'),
    confirmedAt: ts('confirmed_at'),
    unsubscribedAt: ts('unsubscribed_at'),
  },
  (t) => [index('newsletter_subscribers_status_idx').on(t.status, t.createdAt)],
);

/**
 * A send claims a row here before mailing and marks it sent after. The primary key
 * makes the claim atomic: a re-run (or a second process) can never claim it again,
 * so nobody receives the same issue twice, even after a crash mid-send.
 */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    issueSlug: text('issue_slug').notNull(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsletterSubscribers.id, { onDelete: 'cascade' }),
    claimedAt: ts('claimed_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [primaryKey({ columns: [t.issueSlug, t.subscriberId] })],
);
