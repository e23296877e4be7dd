import { z } from 'zod';
import { sealed, uuid } from './common.ts';
import { ITEM_KINDS } from '../items/kinds.ts';

export const itemKind = z.enum(ITEM_KINDS, { error: 'unknown item kind' });
export const visibility = z.enum(['shared', 'private']);

export const createItemRequest = z.object({
  /** Client-chosen: it is bound into the sealed body, and makes retries idempotent. */
  id: uuid,
  kind: itemKind,
  visibility,
  body: sealed,
});

export const updateItemRequest = z.object({ body: sealed });

export const listItemsQuery = z.object({
  kind: itemKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const itemView = z.object({
  id: uuid,
  spaceId: uuid,
  kind: itemKind,
  visibility,
  authorId: uuid,
  createdAt: z.string(),
  updatedAt: z.string(),
  body: sealed,
});

export const itemResponse = z.object({ item: itemView });
export const itemListResponse = z.object({ items: z.array(itemView) });

export type ItemKind = z.infer<typeof itemKind>;
export type Visibility = z.infer<typeof visibility>;
export type CreateItemRequest = z.infer<typeof createItemRequest>;
export type ItemView = z.infer<typeof itemView>;
