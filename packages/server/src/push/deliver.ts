import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import webpush from 'web-push';
import { notificationEvent, itemKind, pushTitle, type PushPayload } from '@hearth/core/api';
import { toB64 } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { notifications, pushDeliveries, pushSubscriptions } from '../db/schema.ts';
import type { VapidKeys } from './vapid.ts';

/** Deliveries claimed per round: each round's sends run concurrently. */
export const PUSH_BATCH = 50;
/** After this many failed attempts a push is given up (the in-app notification stays). */
export const PUSH_MAX_ATTEMPTS = 6;
/** First retry after this long, doubling each time, capped at an hour. */
export const PUSH_RETRY_BASE_MS = 30_000;
const PUSH_RETRY_CAP_MS = 60 * 60_000;
/** How long push services keep a message for an offline device: a day-old reminder is still worth seeing. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

export type PushOptions = {
  readonly vapid: () => Promise<VapidKeys>;
  readonly subject: string;
  /** How long a claim holds before another worker may take the delivery again. */
  readonly leaseMs: number;
};

export type DeliveryCounts = { sent: number; retried: number; gaveUp: number; removed: number };

/** RFC 8030 Topic: at most 32 base64url characters. A UUID's hex is exactly 32. */
export const pushTopic = (notificationId: string): string => notificationId.replaceAll('-', '');

export const retryDelayMs = (attempts: number): number => Math.min(PUSH_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), PUSH_RETRY_CAP_MS);

type Claimed = {
  id: string;
  attempts: number;
  preview: Uint8Array | null;
  notificationId: string;
  event: string;
  itemKind: string | null;
  subscriptionId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  discreet: boolean;
};

/**
 * Claims due deliveries with `FOR UPDATE SKIP LOCKED` and moves them a lease into the
 * future in the same short transaction, then sends outside it. A worker killed after
 * claiming leaves its rows to come due again when the lease runs out, so nothing is lost;
 * a worker killed after sending but before marking may send twice, and the Topic (one per
 * notification) plus the service worker's tag make the second copy replace the first
 * (decision 0025).
 */
async function claim(db: Db, now: Date, leaseMs: number, batch: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: pushDeliveries.id })
      .from(pushDeliveries)
      .where(and(isNull(pushDeliveries.sentAt), isNull(pushDeliveries.gaveUpAt), lte(pushDeliveries.nextAttemptAt, now)))
      .orderBy(asc(pushDeliveries.nextAttemptAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(pushDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${pushDeliveries.attempts} + 1` })
      .where(inArray(pushDeliveries.id, ids));
    return tx
      .select({
        id: pushDeliveries.id,
        attempts: pushDeliveries.attempts,
        preview: pushDeliveries.preview,
        notificationId: notifications.id,
        event: notifications.event,
        itemKind: notifications.itemKind,
        subscriptionId: pushSubscriptions.id,
        endpoint: pushSubscriptions.endpoint,
        p256dh: pushSubscriptions.p256dh,
        auth: pushSubscriptions.auth,
        discreet: pushSubscriptions.discreet,
      })
      .from(pushDeliveries)
      .innerJoin(notifications, eq(notifications.id, pushDeliveries.notificationId))
      .innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushDeliveries.subscriptionId))
      .where(inArray(pushDeliveries.id, ids));
  });
}

/** What the device decrypts: neutral words, ids to open the right screen, and (maybe) a still-sealed preview. */
export function pushPayloadFor(d: Pick<Claimed, 'notificationId' | 'event' | 'itemKind' | 'discreet' | 'preview'>): PushPayload {
  const event = notificationEvent.parse(d.event);
  return {
    v: 1,
    id: d.notificationId,
    title: pushTitle(event, d.discreet),
    event,
    itemKind: d.itemKind === null ? null : itemKind.parse(d.itemKind),
    preview: d.preview === null ? null : toB64(d.preview),
  };
}

type Outcome = { kind: 'sent' } | { kind: 'gone' } | { kind: 'retry'; error: string } | { kind: 'permanent'; error: string };

async function send(d: Claimed, keys: VapidKeys, options: PushOptions): Promise<Outcome> {
  const details = webpush.generateRequestDetails({ endpoint: d.endpoint, keys: { p256dh: d.p256dh, auth: d.auth } }, JSON.stringify(pushPayloadFor(d)), {
    vapidDetails: { subject: options.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: PUSH_TTL_SECONDS,
    topic: pushTopic(d.notificationId),
    urgency: 'normal',
    contentEncoding: 'aes128gcm',
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(details.headers)) {
    // fetch sets the length itself from the body.
    if (name.toLowerCase() !== 'content-length') headers.set(name, String(value));
  }
  let res: Response;
  try {
    // web-push's own sender speaks only https; fetch also reaches the in-process push service in tests.
    res = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      body: details.body,
      signal: AbortSignal.timeout(Math.min(15_000, Math.max(1000, options.leaseMs / 2))),
    });
  } catch (e) {
    return { kind: 'retry', error: e instanceof Error ? e.name : 'network' };
  }
  await res.arrayBuffer().catch(() => undefined);
  if (res.status >= 200 && res.status < 300) return { kind: 'sent' };
  // The browser unsubscribed or the subscription expired: this device is gone for good.
  if (res.status === 404 || res.status === 410) return { kind: 'gone' };
  if (res.status === 429 || res.status >= 500) return { kind: 'retry', error: `http ${res.status}` };
  // Other 4xx (bad VAPID, payload too large) will not get better by retrying.
  return { kind: 'permanent', error: `http ${res.status}` };
}

/** Sends every push that is due, round after round, and says what happened. Safe with any number of workers. */
export async function deliverDuePushes(db: Db, now: () => Date, options: PushOptions, batch = PUSH_BATCH): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, gaveUp: 0, removed: 0 };
  for (;;) {
    const claimed = await claim(db, now(), options.leaseMs, batch);
    if (claimed.length === 0) return counts;
    const keys = await options.vapid();
    await Promise.all(
      claimed.map(async (d) => {
        const outcome = await send(d, keys, options);
        const at = now();
        const open = and(eq(pushDeliveries.id, d.id), isNull(pushDeliveries.sentAt));
        if (outcome.kind === 'sent') {
          counts.sent += 1;
          await db.update(pushDeliveries).set({ sentAt: at, lastError: null }).where(open);
        } else if (outcome.kind === 'gone') {
          counts.removed += 1;
          // Cascades to the device's other pending deliveries.
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, d.subscriptionId));
        } else if (outcome.kind === 'permanent' || d.attempts >= PUSH_MAX_ATTEMPTS) {
          counts.gaveUp += 1;
          await db.update(pushDeliveries).set({ gaveUpAt: at, lastError: outcome.error }).where(open);
        } else {
          counts.retried += 1;
          await db
            .update(pushDeliveries)
            .set({ nextAttemptAt: new Date(at.getTime() + retryDelayMs(d.attempts)), lastError: outcome.error })
            .where(open);
        }
      }),
    );
    if (claimed.length < batch) return counts;
  }
}
