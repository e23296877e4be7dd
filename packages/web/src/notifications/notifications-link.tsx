import { useCallback, useEffect } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { useStore } from '../shared/store.ts';
import { loadNotifications, unreadStore } from './notifications-data.ts';

/** Calls `reload` now and whenever the tab becomes visible again (a reminder may have arrived meanwhile). */
export function useWhenVisible(reload: () => void): void {
  useEffect(() => {
    reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);
}

/** The header link: its accessible name carries the unread count, so it is heard, not only seen. */
export function NotificationsLink({ path, current }: { path: string; current: 'page' | undefined }) {
  const unread = useStore(unreadStore);
  // Refreshed on every screen change too: cheap, and the count stays right without polling.
  const refresh = useCallback(() => void loadNotifications(), [path]);
  useWhenVisible(refresh);
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;
  return (
    <Link href="/app/notifications" aria-current={current} aria-label={label}>
      Notifications{unread > 0 ? <span class="notification-count" aria-hidden="true">{unread}</span> : null}
    </Link>
  );
}
