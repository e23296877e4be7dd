import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { newsletterDeliveries, newsletterSubscribers } from '../newsletter/schema.ts';
// Refers back to users and items (lazily); import it from here, never directly, so this module always loads first.
import { notifications } from '../notifications/schema.ts';
import { matchUploads } from '../matching/schema.ts';
import { digestSends } from '../week/schema.ts';
import { calendarFeeds } from '../together/schema.ts';
import { nudgeDays, nudgePreferences, nudges } from '../touch/schema.ts';
import { pushDeliveries, pushSubscriptions } from '../push/schema.ts';
import { sparkConsent } from '../spark/schema.ts';
import { photoChunks, photos } from '../photos/schema.ts';
import { deviceChallenges, trustedDevices } from '../devices/schema.ts';
import { bytea } from './columns.ts';

export { notifications, matchUploads, calendarFeeds, pushSubscriptions, pushDeliveries, sparkConsent, nudgePreferences, nudgeDays, nudges, trustedDevices, deviceChallenges };

export { bytea };

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  /** Always stored lowercased (the API schema lowercases before we see it). */
  email: text('email').notNull().unique(),
  salt: bytea('salt').notNull(),
  authHash: text('auth_hash').notNull(),
  recoveryAuthHash: text('recovery_auth_hash').notNull(),
  publicKey: bytea('public_key').notNull(),
  keysByPassword: bytea('keys_by_password').notNull(),
  keysByRecovery: bytea('keys_by_recovery').notNull(),
  profile: bytea('profile').notNull(),
  timeZone: text('time_zone').notNull(),
  activeStart: text('active_start').notNull().default('08:00'),
  activeEnd: text('active_end').notNull().default('22:00'),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  theme: text('theme').notNull().default('system'),
  /** Opted in to the weekly email of counts (no content); off by default. */
  weeklyDigest: boolean('weekly_digest').notNull().default(false),
  /** Opted in to having their weekly reminder (Reconnect's) emailed too, in neutral words; off by default. */
  reminderEmail: boolean('reminder_email').notNull().default(false),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: bytea('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    confirmedAt: ts('confirmed_at'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

export const spaces = pgTable('spaces', {
  id: uuid('id').primaryKey(),
  status: text('status', { enum: ['active', 'ended'] }).notNull().default('active'),
  createdAt: ts('created_at').notNull(),
  endedAt: ts('ended_at'),
});

export const memberships = pgTable(
  'memberships',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    wrappedSpaceKey: bytea('wrapped_space_key').notNull(),
    profile: bytea('profile').notNull(),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.spaceId, t.userId] }),
    // One space per user, enforced by the database so a race cannot create a second.
    uniqueIndex('memberships_user_uq').on(t.userId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    sealedPayload: bytea('sealed_payload').notNull(),
    proofHash: bytea('proof_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('invites_pending_idx')
      .on(t.spaceId, t.createdAt)
      .where(sql`${t.usedAt} is null and ${t.revokedAt} is null`),
  ],
);

/**
 * Item ids are chosen by clients (decision 0001) and unique within their space, not across
 * spaces (decision 0052): the key is (space_id, id), so an id another space uses answers
 * like any fresh id and tells nobody it exists.
 */
export const items = pgTable(
  'items',
  {
    id: uuid('id').notNull(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    // No foreign key: shared items outlive an author who left, so the partner can still export them.
    authorId: uuid('author_id').notNull(),
    kind: text('kind').notNull(),
    visibility: text('visibility', { enum: ['shared', 'private'] }).notNull(),
    // Threads (a reply under a check-in, a side under a topic): removing the parent removes its thread.
    parentId: uuid('parent_id'),
    // Schedule metadata the server may see (DESIGN §4), for reminders.
    remindAt: ts('remind_at'),
    // Rituals and dates: start, zone, recurrence rule and lead time (decision 0016); validated with core's schema when read.
    schedule: jsonb('schedule'),
    // Spark items only: the content's comfort level as a rank (decision 0033), so the server can withhold what is above the couple's level.
    sparkLevel: smallint('spark_level'),
    body: bytea('body').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    // One more with each change of the body: an update names the version it was made on (decision 0061).
    version: integer('version').notNull().default(1),
    // Where this row's last write falls in its space's commit order, set by a trigger (migration 0016).
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'items_pkey', columns: [t.spaceId, t.id] }),
    index('items_space_seq_idx').on(t.spaceId, t.seq),
    foreignKey({ name: 'items_parent_fk', columns: [t.spaceId, t.parentId], foreignColumns: [t.spaceId, t.id] }).onDelete('cascade'),
    index('items_space_created_idx').on(t.spaceId, t.createdAt),
    index('items_space_parent_idx').on(t.spaceId, t.parentId),
    index('items_remind_at_idx').on(t.remindAt).where(sql`${t.remindAt} is not null`),
    index('items_space_kind_created_idx').on(t.spaceId, t.kind, t.createdAt),
    index('items_space_author_idx').on(t.spaceId, t.authorId),
  ],
);

/**
 * Each space's last change position (decision 0061). The trigger that numbers a write
 * holds this row until the write commits, so positions commit in order within a space
 * and a sync that read up to N can never later find a smaller N committed.
 */
export const spaceSync = pgTable('space_sync', {
  spaceId: uuid('space_id')
    .primaryKey()
    .references(() => spaces.id, { onDelete: 'cascade' }),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/** Removed items, for devices that sync from a cursor: only the id and who may hear of it. */
export const itemDeletions = pgTable(
  'item_deletions',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull(),
    authorId: uuid('author_id').notNull(),
    visibility: text('visibility', { enum: ['shared', 'private'] }).notNull(),
    kind: text('kind').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'item_deletions_pkey', columns: [t.spaceId, t.seq] })],
);

export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: bytea('value').notNull(),
});

/** Every table, for tests that check a failed request changed nothing. */
export const ALL_TABLES = { users, sessions, spaces, memberships, invites, items, rateLimits, serverSecrets, newsletterSubscribers, newsletterDeliveries, notifications, matchUploads, digestSends, calendarFeeds, pushSubscriptions, pushDeliveries, sparkConsent, nudgePreferences, nudgeDays, nudges, trustedDevices, deviceChallenges, spaceSync, itemDeletions, photos, photoChunks } as const;
