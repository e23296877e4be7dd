import { z } from 'zod/mini';
import { b64Bytes, b64Max, uuid } from './common.ts';
import { itemKind } from './items.ts';
import { notificationEvent, type NotificationEvent } from './notifications.ts';

/**
 * Web Push (DESIGN §5.5). A device subscribes with what its browser's push service gave
 * it; the server never puts personal content in a push: the title is neutral, and a
 * preview travels only as ciphertext that the device's service worker opens itself.
 */

/** RFC 8291: an uncompressed P-256 point (65 bytes) and a 16-byte authentication secret. */
export const pushKeys = z.object({ p256dh: b64Bytes(65).check(z.startsWith('B', 'must be an uncompressed P-256 point')), auth: b64Bytes(16) });

export const pushEndpoint = z
  .url({ protocol: /^https?$/, error: 'must be the push service URL the browser gave' })
  .check(z.maxLength(1024, 'must be at most 1024 characters'));

export const deviceLabel = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(60, 'must be at most 60 characters'));

export const pushSubscribeBody = z.strictObject({
  endpoint: pushEndpoint,
  keys: pushKeys,
  label: deviceLabel,
  /** Show a decrypted preview on this device. Off by default. */
  previews: z._default(z.boolean(), false),
  /** Titles never hint at intimacy, the relationship or the partner. On unless the person opts out. */
  discreet: z._default(z.boolean(), true),
});
export type PushSubscribeBody = z.infer<typeof pushSubscribeBody>;

export const pushUnsubscribeBody = z.strictObject({ endpoint: pushEndpoint });

export const pushDeviceView = z.object({
  id: uuid,
  endpoint: z.string(),
  label: z.string(),
  previews: z.boolean(),
  discreet: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PushDeviceView = z.infer<typeof pushDeviceView>;

export const pushDeviceResponse = z.object({ device: pushDeviceView });
export const pushDeviceListResponse = z.object({ devices: z.array(pushDeviceView) });
/** The VAPID public key (65-byte P-256 point, base64url) for `pushManager.subscribe`. */
export const pushKeyResponse = z.object({ publicKey: b64Bytes(65) });

/** What every push says when the device is discreet (the default), whatever happened. */
export const DISCREET_PUSH_TITLE = 'Something new in Hearth';

/** Titles for a device that opted out of discreet mode: they may say it's about the two of you. */
export const OPEN_PUSH_TITLES: Readonly<Record<NotificationEvent, string>> = {
  reminder: 'A reminder for the two of you',
  nudge: 'A small moment for your partner',
  'thinking-of-you': 'Your partner is thinking of you',
  message: 'A new message from your partner',
};

export function pushTitle(event: NotificationEvent, discreet: boolean): string {
  return discreet ? DISCREET_PUSH_TITLE : OPEN_PUSH_TITLES[event];
}

/** A sealed preview as it travels (see `sealPushPreview`): at most 140 characters of text, so a small bound. */
export const sealedPreview = b64Max(1 + 12 + 140 * 4 + 16);

/**
 * The decrypted push payload (RFC 8291 makes it readable only by the device). Ids and the
 * item kind say which screen to open; nothing here is content. `preview` is present only
 * for devices that turned previews on, and is still sealed under the space's preview key.
 */
export const pushPayload = z.object({
  v: z.literal(1),
  id: uuid,
  title: z.string().check(z.maxLength(100)),
  event: notificationEvent,
  itemKind: z.nullable(itemKind),
  preview: z.nullable(sealedPreview),
});
export type PushPayload = z.infer<typeof pushPayload>;
