/// <reference lib="webworker" />
/**
 * Hearth's service worker: the offline app shell (Workbox precache, built by
 * vite-plugin-pwa's injectManifest, decision 0026) and Web Push. It talks to nobody but
 * this origin: a push arrives already decrypted by the browser (RFC 8291), and a sealed
 * preview is opened here with the device's own key, never sent anywhere.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { fromB64 } from '@hearth/core';
import { DISCREET_PUSH_TITLE, pushPayload } from '@hearth/core/api';
import { notificationHref } from './notifications/notification-links.ts';
import { loadPreviewKey, openPreview } from './notifications/preview-key.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Parameters<typeof precacheAndRoute>[0] };

// A new version takes over at once (the app reloads into it), as registerType 'autoUpdate' expects.
void self.skipWaiting();
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// API answers are private and per-session: they never come from (or go to) a cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/app/index.html'), { denylist: [/^\/api\//] }));

const NEUTRAL_BODY = 'Open Hearth to see it.';

function readPayload(data: PushMessageData | null): unknown {
  try {
    return data?.json();
  } catch {
    return null;
  }
}

async function showPush(data: PushMessageData | null): Promise<void> {
  const parsed = pushPayload.safeParse(readPayload(data));
  if (!parsed.success) {
    // Something we cannot read still says "something new", and opens the notification center.
    await self.registration.showNotification(DISCREET_PUSH_TITLE, { body: NEUTRAL_BODY, tag: 'hearth', data: { url: '/app/notifications' } });
    return;
  }
  const p = parsed.data;
  let body = NEUTRAL_BODY;
  if (p.preview !== null) {
    const key = await loadPreviewKey();
    const sealed = fromB64(p.preview);
    const text = key !== null && sealed.ok ? await openPreview(key, sealed.value) : null;
    if (text !== null && text !== '') body = text;
  }
  await self.registration.showNotification(p.title, {
    body,
    // The notification id: a repeated push (a retried delivery) replaces the one shown instead of adding another.
    tag: p.id,
    icon: '/app/icon-192.png',
    data: { url: notificationHref(p), id: p.id },
  });
}

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(event.data));
});

function targetOf(notification: Notification): string {
  const data: unknown = notification.data;
  if (typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string' && data.url.startsWith('/app/')) return data.url;
  return '/app/notifications';
}

async function openScreen(path: string): Promise<void> {
  const url = new URL(path, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const ours = windows.find((w) => new URL(w.url).pathname.startsWith('/app/'));
  if (ours !== undefined) {
    const focused = await ours.focus();
    // navigate() works only for a window this worker controls; otherwise the app routes itself on the message.
    if ('navigate' in focused && focused.url !== url) {
      const moved = await focused.navigate(url).catch(() => null);
      if (moved === null) focused.postMessage({ type: 'hearth:open', url: path });
    }
    return;
  }
  await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openScreen(targetOf(event.notification)));
});
