import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaces, users } from '../db/schema.ts';

/**
 * Each partner's latest blind-matching upload per deck (DESIGN §5.4, decision 0011):
 * opaque category tags, one "over the yes limit" bit each, and opaque tokens. Nothing
 * here names an idea, a desire or a category; a new upload replaces the old one.
 */
export const matchUploads = pgTable(
  'match_uploads',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deck: text('deck').notNull(),
    /** `MatchGroup[]`, validated with the API schema whenever it is read back. */
    groups: jsonb('groups').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId, t.deck] })],
);
