import { useEffect } from 'preact/hooks';
import { concerns, liveStatus, onLiveChange, pollingSwitchedOff } from './live.ts';

/** Changes that arrive together (one write's announcements are sent at its commit) cause one reload. */
const SETTLE_MS = 50;

/**
 * Loads now, again whenever the tab becomes visible (the partner may have written
 * meanwhile), whenever the live stream says something it shows changed (an item of
 * `topics`, if named — item kinds, `match:<deck>` — or the space; shared/live.ts), and —
 * only while that stream is down — every `pollMs`. `alive`, if given, is cleared on
 * unmount so a late answer never updates a screen that is gone (a shared store needs none).
 * A change of `pollMs` only restarts the timer: a screen that starts or stops polling
 * (Today while waiting for a partner) does not load again for it.
 */
export function useLiveReload(
  reload: () => Promise<void>,
  pollMs: number | undefined,
  alive?: { current: boolean },
  topics?: readonly string[],
): void {
  const shown = topics?.join(' ');
  useEffect(() => {
    if (alive) alive.current = true;
    // One load at a time, and a change heard during one loads once more after it: a
    // loader that refuses to overlap (useAction) would otherwise drop the newer news.
    let running = false;
    let again = false;
    const load = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      void reload().finally(() => {
        running = false;
        if (again) {
          again = false;
          load();
        }
      });
    };
    load();
    const whenVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    let pending: ReturnType<typeof setTimeout> | undefined;
    const watched = shown === undefined ? undefined : shown.split(' ');
    const stop = onLiveChange((change) => {
      if (pending !== undefined || !concerns(change, watched)) return;
      pending = setTimeout(() => {
        pending = undefined;
        // A hidden tab catches up when it is shown again.
        if (document.visibilityState === 'visible') load();
      }, SETTLE_MS);
    });
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      if (alive) alive.current = false;
      stop();
      clearTimeout(pending);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [reload, alive, shown]);

  useEffect(() => {
    if (!pollMs || pollingSwitchedOff()) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && liveStatus.get() !== 'live') void reload();
    }, pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
}
