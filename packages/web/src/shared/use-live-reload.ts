import { useEffect } from 'preact/hooks';

/**
 * Loads now, again whenever the tab becomes visible (the partner may have written
 * meanwhile), and every `pollMs` while it stays visible. `alive`, if given, is cleared
 * on unmount so a late answer never updates a screen that is gone (a shared store needs none).
 * A change of `pollMs` only restarts the timer: a screen that starts or stops polling
 * (Today while waiting for a partner) does not load again for it.
 */
export function useLiveReload(reload: () => Promise<void>, pollMs: number | undefined, alive?: { current: boolean }): void {
  useEffect(() => {
    if (alive) alive.current = true;
    void reload();
    const whenVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      if (alive) alive.current = false;
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [reload, alive]);

  useEffect(() => {
    if (!pollMs) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
}
