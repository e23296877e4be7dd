import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Refers back to users and spaces lazily: import this table from db/schema.ts, never directly.
import { spaces, users } from '../db/schema.ts';

/**
 * Calendar feed tokens (decision 0017): one per member, so each partner's calendar app
 * has its own address and rotating one leaves the other's working. Only a hash of the
 * token is stored: a leaked table gives nobody a working feed address.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token, hex. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash)],
);
