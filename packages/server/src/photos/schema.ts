import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns.ts';
import { items, spaces } from '../db/schema.ts';

/**
 * Sealed photo files (issue 24, decision 0063). One row per photo and size ('full' or
 * 'thumb'), bound to its item: removing the item removes its photos, so leaving a space
 * and deleting an account follow the items' rules (decision 0040) with nothing extra.
 * `complete` turns true in one statement once every chunk is in: readers and exports see
 * only whole files, and a crash mid-upload leaves an incomplete row the sweep removes.
 */
export const photos = pgTable(
  'photos',
  {
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull(),
    id: uuid('id').notNull(),
    variant: text('variant', { enum: ['full', 'thumb'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    /** Sealed bytes; counted against the space's quota from the moment the upload starts. */
    size: integer('size').notNull(),
    complete: boolean('complete').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'photos_pkey', columns: [t.spaceId, t.itemId, t.id, t.variant] }),
    foreignKey({ name: 'photos_item_fk', columns: [t.spaceId, t.itemId], foreignColumns: [items.spaceId, items.id] }).onDelete('cascade'),
    index('photos_incomplete_idx').on(t.createdAt).where(sql`not ${t.complete}`),
  ],
);

/** A photo's sealed bytes in order, a few hundred KiB per row, so no request holds a whole file in memory. */
export const photoChunks = pgTable(
  'photo_chunks',
  {
    spaceId: uuid('space_id').notNull(),
    itemId: uuid('item_id').notNull(),
    photoId: uuid('photo_id').notNull(),
    variant: text('variant', { enum: ['full', 'thumb'] }).notNull(),
    n: integer('n').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    primaryKey({ name: 'photo_chunks_pkey', columns: [t.spaceId, t.itemId, t.photoId, t.variant, t.n] }),
    foreignKey({
      name: 'photo_chunks_photo_fk',
      columns: [t.spaceId, t.itemId, t.photoId, t.variant],
      foreignColumns: [photos.spaceId, photos.itemId, photos.id, photos.variant],
    }).onDelete('cascade'),
  ],
);
