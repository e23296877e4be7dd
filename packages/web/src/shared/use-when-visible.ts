import { useEffect } from 'preact/hooks';
import { onLiveChange, type LiveChange } from './live.ts';

type ChangeType = LiveChange['type'];

/**
 * Calls `reload` now, whenever the tab becomes visible again (a reminder may have arrived
 * meanwhile), and on the live changes listed in `on` (shared/live.ts).
 */
export function useWhenVisible(reload: () => void, on: readonly ChangeType[] = []): void {
  const heard = on.join(' ');
  useEffect(() => {
    reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    const stop = onLiveChange((change) => {
      if (heard.split(' ').includes(change.type)) reload();
    });
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stop();
    };
  }, [reload, heard]);
}
