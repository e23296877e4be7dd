import { useEffect } from 'preact/hooks';

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
