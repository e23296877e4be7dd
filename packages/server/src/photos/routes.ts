import { Hono, type Context } from 'hono';
import { concatBytes, toB64 } from '@hearth/core';
import { MAX_PHOTOS_PER_ITEM, MAX_SEALED_THUMB_BYTES, MAX_THUMB_ITEMS, photoThumbsQuery, photoVariant, uuid, type PhotoView } from '@hearth/core/api';
import { MAX_SEALED_PHOTO_BYTES, PHOTO_OVERHEAD_BYTES } from '@hearth/core/crypto';
import { and, inArray } from 'drizzle-orm';
import { requireMember, type Member } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import { readId, readQuery } from '../http/validate.ts';
import { items } from '../db/schema.ts';
import { visibleItem, visibleTo, type ItemRow } from '../items/store.ts';
import { abortUpload, appendChunk, beginUpload, chunkAt, completePhoto, completeUpload, deletePhoto, thumbsOf, type PhotoKey, type PhotoRow } from './store.ts';

/** Rows of this size: big enough to keep the row count low, small enough that a request never holds a whole photo. */
export const CHUNK_BYTES = 256 * 1024;

/** The upload route, which the app's 256 KiB body limit lets through (it checks its own limits as it streams). */
export const PHOTO_UPLOAD_PATH = /^\/api\/items\/[^/]+\/photos\/[^/]+\/[^/]+$/;

const view = (row: PhotoRow): PhotoView => ({ itemId: row.itemId, id: row.id, variant: row.variant, size: row.size });

/** The item the photo belongs to, if this member may see it; writing needs its author. */
async function itemFor(c: Context<AppEnv>, who: Member, write: boolean): Promise<ItemRow> {
  const itemId = readId(c, uuid, 'itemId');
  const item = await visibleItem(c.var.deps.db, who.space.id, who.user.id, itemId, c.var.deps.now());
  if (!item) throw new HttpError('not_found', 'No such item.');
  if (write && item.authorId !== who.user.id) throw new HttpError('not_author', 'Only the one who wrote it can change its photos.');
  return item;
}

function keyFor(c: Context<AppEnv>, item: ItemRow): PhotoKey {
  return { spaceId: item.spaceId, itemId: item.id, photoId: readId(c, uuid, 'photoId'), variant: readId(c, photoVariant, 'variant') };
}

/** Reads the body as it arrives into CHUNK_BYTES rows; refuses it the moment it passes its declared length. */
async function storeBody(c: Context<AppEnv>, key: PhotoKey, declared: number): Promise<void> {
  const reader = c.req.raw.body?.getReader();
  if (!reader) throw new HttpError('invalid_input', 'The photo is missing.');
  const db = c.var.deps.db;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let n = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = concatBytes(...pending);
      const size = Math.min(CHUNK_BYTES, joined.length);
      await appendChunk(db, key, n, joined.slice(0, size));
      n += 1;
      pending = joined.length > size ? [joined.slice(size)] : [];
      pendingBytes = joined.length - size;
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > declared) {
      await reader.cancel();
      throw new HttpError('payload_too_large', 'The photo is larger than its Content-Length said.');
    }
    pending.push(value);
    pendingBytes += value.length;
    await flush(false);
  }
  await flush(true);
  if (total !== declared) throw new HttpError('invalid_input', 'The photo was cut short; send it again.');
}

