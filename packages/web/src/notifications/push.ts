import { z } from 'zod/mini';
import { err, ok, fromB64 } from '@hearth/core';
import { pushDeviceListResponse, pushDeviceResponse, pushKeyResponse, type PushDeviceView } from '@hearth/core/api';
import { derivePushPreviewKey } from '@hearth/core/crypto';
import { api, type ApiResult } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { clearPreviewKey, storePreviewKey } from './preview-key.ts';

/**
 * Web Push for this device (DESIGN §5.5): the few calls Settings and other screens need.
 * Failures come back as values with a message a person can act on.
 */

const pushUnsubscribeResponse = z.object({ removed: z.boolean() });

export type PushChoices = {
  /** What the person calls this device, e.g. "Phone". */
  readonly label: string;
  /** Show a decrypted preview. Needs the space key now, to derive the preview key. */
  readonly previews: boolean;
  /** Neutral titles only (the default). */
  readonly discreet: boolean;
};

export type PushState =
  | { readonly status: 'unsupported'; readonly message: string }
  | { readonly status: 'denied'; readonly message: string }
  | { readonly status: 'off' }
  | { readonly status: 'on'; readonly device: PushDeviceView };

const UNSUPPORTED = "This browser can't show notifications from Hearth. Everything still appears in the notification center.";
const DENIED =
  "Notifications are blocked for Hearth in this browser. Allow them in the site settings (the icon next to the address), then try again. Everything still appears in the notification center.";

function supported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** The service worker registration, or null if none becomes ready soon (dev server, blocked). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** Does not wait: no registration yet means no subscription either. */
async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await navigator.serviceWorker.getRegistration('/app/').catch(() => undefined);
  return reg === undefined ? null : reg.pushManager.getSubscription();
}

/** A first guess at a label; the person can change it. */
export function guessDeviceLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iPhone' : /Mac OS X/.test(ua) ? 'Mac' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : '';
  return system === '' ? browser : `${browser} on ${system}`;
}

/** Whether this device gets notifications, and with which choices. */
export async function pushState(): Promise<PushState> {
  if (!supported()) return { status: 'unsupported', message: UNSUPPORTED };
  if (Notification.permission === 'denied') return { status: 'denied', message: DENIED };
  const sub = await currentSubscription();
  if (sub === null) return { status: 'off' };
  const list = await api.get(endpoints.pushSubscriptions, pushDeviceListResponse);
  if (!list.ok) return { status: 'off' };
  const device = list.value.devices.find((d) => d.endpoint === sub.endpoint);
  return device === undefined ? { status: 'off' } : { status: 'on', device };
}

/**
 * Turns notifications on for this device (asking the browser's permission), or saves new
 * choices if they are on already. `spaceKey` is needed only when turning previews on.
 */
export async function subscribeThisDevice(choices: PushChoices, spaceKey?: Uint8Array | null): Promise<ApiResult<PushDeviceView>> {
  if (!supported()) return err('unsupported', UNSUPPORTED);
  if (choices.previews && (spaceKey === undefined || spaceKey === null)) {
    return err('no_space', 'Previews need your shared space to be open on this device. Join or create it first.');
  }
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return err('denied', DENIED);
  const key = await api.get(endpoints.pushKey, pushKeyResponse);
  if (!key.ok) return key;
  const reg = await registration();
  if (reg === null) return err('no_service_worker', "Hearth's offline helper isn't running in this tab yet. Reload the page and try again.");
  const serverKey = fromB64(key.value.publicKey);
  if (!serverKey.ok) return err('bad_response', 'The server sent a key this app does not understand. Try reloading.');
  let sub: PushSubscription;
  try {
    sub =
      (await reg.pushManager.getSubscription()) ??
      (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: new Uint8Array(serverKey.value) }));
  } catch (e) {
    const detail = e instanceof Error && e.message !== '' ? ` (${e.message})` : '';
    return err(
      'push_service',
      `This browser couldn't register with its push service, so notifications can't be turned on here right now${detail}. Everything still appears in the notification center.`,
    );
  }
  const json = sub.toJSON();
  const p256dh = json.keys?.['p256dh'];
  const auth = json.keys?.['auth'];
  if (json.endpoint === undefined || p256dh === undefined || auth === undefined) {
    return err('push_service', "This browser's push subscription is incomplete. Try again, or use another browser.");
  }
  const saved = await api.put(
    endpoints.pushSubscription,
    { endpoint: json.endpoint, keys: { p256dh, auth }, label: choices.label, previews: choices.previews, discreet: choices.discreet },
    pushDeviceResponse,
  );
  if (!saved.ok) return saved;
  if (choices.previews && spaceKey) await storePreviewKey(derivePushPreviewKey(spaceKey));
  else await clearPreviewKey();
  return ok(saved.value.device);
}

/** Turns notifications off for this device: the server forgets it and the browser drops the subscription. */
export async function unsubscribeThisDevice(): Promise<ApiResult<void>> {
  await clearPreviewKey();
  if (!supported()) return ok(undefined);
  const sub = await currentSubscription();
  if (sub === null) return ok(undefined);
  const removed = await api.post(endpoints.pushUnsubscribe, { endpoint: sub.endpoint }, pushUnsubscribeResponse);
  if (!removed.ok) return removed;
  await sub.unsubscribe().catch(() => false);
  return ok(undefined);
}
