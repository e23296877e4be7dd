import { z } from 'zod';
import { sealed, uuid } from './common.ts';
import { ITEM_KINDS } from '../items/kinds.ts';
import { togetherSchedule } from '../together/schedule.ts';
import { sparkLevel } from '../spark/consent.ts';

export const itemKind = z.enum(ITEM_KINDS, { error: 'unknown item kind' });
export const visibility = z.enum(['shared', 'private']);

/** When the server should remind about this item (schedule metadata it may see, DESIGN §4). */
const remindAt = z.iso.datetime({ offset: true }).nullable();

export const createItemRequest = z.object({
  /** Client-chosen: it is bound into the sealed body, and makes retries idempotent. */
  id: uuid,
  kind: itemKind,
  visibility,
  /** The item this one belongs to (a reply's check-in, a side's topic); bound into the body too. */
  parentId: uuid.nullable().default(null),
  remindAt: remindAt.default(null),
  /** Rituals and dates only: when they happen (plaintext, decision 0016); the server derives `remindAt` from it. */
  schedule: togetherSchedule.nullable().default(null),
  /** Spark kinds only: the content's comfort level, so the server can withhold it above the couple's level (decision 0033). */
  sparkLevel: sparkLevel.nullable().default(null),
  body: sealed,
  /**
   * When an imported item was first written (decision 0039), so a check-in keeps its
   * day. The server keeps it only when it is in the past; otherwise the item is new now.
   */
  writtenAt: z.iso.datetime({ offset: true }).optional(),
});

export const updateItemRequest = z.object({ body: sealed, remindAt: remindAt.optional(), schedule: togetherSchedule.nullable().optional() });

/**
 * Lists are paged newest first. The cursor names the last item of a page
 * ("<createdAt ISO>~<id>"); the next page starts strictly after it, so items created
 * in the same millisecond are neither skipped nor repeated.
 */
const CURSOR = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)~([0-9a-f-]{36})$/;
export const itemCursor = z.string().regex(CURSOR, 'must be a cursor returned by the previous page');

export function encodeItemCursor(item: { createdAt: string; id: string }): string {
  return `${item.createdAt}~${item.id}`;
}

export function decodeItemCursor(cursor: string): { createdAt: Date; id: string } | null {
  const m = CURSOR.exec(cursor);
  if (!m?.[1] || !m[2]) return null;
  const createdAt = new Date(m[1]);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: m[2] };
}

export const listItemsQuery = z.object({
  kind: itemKind.optional(),
  parentId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  before: itemCursor.optional(),
});

export const itemView = z.object({
  id: uuid,
  spaceId: uuid,
  kind: itemKind,
  visibility,
  authorId: uuid,
  parentId: uuid.nullable(),
  remindAt: z.string().nullable(),
  /** Rituals and dates: their plaintext schedule; absent or null for every other kind. */
  schedule: togetherSchedule.nullable().optional(),
  sparkLevel: sparkLevel.nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
  body: sealed,
});

export const itemResponse = z.object({ item: itemView });
export const itemListResponse = z.object({
  items: z.array(itemView),
  /** Pass as `before` for the next page; null on the last page. */
  nextCursor: itemCursor.nullable(),
});

export type ItemKind = z.infer<typeof itemKind>;
export type Visibility = z.infer<typeof visibility>;
export type CreateItemRequest = z.infer<typeof createItemRequest>;
export type ItemView = z.infer<typeof itemView>;
