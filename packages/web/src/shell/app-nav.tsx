import { useCallback, useEffect, useState } from 'preact/hooks';
import { Ellipsis, LogOut } from 'lucide-preact';
import { signOut } from '../auth/account.ts';
import { loadNotifications, unreadStore } from '../notifications/notifications-data.ts';
import { useWhenVisible } from '../shared/use-when-visible.ts';
import { Link, navigate } from '../shared/router.tsx';
import { useStore } from '../shared/store.ts';
import { Sheet } from '../ui/sheet.tsx';
import { currentDestination, DESTINATIONS, type Destination } from './destinations.ts';

const ICON_SIZE = 22;

/** In the side bar and in the "More" sheet: only one of the two is ever shown. */
function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
    navigate('/app/', { replace: true });
  };
  return (
    <button type="button" onClick={() => void run()} disabled={busy}>
      <LogOut aria-hidden="true" size={ICON_SIZE} />
      <span class="nav-label">Sign out</span>
    </button>
  );
}

/** The unread count is part of the link's name, so it is heard, not only seen. */
function labelFor(d: Destination, unread: number): string {
  return d.href === '/app/notifications' && unread > 0 ? `${d.label}, ${unread} unread` : d.label;
}

function DestinationLink({ d, unread, current }: { d: Destination; unread: number; current: boolean }) {
  const Icon = d.icon;
  const label = labelFor(d, unread);
  return (
    <Link href={d.href} aria-current={current ? 'page' : undefined} aria-label={label === d.label ? undefined : label}> 
      <Icon aria-hidden="true" size={ICON_SIZE} />
      <span class="nav-label">{d.label}</span>
      {d.href === '/app/notifications' && unread > 0 ? (
        <span class="count-badge" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}

/**
 * The main navigation (issue 19). One list for both layouts: on a phone the four
 * practices a couple opens most sit in a tab bar under the thumb and the rest open
 * from "More" in a sheet; on a wide screen every destination is in a side bar and
 * "More" is hidden. CSS does the switching, so there is one set of links to test.
 */
export function AppNav({ path }: { path: string }) {
  const unread = useStore(unreadStore);
  // Refreshed on every screen change and when the tab comes back: cheap, and the count stays right without polling.
  const refresh = useCallback(() => void loadNotifications(), [path]);
  // Notifications belong to the person: their own changes ('you') move the count.
  useWhenVisible(refresh, ['you', 'resync']);
  const [moreOpen, setMoreOpen] = useState(false);
  // Choosing a destination in the sheet changes the route, which closes it.
  useEffect(() => setMoreOpen(false), [path]);
  const current = currentDestination(path);
  const moreCurrent = current !== undefined && !current.tab;

  return (
    <>
      <nav aria-label="Main" class="app-nav">
        <ul>
          {DESTINATIONS.map((d) => (
            <li key={d.href} class={d.tab ? 'nav-tab' : 'nav-extra'}>
              <DestinationLink d={d} unread={unread} current={current === d} />
            </li>
          ))}
          <li class="nav-more">
            <button
              type="button"
              aria-haspopup="dialog"
              aria-expanded={moreOpen}
              aria-label={unread > 0 ? `More, ${unread} unread` : 'More'}
              class={moreCurrent ? 'is-current' : undefined}
              onClick={() => setMoreOpen(true)}
            >
              <Ellipsis aria-hidden="true" size={ICON_SIZE} />
              <span class="nav-label">More</span>
              {unread > 0 ? (
                <span class="count-badge" aria-hidden="true">
                  {unread}
                </span>
              ) : null}
            </button>
          </li>
          <li class="nav-extra nav-sign-out">
            <SignOutButton />
          </li>
        </ul>
      </nav>
      {moreOpen ? (
        <Sheet title="More" onClose={() => setMoreOpen(false)}>
          <ul class="more-list">
            {DESTINATIONS.filter((d) => !d.tab).map((d) => (
              // Tapping the screen one is already on changes no route, so the sheet closes on the tap itself.
              <li key={d.href} onClick={() => setMoreOpen(false)}>
                <DestinationLink d={d} unread={unread} current={current === d} />
              </li>
            ))}
            <li>
              <SignOutButton />
            </li>
          </ul>
        </Sheet>
      ) : null}
    </>
  );
}
