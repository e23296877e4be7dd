import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { NUDGE_STATES } from '@hearth/core/api';
import { spaces, users } from '../db/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Each partner's own nudge budget and spacing (time zone, active and quiet hours live on
 * `users`, shared with the rest of the app). A row means nudges are on; budget 0 keeps
 * the row and plans nothing. All of it is schedule metadata the server may see (DESIGN §4).
 */
export const nudgePreferences = pgTable(
  'nudge_preferences',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    dailyBudget: integer('daily_budget').notNull(),
    spacingMinutes: integer('spacing_minutes').notNull(),
    /** When the next local day begins for this user: the worker plans that day from then on. */
    nextPlanAt: ts('next_plan_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('nudge_preferences_next_plan_idx').on(t.nextPlanAt)],
);

/**
 * One row per user and local date that has been planned: the idempotency key that makes
 * a day planned once, however many workers race for it (insert … on conflict do nothing).
 */
export const nudgeDays = pgTable(
  'nudge_days',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    plannedAt: ts('planned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.localDate] })],
);

/**
 * Planned nudges. `promptId` names a prompt in the public catalog, so it may be plain;
 * it never goes into a notification or push payload (those say only "a nudge").
 */
export const nudges = pgTable(
  'nudges',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    dueAt: ts('due_at').notNull(),
    promptId: text('prompt_id').notNull(),
    state: text('state', { enum: NUDGE_STATES }).notNull(),
    snoozedAt: ts('snoozed_at'),
    answeredAt: ts('answered_at'),
    sentThinkingOfYou: ts('sent_thinking_of_you'),
  },
  (t) => [index('nudges_waiting_due_idx').on(t.dueAt).where(sql`${t.state} in ('planned', 'snoozed')`), index('nudges_user_date_idx').on(t.userId, t.localDate)],
);
