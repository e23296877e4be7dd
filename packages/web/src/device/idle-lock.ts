import { useEffect } from 'preact/hooks';
import { lockNow } from '../auth/account.ts';
import { deviceUnlockKnown, readDevice } from './device-store.ts';

const CHECK_EVERY_MS = 10_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks a trusted device after the idle time its person chose (decision 0053): keys and
 * everything decrypted leave memory, and the next touch asks for the PIN or passkey. A
 * device without its own unlock is not locked here (the password would be needed each time).
 */
export function useIdleLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    const check = async () => {
      // Most devices have no unlock of their own: no IndexedDB read every ten seconds for them.
      if (!deviceUnlockKnown()) return;
      const record = await readDevice();
      if (record !== null && Date.now() - last >= record.idleMinutes * 60_000) await lockNow();
    };
    for (const type of ACTIVITY) addEventListener(type, seen, { passive: true, capture: true });
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    // Coming back to a tab that slept: the timer may not have run while it was hidden.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      for (const type of ACTIVITY) removeEventListener(type, seen, { capture: true });
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [active]);
}
