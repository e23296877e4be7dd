import type { NotificationView } from '@hearth/core/api';

/**
 * Which screen a notification opens, from the item's kind alone (all the server
 * knows). The screen itself loads and decrypts the item; a kind with no screen of
 * its own opens Today, where every reminder also shows.
 */
const SCREENS: readonly (readonly [prefix: string, href: string])[] = [
  // Support's parts have their own screens (issue 19); anything else of Support opens its hub.
  ['support-date', '/app/support/dates'],
  ['support-plate', '/app/support/plate'],
  ['support-response', '/app/support/plate'],
  ['support-win', '/app/support/wins'],
  ['support-celebration', '/app/support/wins'],
  ['support-thanks', '/app/support/thanks'],
  ['support-', '/app/support'],
  ['daily-question-', '/app/talk/question'],
  ['talk-', '/app/talk/topics'],
  ['checkin', '/app/talk'],
  ['help-share', '/app/help'],
  ['programme-', '/app/help/reconnect'],
];

/** Events about no item open the screen of their practice. */
const EVENT_SCREENS: Partial<Record<NotificationView['event'], string>> = {
  nudge: '/app/touch',
  'thinking-of-you': '/app/touch',
  // Spark messages: the notification carries no kind (decision 0033), the event alone says where to look.
  message: '/app/spark',
};

export function notificationHref(n: Pick<NotificationView, 'event' | 'itemKind'>): string {
  const byEvent = EVENT_SCREENS[n.event];
  if (byEvent !== undefined) return byEvent;
  const kind = n.itemKind;
  if (kind === null) return '/app/today';
  return SCREENS.find(([prefix]) => kind.startsWith(prefix))?.[1] ?? '/app/today';
}
