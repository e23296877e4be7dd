import { z } from 'zod';
import { checkPassword, err, fromB64, ok, toB64, type Result } from '@hearth/core';
import {
  recoveryStartResponse,
  saltResponse,
  sessionResponse,
  userView,
  type SessionResponse,
} from '@hearth/core/api';
import {
  createRecoveryKey,
  generateKeyBundle,
  newSalt,
  profileBody,
  recoveryKeyFromWords,
  sealJson,
  unwrapKeyBundle,
  wrapKeyBundle,
  type KeyBundle,
} from '@hearth/core/crypto';
import { deriveKeys, type DerivedKeys } from '../crypto/derive.ts';
import { unsubscribeThisDevice } from '../notifications/push.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked, openProfile, recoveryWordsStore, sessionStore, wipeKeys, type Unlocked } from '../shared/session.ts';
import { clearPendingInvite } from '../space/pending-invite.ts';
import { wipeSpace } from '../space/space.ts';
import { applyTheme } from '../shared/theme.ts';

const meResponse = z.object({ user: userView });

/** On start: is there a session cookie? Keys are never restored; the person unlocks again. */
export async function bootstrapSession(): Promise<void> {
  const res = await api.get(endpoints.me, meResponse);
  const status = sessionStore.get().status;
  if (status !== 'loading' && status !== 'offline') return;
  if (!res.ok && res.code === 'network') {
    sessionStore.set({ status: 'offline' });
    return;
  }
  if (res.ok) {
    applyTheme(res.value.user.theme);
    sessionStore.set({ status: 'locked', email: res.value.user.email });
  } else {
    sessionStore.set({ status: 'signed-out' });
  }
}

function becomeUnlocked(user: SessionResponse['user'], keys: KeyBundle): Unlocked {
  const state: Unlocked = { status: 'unlocked', user, keys, displayName: openProfile(user.profile, keys.personalKey) };
  wipeSpace();
  sessionStore.set(state);
  applyTheme(user.theme);
  return state;
}

function unlockWith(session: SessionResponse, masterKey: Uint8Array): Result<Unlocked> {
  const wrapped = fromB64(session.keys.keysByPassword);
  const bundle = wrapped.ok ? unwrapKeyBundle(wrapped.value, masterKey, 'password') : null;
  if (!bundle?.ok) return err('keys_unreadable', "Your keys couldn't be opened on this device. Try signing in again.");
  return ok(becomeUnlocked(session.user, bundle.value));
}

export type SignUpInput = { email: string; password: string; displayName: string };

export async function signUp(input: SignUpInput): Promise<Result<Unlocked>> {
  const pw = checkPassword(input.password);
  if (!pw.ok) return pw;
  const displayName = input.displayName.trim();
  if (!profileBody.safeParse({ displayName }).success) return err('invalid_name', 'Please enter a display name of up to 60 characters.');
  const salt = newSalt();
  const derived = await deriveKeys(input.password, salt);
  if (!derived.ok) return derived;
  const bundle = generateKeyBundle();
  const recovery = createRecoveryKey();
  const res = await api.post(
    endpoints.signup,
    {
      email: input.email.trim(),
      salt: toB64(salt),
      authKey: toB64(derived.value.authKey),
      recoveryAuthKey: toB64(recovery.authKey),
      publicKey: toB64(bundle.publicKey),
      keysByPassword: toB64(wrapKeyBundle(bundle, derived.value.masterKey, 'password')),
      keysByRecovery: toB64(wrapKeyBundle(bundle, recovery.wrapKey, 'recovery')),
      profile: toB64(sealJson({ displayName }, bundle.personalKey, { type: 'user-profile' })),
      timeZone: detectTimeZone(),
    },
    sessionResponse,
  );
  derived.value.masterKey.fill(0);
  if (!res.ok) return res;
  recoveryWordsStore.set(recovery.words);
  return ok(becomeUnlocked(res.value.user, bundle));
}

async function deriveForEmail(email: string, password: string): Promise<Result<DerivedKeys>> {
  const salt = await api.post(endpoints.salt, { email: email.trim() }, saltResponse);
  if (!salt.ok) return salt;
  const bytes = fromB64(salt.value.salt);
  if (!bytes.ok) return bytes;
  return deriveKeys(password, bytes.value);
}

export async function signIn(email: string, password: string): Promise<Result<Unlocked>> {
  const derived = await deriveForEmail(email, password);
  if (!derived.ok) return derived;
  const res = await api.post(endpoints.login, { email: email.trim(), authKey: toB64(derived.value.authKey) }, sessionResponse);
  if (!res.ok) {
    derived.value.masterKey.fill(0);
    return res;
  }
  const unlocked = unlockWith(res.value, derived.value.masterKey);
  derived.value.masterKey.fill(0);
  return unlocked;
}

