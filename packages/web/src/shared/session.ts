import { fromB64 } from '@hearth/core';
import type { UserView } from '@hearth/core/api';
import { openJson, profileBody, type KeyBundle } from '@hearth/core/crypto';
import { createStore, useStore } from './store.ts';
import { saveUser } from '../sync/device-copy.ts';

/**
 * Who is using the app right now. Keys live only here, in memory: a reload drops them
 * and the person unlocks again (DESIGN §5.6, decision 0053).
 */
export type Unlocked = {
  readonly status: 'unlocked';
  readonly user: UserView;
  readonly keys: KeyBundle;
  /** null when the sealed profile could not be opened. */
  readonly displayName: string | null;
};

export type SessionState =
  | { readonly status: 'loading' }
  /** The server could not be reached when the app started (the offline shell). */
  | { readonly status: 'offline' }
  /** email: remembered when the server ended the session, to prefill sign-in. */
  | { readonly status: 'signed-out'; readonly email?: string }
  /**
   * A valid session cookie but no keys in memory (after a reload, or the idle lock).
   * device: how this device unlocks without the password, when it is set up (decision 0053).
   */
  | { readonly status: 'locked'; readonly email: string; readonly device?: 'pin' | 'passkey' }
  | Unlocked;

export const sessionStore = createStore<SessionState>({ status: 'loading' });
export const useSession = (): SessionState => useStore(sessionStore);

export function currentUnlocked(): Unlocked | null {
  const s = sessionStore.get();
  return s.status === 'unlocked' ? s : null;
}

/** The recovery words, held only until the person confirms they saved them. */
export const recoveryWordsStore = createStore<readonly string[] | null>(null);

/** Overwrites key bytes so they don't linger in memory after sign-out. */
export function wipeKeys(keys: KeyBundle): void {
  keys.secretKey.fill(0);
  keys.personalKey.fill(0);
}

export function displayNameOf(s: Unlocked): string {
  return s.displayName ?? 'you';
}

export function openProfile(sealedProfile: string, personalKey: Uint8Array): string | null {
  const bytes = fromB64(sealedProfile);
  if (!bytes.ok) return null;
  const opened = openJson(bytes.value, personalKey, { type: 'user-profile' }, profileBody);
  return opened.ok ? opened.value.displayName : null;
}

/** Takes a fresh user view from the server (after settings changes, joining or leaving). */
export function updateSessionUser(user: UserView): void {
  const s = currentUnlocked();
  if (!s) return;
  sessionStore.set({ ...s, user, displayName: openProfile(user.profile, s.keys.personalKey) });
  void saveUser(user);
}
