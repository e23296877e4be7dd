import { z } from 'zod/mini';
import { instant, sealed, uuid } from './common.ts';
import { itemKind, visibility } from './items.ts';
import { togetherSchedule } from '../together/schedule.ts';
import { sparkLevel } from '../spark/consent.ts';

// What clients send to create or change an item. Apart from the views (items.ts) because checking a
// schedule needs the recurrence library, which reading items does not (decision 0046).

/** When the server should remind about this item (schedule metadata it may see, DESIGN §4). */
const remindAt = z.nullable(instant);

export const createItemRequest = z.object({
  /** Client-chosen: it is bound into the sealed body, and makes retries idempotent. */
  id: uuid,
  kind: itemKind,
  visibility,
  /** The item this one belongs to (a reply's check-in, a side's topic); bound into the body too. */
  parentId: z._default(z.nullable(uuid), null),
  remindAt: z._default(remindAt, null),
  /** Rituals and dates only: when they happen (plaintext, decision 0016); the server derives `remindAt` from it. */
  schedule: z._default(z.nullable(togetherSchedule), null),
  /** Spark kinds only: the content's comfort level, so the server can withhold it above the couple's level (decision 0033). */
  sparkLevel: z._default(z.nullable(sparkLevel), null),
  body: sealed,
  /**
   * When an imported item was first written (decision 0039), so a check-in keeps its
   * day. The server keeps it only when it is in the past; otherwise the item is new now.
   */
  writtenAt: z.optional(instant),
});

export const updateItemRequest = z.object({
  body: sealed,
  /** The version this change was made on: the server refuses it with 409 stale_version once the item has moved on (decision 0061). */
  baseVersion: z.optional(z.number().check(z.int(), z.minimum(1))),
  remindAt: z.optional(remindAt),
  schedule: z.optional(z.nullable(togetherSchedule)),
});

export type CreateItemRequest = z.infer<typeof createItemRequest>;
