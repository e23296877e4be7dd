import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NotificationView } from '@hearth/core/api';
import { Link } from '../shared/router.tsx';
import { useStore } from '../shared/store.ts';
import { ErrorMessage, formatDateTime, Page, Spinner, useAction } from '../shared/ui.tsx';
import { notificationHref } from './notification-links.ts';
import { useWhenVisible } from '../shared/use-when-visible.ts';
import { loadNotifications, markAllNotificationsRead, markNotificationRead, unreadStore } from './notifications-data.ts';
import { EmptyState } from '../ui/intro.tsx';

export function NotificationsPage() {
  const [list, setList] = useState<NotificationView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const unread = useStore(unreadStore);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );
  const reload = useCallback(() => {
    void loadNotifications().then((res) => {
      if (!alive.current) return;
      if (res.ok) {
        setList(res.value.notifications);
        setLoadError(null);
      } else setLoadError(res.message);
    });
  }, []);
  useWhenVisible(reload, ['you', 'resync']);

  const readAll = useAction(async () => {
    const res = await markAllNotificationsRead();
    if (res.ok) reload();
    return res;
  });
  const open = (n: NotificationView) => {
    // Opening one marks it read; the link navigates either way.
    if (n.readAt === null) void markNotificationRead(n.id);
  };

  return (
    <Page title="Notifications">
      <p class="muted">Reminders and news from your space. They never say what they are about; open one to see.</p>
      <ErrorMessage message={loadError} />
      {list === null ? (
        loadError === null ? <Spinner label="Loading notifications…" /> : null
      ) : list.length === 0 ? (
        <EmptyState art="quiet">Nothing yet. Reminders and news from your partner will show here.</EmptyState>
      ) : (
        <>
          <button type="button" onClick={() => void readAll.run()} disabled={readAll.busy || unread === 0}>
            Mark all as read
          </button>
          <ErrorMessage message={readAll.error} />
          <ul class="notification-list" aria-label="Notifications">
            {list.map((n) => (
              <li key={n.id} class={n.readAt === null ? 'notification unread' : 'notification'}>
                <Link href={notificationHref(n)} onClickCapture={() => open(n)}>
                  {n.title}
                </Link>{' '}
                <span class="muted">
                  {formatDateTime(n.createdAt)}
                  {n.readAt === null ? ' · unread' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
