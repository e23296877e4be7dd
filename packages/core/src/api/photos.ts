import { z } from 'zod/mini';
import { b64Max, uuid } from './common.ts';

/**
 * Sealed photos (issue 24, decision 0063). A photo belongs to one item and comes in two
 * sizes, each a sealed file (core's `sealPhotoFile`) uploaded as raw bytes to
 * `PUT /api/items/:itemId/photos/:photoId/:variant`. The server sees only sizes.
 */
export const PHOTO_VARIANTS = ['full', 'thumb'] as const;
export const photoVariant = z.enum(PHOTO_VARIANTS);
export type PhotoVariantName = z.infer<typeof photoVariant>;

/** At most this many photos on one memory (issue 24). */
export const MAX_PHOTOS_PER_ITEM = 10;
/** A thumbnail (320 px on its longest side) is far smaller; the cap keeps a screen's batch of them small. */
export const MAX_SEALED_THUMB_BYTES = 512 * 1024;
/** Thumbnails of this many items come back in one request. */
export const MAX_THUMB_ITEMS = 50;

export const photoView = z.object({ itemId: uuid, id: uuid, variant: photoVariant, size: z.int() });
export const photoResponse = z.object({ photo: photoView });

export const photoThumbsQuery = z.object({
  items: z.pipe(
    z.string().check(z.maxLength(MAX_THUMB_ITEMS * 37)),
    z.transform((s) => s.split(',').filter((p) => p !== '')),
  ),
});
export const photoThumbsResponse = z.object({
  thumbs: z.array(z.object({ itemId: uuid, photoId: uuid, body: b64Max(MAX_SEALED_THUMB_BYTES) })),
});

export type PhotoView = z.infer<typeof photoView>;
export type PhotoThumbsResponse = z.infer<typeof photoThumbsResponse>;
