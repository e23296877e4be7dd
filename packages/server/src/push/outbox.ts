import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { pushDeliveries, pushSubscriptions } from '../db/schema.ts';

type Created = { readonly id: string; readonly userId: string; readonly dedupeKey: string; readonly createdAt: Date };
type Requested = { readonly userId: string; readonly dedupeKey: string; readonly preview?: Uint8Array | null };

/**
 * One delivery per (new notification, device of its recipient), inserted in the caller's
 * transaction. Only notifications that were really created get pushes: a repeated
 * dedupe key creates no notification, so it cannot push twice either.
 */
export async function enqueuePushes(tx: Db, created: readonly Created[], requested: readonly Requested[]): Promise<number> {
  if (created.length === 0) return 0;
  const devices = await tx
    .select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId, previews: pushSubscriptions.previews })
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, [...new Set(created.map((n) => n.userId))]));
  if (devices.length === 0) return 0;
  const previewOf = new Map(requested.map((r) => [`${r.userId}\u0000${r.dedupeKey}`, r.preview ?? null]));
  const rows = created.flatMap((n) =>
    devices
      .filter((d) => d.userId === n.userId)
      .map((d) => ({
        id: randomUUID(),
        notificationId: n.id,
        subscriptionId: d.id,
        preview: d.previews ? (previewOf.get(`${n.userId}\u0000${n.dedupeKey}`) ?? null) : null,
        nextAttemptAt: n.createdAt,
        createdAt: n.createdAt,
      })),
  );
  if (rows.length === 0) return 0;
  await tx.insert(pushDeliveries).values(rows).onConflictDoNothing();
  return rows.length;
}
