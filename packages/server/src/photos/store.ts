import { and, asc, countDistinct, eq, gt, inArray, lt, or, sql, sum } from 'drizzle-orm';
import { concatBytes } from '@hearth/core';
import type { PhotoVariantName } from '@hearth/core/api';
import type { Db } from '../db/open.ts';
import { spaces } from '../db/schema.ts';
import { photoChunks, photos } from './schema.ts';

export type PhotoRow = typeof photos.$inferSelect;
export type PhotoKey = { readonly spaceId: string; readonly itemId: string; readonly photoId: string; readonly variant: PhotoVariantName };

/** How long an upload may take before the sweep treats it as abandoned (and it stops counting against the quota). */
export const UPLOAD_STALE_MS = 10 * 60_000;

const keyOf = (k: PhotoKey) =>
  and(eq(photos.spaceId, k.spaceId), eq(photos.itemId, k.itemId), eq(photos.id, k.photoId), eq(photos.variant, k.variant));

/** Photos still count while whole, or while an upload that started recently may yet finish. */
const counted = (now: Date) => or(eq(photos.complete, true), gt(photos.createdAt, new Date(now.getTime() - UPLOAD_STALE_MS)));

export type BeginOutcome =
  | { readonly outcome: 'started' }
  | { readonly outcome: 'exists'; readonly photo: PhotoRow }
  | { readonly outcome: 'too_many' }
  | { readonly outcome: 'over_quota' };

/**
 * Reserves room for an upload, serialised per space by locking the space's row, so two
 * uploads at once cannot both squeeze under the quota. A whole photo already there is
 * answered as is (a retried upload); an unfinished one is replaced.
 */
export async function beginUpload(db: Db, key: PhotoKey, authorId: string, size: number, quotaBytes: number, maxPhotos: number, now: Date): Promise<BeginOutcome> {
  return db.transaction(async (tx) => {
    await tx.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, key.spaceId)).for('update');
    const [existing] = await tx.select().from(photos).where(keyOf(key));
    if (existing?.complete === true) return { outcome: 'exists', photo: existing };
    if (existing !== undefined) await tx.delete(photos).where(keyOf(key));
    const [others] = await tx
      .select({ n: countDistinct(photos.id) })
      .from(photos)
      .where(and(eq(photos.spaceId, key.spaceId), eq(photos.itemId, key.itemId), sql`${photos.id} <> ${key.photoId}`, counted(now)));
    if ((others?.n ?? 0) >= maxPhotos) return { outcome: 'too_many' };
    const [used] = await tx
      .select({ bytes: sum(photos.size).mapWith(Number) })
      .from(photos)
      .where(and(eq(photos.spaceId, key.spaceId), counted(now)));
    if ((used?.bytes ?? 0) + size > quotaBytes) return { outcome: 'over_quota' };
    await tx.insert(photos).values({ spaceId: key.spaceId, itemId: key.itemId, id: key.photoId, variant: key.variant, authorId, size, complete: false, createdAt: now });
    return { outcome: 'started' };
  });
}

export async function appendChunk(db: Db, key: PhotoKey, n: number, data: Uint8Array): Promise<void> {
  await db.insert(photoChunks).values({ spaceId: key.spaceId, itemId: key.itemId, photoId: key.photoId, variant: key.variant, n, data });
}

/** The one statement that makes an upload visible: all its chunks are in by now. */
export async function completeUpload(db: Db, key: PhotoKey): Promise<PhotoRow | undefined> {
  const [row] = await db
    .update(photos)
    .set({ complete: true })
    .where(and(keyOf(key), eq(photos.complete, false)))
    .returning();
  return row;
}

export async function abortUpload(db: Db, key: PhotoKey): Promise<void> {
  await db.delete(photos).where(and(keyOf(key), eq(photos.complete, false)));
}

export async function completePhoto(db: Db, key: PhotoKey): Promise<PhotoRow | undefined> {
  const [row] = await db
    .select()
    .from(photos)
    .where(and(keyOf(key), eq(photos.complete, true)));
  return row;
}

export async function chunkAt(db: Db, key: PhotoKey, n: number): Promise<Uint8Array | undefined> {
  const [row] = await db
    .select({ data: photoChunks.data })
    .from(photoChunks)
    .where(
      and(eq(photoChunks.spaceId, key.spaceId), eq(photoChunks.itemId, key.itemId), eq(photoChunks.photoId, key.photoId), eq(photoChunks.variant, key.variant), eq(photoChunks.n, n)),
    );
  return row?.data;
}

/** Every whole thumbnail of these items, with its bytes (thumbnails are small, so a screen's worth fits one answer). */
export async function thumbsOf(db: Db, spaceId: string, itemIds: readonly string[]): Promise<{ itemId: string; photoId: string; body: Uint8Array }[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({ itemId: photoChunks.itemId, photoId: photoChunks.photoId, data: photoChunks.data })
    .from(photoChunks)
    .innerJoin(
      photos,
      and(eq(photos.spaceId, photoChunks.spaceId), eq(photos.itemId, photoChunks.itemId), eq(photos.id, photoChunks.photoId), eq(photos.variant, photoChunks.variant)),
    )
    .where(and(eq(photoChunks.spaceId, spaceId), inArray(photoChunks.itemId, [...itemIds]), eq(photoChunks.variant, 'thumb'), eq(photos.complete, true)))
    .orderBy(asc(photos.createdAt), asc(photoChunks.photoId), asc(photoChunks.n));
  const byPhoto = new Map<string, { itemId: string; photoId: string; parts: Uint8Array[] }>();
  for (const r of rows) {
    const id = `${r.itemId}/${r.photoId}`;
    const entry = byPhoto.get(id) ?? { itemId: r.itemId, photoId: r.photoId, parts: [] };
    entry.parts.push(r.data);
    byPhoto.set(id, entry);
  }
  return [...byPhoto.values()].map((p) => ({ itemId: p.itemId, photoId: p.photoId, body: concatBytes(...p.parts) }));
}

/** Both sizes of one photo; true when there was one. */
export async function deletePhoto(db: Db, spaceId: string, itemId: string, photoId: string): Promise<boolean> {
  const gone = await db
    .delete(photos)
    .where(and(eq(photos.spaceId, spaceId), eq(photos.itemId, itemId), eq(photos.id, photoId)))
    .returning({ id: photos.id });
  return gone.length > 0;
}

/** Uploads a crash or a dropped connection left unfinished. */
export async function sweepAbandonedUploads(db: Db, now: Date): Promise<void> {
  await db.delete(photos).where(and(eq(photos.complete, false), lt(photos.createdAt, new Date(now.getTime() - UPLOAD_STALE_MS))));
}
