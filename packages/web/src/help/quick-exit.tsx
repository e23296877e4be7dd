import { useEffect } from 'preact/hooks';
import { endpoints } from '../shared/endpoints.ts';
import { recoveryWordsStore, sessionStore, wipeKeys } from '../shared/session.ts';
import { wipeSpace } from '../space/space.ts';
import { DEVICE_DB, deviceUnlockKnown, forgetsOnQuickExit, setForgetOnQuickExit } from '../device/device-store.ts';
import { COPY_DB } from '../sync/device-copy.ts';

/**
 * Quick exit (DESIGN §2, practice 5): leave Hearth at once for an ordinary page, e.g.
 * when someone walks in. It wipes the keys and everything decrypted from memory,
 * ends the session on the server, and replaces this page in the history with a page
 * about soup that Hearth itself serves (no request goes anywhere else).
 *
 * What a browser can and cannot promise: `location.replace` swaps the current history
 * entry, so Back from the soup page skips this screen. Earlier Hearth entries in the
 * same tab stay in the list (no page can delete them), so a per-tab flag makes any of
 * them, reached with Back or Forward, bounce straight to the soup page again; opening
 * Hearth afresh clears the flag. Whatever loads finds the app signed out with nothing
 * decrypted. The browser's own history list (visited addresses) is not ours to clear;
 * the safety-planning note says so and suggests a private window.
 */
export const NEUTRAL_PAGE = '/recipes/lentil-soup';

/** Escape pressed this many times within ESCAPE_WINDOW_MS leaves too. */
const ESCAPE_PRESSES = 3;
const ESCAPE_WINDOW_MS = 1500;

/** Set for this tab only (sessionStorage), after a quick exit. */
const LEFT_FLAG = 'hearth-quick-exit';

function leftThisTab(): boolean {
  try {
    return sessionStorage.getItem(LEFT_FLAG) === '1';
  } catch {
    return false;
  }
}

function wasBackOrForward(): boolean {
  const nav = performance.getEntriesByType('navigation')[0];
  return nav instanceof PerformanceNavigationTiming && nav.type === 'back_forward';
}

// Runs when the app's code loads, before anything renders: Back into Hearth after a
// quick exit goes straight out again; a deliberate visit starts normally.
if (leftThisTab()) {
  if (wasBackOrForward()) location.replace(NEUTRAL_PAGE);
  else {
    try {
      sessionStorage.removeItem(LEFT_FLAG);
    } catch {
      // Nothing to clear.
    }
  }
}
// A page restored from the back/forward cache does not load its code again.
addEventListener('pageshow', (e) => {
  if (e instanceof PageTransitionEvent && e.persisted && leftThisTab()) location.replace(NEUTRAL_PAGE);
});

export function quickExit(): void {
  // Synchronous first: once the page is replaced nothing else here runs.
  const s = sessionStore.get();
  if (s.status === 'unlocked') wipeKeys(s.keys);
  wipeSpace();
  recoveryWordsStore.set(null);
  sessionStore.set({ status: 'signed-out' });
  try {
    sessionStorage.clear();
    sessionStorage.setItem(LEFT_FLAG, '1');
  } catch {
    // Storage unavailable: nothing was stored there either.
  }
  // On a trusted device the session stays, so the next open asks for the PIN or passkey
  // (decision 0053), unless its owner chose "Quick exit also forgets this device"; elsewhere
  // Quick exit signs out. keepalive lets it reach the server though the page is going away.
  if (!deviceUnlockKnown() || forgetsOnQuickExit()) {
    void fetch(endpoints.logout, { method: 'POST', headers: { 'X-Hearth-CSRF': '1' }, keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
    // Asked for now, carried out by the browser after the page is gone: the sealed copy, the outbox and the unlock.
    setForgetOnQuickExit(false);
    try {
      indexedDB.deleteDatabase(COPY_DB);
      indexedDB.deleteDatabase(DEVICE_DB);
    } catch {
      // No IndexedDB: nothing was kept in it.
    }
  }
  location.replace(NEUTRAL_PAGE);
}

/** Listens for Escape pressed three times in quick succession, anywhere in the app. */
export function useEscapeExit(): void {
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const now = e.timeStamp;
      presses = [...presses.filter((t) => now - t < ESCAPE_WINDOW_MS), now];
      if (presses.length >= ESCAPE_PRESSES) quickExit();
    };
    // Capture phase: a dialog that handles Escape itself must not swallow it.
    addEventListener('keydown', onKey, true);
    return () => removeEventListener('keydown', onKey, true);
  }, []);
}

/** The button in the header of every screen. */
export function QuickExitButton() {
  useEscapeExit();
  return (
    <button type="button" class="quick-exit" onClick={quickExit} title="Leave Hearth now (or press Escape three times)">
      Quick exit
    </button>
  );
}
