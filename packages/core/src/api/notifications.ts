import { z } from 'zod/mini';
import { uuid } from './common.ts';
import { itemKind } from './items.ts';

/**
 * What happened, never what it was about (DESIGN §5.5): the server stores only the
 * kind of event and which item it concerns, and the title is a fixed, neutral phrase.
 */
export const NOTIFICATION_EVENTS = ['reminder', 'nudge', 'thinking-of-you', 'message'] as const;
export const notificationEvent = z.enum(NOTIFICATION_EVENTS);
export type NotificationEvent = z.infer<typeof notificationEvent>;

/** Discreet by default: no titles mention intimacy, relationships or the partner's name. */
export const NOTIFICATION_TITLES: Readonly<Record<NotificationEvent, string>> = {
  reminder: 'A reminder in Hearth',
  nudge: 'A small moment for today',
  'thinking-of-you': 'Something new in Hearth',
  message: 'Something new in Hearth',
};

export const notificationView = z.object({
  id: uuid,
  event: notificationEvent,
  title: z.string(),
  /** For linking to the right screen; the item itself is fetched (and decrypted) there. Null for events about no item. */
  itemId: z.nullable(uuid),
  itemKind: z.nullable(itemKind),
  /** A subject that is not an item (a nudge), for the screen that shows it. */
  refId: z.nullable(uuid),
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListResponse = z.object({
  notifications: z.array(notificationView),
  unread: z.int().check(z.nonnegative()),
});
export type NotificationListResponse = z.infer<typeof notificationListResponse>;

export const notificationReadResponse = z.object({ unread: z.int().check(z.nonnegative()) });
