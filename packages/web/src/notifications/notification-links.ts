import type { ItemKindName } from '@hearth/core';

/**
 * Which screen a notification opens, from the item's kind alone (all the server
 * knows). The screen itself loads and decrypts the item; a kind with no screen of
 * its own opens Today, where every reminder also shows.
 */
const SCREENS: readonly (readonly [prefix: string, href: string])[] = [
  ['support-', '/app/support'],
  ['daily-question-', '/app/talk/question'],
  ['talk-', '/app/talk/topics'],
  ['checkin', '/app/talk'],
  ['help-share', '/app/help'],
];

export function notificationHref(kind: ItemKindName): string {
  return SCREENS.find(([prefix]) => kind.startsWith(prefix))?.[1] ?? '/app/today';
}
