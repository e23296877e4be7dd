import { Bell, CalendarDays, CalendarHeart, Flame, HandHeart, HeartHandshake, House, LifeBuoy, MessageCircleHeart, Settings, type LucideIcon } from 'lucide-preact';

export type Destination = {
  readonly href: string;
  readonly label: string;
  readonly icon: LucideIcon;
  /** On the phone's tab bar; the others are under "More". */
  readonly tab: boolean;
};

/**
 * Every place the main navigation leads, in the order it shows them (issue 19): the
 * four a couple opens most under the thumb, the rest one tap further under "More".
 */
export const DESTINATIONS: readonly Destination[] = [
  { href: '/app/today', label: 'Today', icon: House, tab: true },
  { href: '/app/talk', label: 'Talk', icon: MessageCircleHeart, tab: true },
  { href: '/app/together', label: 'Together', icon: CalendarHeart, tab: true },
  { href: '/app/support', label: 'Support', icon: HeartHandshake, tab: true },
  { href: '/app/touch', label: 'Touch', icon: HandHeart, tab: false },
  { href: '/app/help', label: 'Help', icon: LifeBuoy, tab: false },
  { href: '/app/spark', label: 'Spark', icon: Flame, tab: false },
  { href: '/app/week', label: 'Our week', icon: CalendarDays, tab: false },
  { href: '/app/notifications', label: 'Notifications', icon: Bell, tab: false },
  { href: '/app/settings', label: 'Settings', icon: Settings, tab: false },
];

/** The destination a path belongs to: a practice's inner screens (a conversation, a new ritual) keep its tab lit. */
export function currentDestination(path: string): Destination | undefined {
  const clean = path.replace(/\/$/, '');
  return DESTINATIONS.find((d) => clean === d.href || clean.startsWith(`${d.href}/`));
}

/** A destination's icon, for the places that show the same practice elsewhere (Today's list). */
export function iconFor(href: string): LucideIcon {
  return DESTINATIONS.find((d) => d.href === href)?.icon ?? House;
}