export async function recoverAccount(email: string, words: string, newPassword: string): Promise<Result<Unlocked>> {
  const recovery = recoveryKeyFromWords(words);
  if (!recovery.ok) return recovery;
  const pw = checkPassword(newPassword);
  if (!pw.ok) return pw;
  const recoveryAuthKey = toB64(recovery.value.authKey);
  const start = await api.post(endpoints.recoveryStart, { email: email.trim(), recoveryAuthKey }, recoveryStartResponse);
  if (!start.ok) return start;
  const wrapped = fromB64(start.value.keysByRecovery);
  const bundle = wrapped.ok ? unwrapKeyBundle(wrapped.value, recovery.value.wrapKey, 'recovery') : null;
  if (!bundle?.ok) return err('keys_unreadable', "Those words didn't open your keys. Check them and try again.");
  const salt = newSalt();
  const derived = await deriveKeys(newPassword, salt);
  if (!derived.ok) return derived;
  const res = await api.post(
    endpoints.recoveryComplete,
    {
      email: email.trim(),
      recoveryAuthKey,
      newSalt: toB64(salt),
      newAuthKey: toB64(derived.value.authKey),
      newKeysByPassword: toB64(wrapKeyBundle(bundle.value, derived.value.masterKey, 'password')),
    },
    sessionResponse,
  );
  derived.value.masterKey.fill(0);
  if (!res.ok) return res;
  return ok(becomeUnlocked(res.value.user, bundle.value));
}

/** Proves the password again before something that can't be undone (DESIGN §5.6). */
export async function confirmPassword(password: string): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in again.');
  const derived = await deriveForEmail(session.user.email, password);
  if (!derived.ok) return derived;
  derived.value.masterKey.fill(0);
  const res = await api.send('POST', endpoints.confirm, { authKey: toB64(derived.value.authKey) });
  if (!res.ok) return res.code === 'invalid_credentials' ? wrongPassword() : res;
  return ok(undefined);
}

export async function changePassword(current: string, next: string): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in again.');
  const pw = checkPassword(next);
  if (!pw.ok) return pw;
  const currentKeys = await deriveForEmail(session.user.email, current);
  if (!currentKeys.ok) return currentKeys;
  currentKeys.value.masterKey.fill(0);
  const salt = newSalt();
  const derived = await deriveKeys(next, salt);
  if (!derived.ok) return derived;
  const res = await api.send('POST', endpoints.password, {
    currentAuthKey: toB64(currentKeys.value.authKey),
    newSalt: toB64(salt),
    newAuthKey: toB64(derived.value.authKey),
    newKeysByPassword: toB64(wrapKeyBundle(session.keys, derived.value.masterKey, 'password')),
  });
  derived.value.masterKey.fill(0);
  if (!res.ok) return res.code === 'invalid_credentials' ? wrongPassword() : res;
  return ok(undefined);
}

const wrongPassword = () => err('wrong_password', "That password isn't right. Please try again.");

/** Forgets everything this tab knows: keys, decrypted state, storage and non-shell caches. */
export async function wipeDevice(): Promise<void> {
  const s = sessionStore.get();
  if (s.status === 'unlocked') wipeKeys(s.keys);
  wipeSpace();
  recoveryWordsStore.set(null);
  clearPendingInvite();
  try {
    sessionStorage.clear();
  } catch {
    // Storage unavailable: nothing was stored there either.
  }
  if ('caches' in self) {
    const names = await caches.keys().catch(() => []);
    // Workbox's precache holds only the public app shell; anything else could hold a response.
    await Promise.all(names.filter((n) => !n.startsWith('workbox-precache')).map((n) => caches.delete(n)));
  }
  applyTheme('system');
}

export async function signOut(): Promise<void> {
  // Signing out on purpose stops this device's notifications too (a timed-out session keeps them).
  await unsubscribeThisDevice().catch(() => undefined);
  await api.send('POST', endpoints.logout);
  await wipeDevice();
  sessionStore.set({ status: 'signed-out' });
}

/** The server ended the session (timeout, sign-out elsewhere): lock and ask for the password. */
export function lockAfterSessionLoss(): void {
  const s = sessionStore.get();
  if (s.status !== 'unlocked') return;
  const email = s.user.email;
  void wipeDevice().then(() => sessionStore.set({ status: 'signed-out', email }));
}

export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