export const photoRoutes = new Hono<AppEnv>()
  .put('/items/:itemId/photos/:photoId/:variant', async (c) => {
    const who = await requireMember(c);
    // Sizes first, before any lookup: an oversized body is refused without touching the database.
    const lengthHeader = c.req.header('Content-Length');
    const declared = lengthHeader === undefined || !/^\d{1,10}$/.test(lengthHeader) ? null : Number(lengthHeader);
    if (declared === null) throw new HttpError('length_required', 'Say how large the photo is (Content-Length).');
    const thumb = c.req.param('variant') === 'thumb';
    const max = thumb ? MAX_SEALED_THUMB_BYTES : MAX_SEALED_PHOTO_BYTES;
    if (declared > max) throw new HttpError('payload_too_large', `A sealed ${thumb ? 'thumbnail' : 'photo'} may be at most ${String(max / 1024)} KiB.`);
    const item = await itemFor(c, who, true);
    const key = keyFor(c, item);
    if (c.req.header('Content-Type') !== 'application/octet-stream') throw new HttpError('unsupported_media_type', 'Send the sealed photo as application/octet-stream.');
    if (declared <= PHOTO_OVERHEAD_BYTES) throw new HttpError('invalid_input', 'That is too small to be a sealed photo.');
    const { db, config, now } = c.var.deps;
    const begun = await beginUpload(db, key, who.user.id, declared, config.photoQuotaBytes, MAX_PHOTOS_PER_ITEM, now());
    if (begun.outcome === 'exists') {
      // A retry of an upload that did finish: the same answer again. Anything else under this id is a clash.
      if (begun.photo.size !== declared) throw new HttpError('conflict', 'Another photo is already stored under this id.');
      return c.json({ photo: view(begun.photo) }, 200);
    }
    if (begun.outcome === 'too_many') throw new HttpError('too_many_photos', `A memory holds at most ${String(MAX_PHOTOS_PER_ITEM)} photos.`);
    if (begun.outcome === 'over_quota') throw new HttpError('photo_quota', 'Your space is out of room for photos. Remove some to add more.');
    try {
      await storeBody(c, key, declared);
    } catch (e) {
      await abortUpload(db, key);
      throw e;
    }
    const done = await completeUpload(db, key);
    if (!done) throw new HttpError('conflict', 'The photo was removed while it was uploading.');
    return c.json({ photo: view(done) }, 201);
  })
  .get('/items/:itemId/photos/:photoId/:variant', async (c) => {
    const who = await requireMember(c);
    const key = keyFor(c, await itemFor(c, who, false));
    const { db } = c.var.deps;
    const photo = await completePhoto(db, key);
    if (!photo) throw new HttpError('not_found', 'No such photo.');
    let n = 0;
    // One chunk in memory at a time, however large the photo.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const data = await chunkAt(db, key, n);
        n += 1;
        if (data === undefined) controller.close();
        else controller.enqueue(data);
      },
    });
    return c.body(body, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(photo.size), 'Cache-Control': 'private, no-store' });
  })
  .delete('/items/:itemId/photos/:photoId', async (c) => {
    const who = await requireMember(c);
    const item = await itemFor(c, who, true);
    const photoId = readId(c, uuid, 'photoId');
    if (!(await deletePhoto(c.var.deps.db, item.spaceId, item.id, photoId))) throw new HttpError('not_found', 'No such photo.');
    return c.body(null, 204);
  })
  .get('/photos/thumbs', async (c) => {
    const { user, space } = await requireMember(c);
    const { items: wanted } = readQuery(c, photoThumbsQuery);
    if (wanted.length > MAX_THUMB_ITEMS || wanted.some((id) => !uuid.safeParse(id).success)) {
      throw new HttpError('invalid_input', `items: up to ${String(MAX_THUMB_ITEMS)} item ids, separated by commas`);
    }
    const { db, now } = c.var.deps;
    const visible =
      wanted.length === 0
        ? []
        : await db
            .select({ id: items.id })
            .from(items)
            .where(and(inArray(items.id, wanted), visibleTo(space.id, user.id, now())));
    const thumbs = await thumbsOf(
      db,
      space.id,
      visible.map((v) => v.id),
    );
    return c.json({ thumbs: thumbs.map((t) => ({ itemId: t.itemId, photoId: t.photoId, body: toB64(t.body) })) }, 200, { 'Cache-Control': 'private, no-store' });
  });

