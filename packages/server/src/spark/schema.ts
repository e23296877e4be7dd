import { boolean, pgTable, primaryKey, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaces, users } from '../db/schema.ts';

/**
 * Each partner's own Spark settings (decision 0032). Plaintext on purpose: the server
 * must know the levels and the pause to withhold what either partner has not agreed to.
 * `level` is the rank in `SPARK_LEVELS` (0 sweet, 1 flirty, 2 spicy), so SQL can take
 * the lower of two with `least()`.
 */
export const sparkConsent = pgTable(
  'spark_consent',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull(),
    level: smallint('level').notNull(),
    paused: boolean('paused').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.spaceId, t.userId] })],
);
