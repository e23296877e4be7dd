import { z } from 'zod/mini';
import { isPlausibleInstant, sealed, uuid } from './common.ts';
import { ITEM_KINDS } from '../items/kinds.ts';
import { storedSchedule } from '../together/schedule-shape.ts';
import { sparkLevel } from '../spark/consent.ts';

export const itemKind = z.enum(ITEM_KINDS, { error: 'unknown item kind' });
export const visibility = z.enum(['shared', 'private']);

/**
 * Lists are paged newest first. The cursor names the last item of a page
 * ("<createdAt ISO>~<id>"); the next page starts strictly after it, so items created
 * in the same millisecond are neither skipped nor repeated.
 */
const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const NOT_A_CURSOR = 'must be a cursor returned by the previous page';
export const itemCursor = z.string().check(
  z.regex(CURSOR, NOT_A_CURSOR),
  z.refine((s) => decodeItemCursor(s) !== null, NOT_A_CURSOR),
);

export function encodeItemCursor(item: { createdAt: string; id: string }): string {
  return `${item.createdAt}~${item.id}`;
}

export function decodeItemCursor(cursor: string): { createdAt: Date; id: string } | null {
  const m = CURSOR.exec(cursor);
  if (!m?.[1] || !m[2]) return null;
  const createdAt = new Date(m[1]);
  // A day that does not exist (02-30) or a year no item can have would reach the database as a query error.
  if (!isPlausibleInstant(createdAt) || createdAt.toISOString() !== m[1]) return null;
  return { createdAt, id: m[2] };
}

export const listItemsQuery = z.object({
  kind: z.optional(itemKind),
  parentId: z.optional(uuid),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 200),
  before: z.optional(itemCursor),
});

export const itemView = z.object({
  id: uuid,
  spaceId: uuid,
  kind: itemKind,
  visibility,
  authorId: uuid,
  parentId: z.nullable(uuid),
  remindAt: z.nullable(z.string()),
  /** Rituals and dates: their plaintext schedule; absent or null for every other kind. Checked on the way in, so only its shape here. */
  schedule: z.optional(z.nullable(storedSchedule)),
  sparkLevel: z._default(z.nullable(sparkLevel), null),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Goes up by one with each change of the body; an update names the version it was made on (decision 0061). */
  version: z._default(z.number().check(z.int(), z.minimum(1)), 1),
  body: sealed,
});

export const itemResponse = z.object({ item: itemView });
export const itemListResponse = z.object({
  items: z.array(itemView),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: z.nullable(itemCursor),
});

/**
 * Incremental sync (decision 0061): `since` is the cursor the previous page returned
 * (absent for the first), a per-space position in the order changes were committed.
 */
export const SYNC_CURSOR = /^s(0|[1-9][0-9]{0,14})$/;
export const syncCursor = z.string().check(z.regex(SYNC_CURSOR, 'must be a cursor returned by the previous sync'));
export const itemChangesQuery = z.object({
  since: z.optional(syncCursor),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 200),
});
export const itemChangesResponse = z.object({
  /** Items written or changed since the cursor, in the order they were committed. Spark's kinds are never in it. */
  items: z.array(itemView),
  /** Ids of items removed since the cursor. */
  deleted: z.array(uuid),
  /** Where the next sync starts. */
  cursor: syncCursor,
  /** More changes are waiting: ask again from `cursor` at once. */
  more: z.boolean(),
});

export function encodeSyncCursor(seq: number): string {
  return `s${String(seq)}`;
}
/** Fifteen digits at most, so a position is always a safe integer. */
export function decodeSyncCursor(cursor: string): number | null {
  const m = SYNC_CURSOR.exec(cursor);
  return m?.[1] === undefined ? null : Number(m[1]);
}

export type ItemChangesResponse = z.infer<typeof itemChangesResponse>;
export type ItemKind = z.infer<typeof itemKind>;
export type Visibility = z.infer<typeof visibility>;
export type ItemView = z.infer<typeof itemView>;
