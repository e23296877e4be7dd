import { z } from 'zod/mini';
import { err, fromB64, ok, toB64, type Result } from '@hearth/core';
import { saltResponse, sessionResponse, userView, type SessionResponse } from '@hearth/core/api';
import { unwrapKeyBundle, type KeyBundle } from '@hearth/core/crypto';
import { deriveKeys, type DerivedKeys } from '../crypto/derive.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked, openProfile, recoveryWordsStore, sessionStore, wipeKeys, type SessionState, type Unlocked } from '../shared/session.ts';
import { clearPendingInvite } from '../space/pending-invite.ts';
import { wipeSpace } from '../space/space.ts';
import { clearSpark } from '../spark/spark-store.ts';
import { applyTheme } from '../shared/theme.ts';
import { forgetDevice, readDevice, type DeviceRecord } from '../device/device-store.ts';
import { savedUser, saveUser, wipeCopy } from '../sync/device-copy.ts';
import { resetOutboxStatus } from '../sync/outbox.ts';

const meResponse = z.object({ user: userView });

/** The locked state for this person: with this device's way to unlock without the password, when it has one for them. */
async function lockedFor(user: { id: string; email: string }): Promise<SessionState> {
  const record = await readDevice();
  // Someone else's unlock on this browser is of no use to this person; it goes.
  if (record !== null && record.userId !== user.id) await forgetDevice();
  return record?.userId === user.id ? { status: 'locked', email: user.email, device: record.kind } : { status: 'locked', email: user.email };
}

/** On start: is there a session cookie? Keys are never restored; the person unlocks again (with the device's unlock when set up). */
export async function bootstrapSession(): Promise<void> {
  const res = await api.get(endpoints.me, meResponse);
  const status = sessionStore.get().status;
  if (status !== 'loading' && status !== 'offline') return;
  if (!res.ok && res.code === 'network') {
    sessionStore.set(await offlineState());
    return;
  }
  if (res.ok) {
    applyTheme(res.value.user.theme);
    sessionStore.set(await lockedFor(res.value.user));
  } else {
    sessionStore.set({ status: 'signed-out' });
  }
}

/**
 * Without the server: a passkey device that kept its offline copy opens with the passkey
 * (decision 0062); anything else shows the offline shell.
 */
async function offlineState(): Promise<SessionState> {
  const record = await readDevice();
  if (record?.kind !== 'passkey' || record.offlineSealed === undefined) return { status: 'offline' };
  const user = await savedUser(record.userId);
  return user === null ? { status: 'offline' } : { status: 'locked', email: user.email, device: 'passkey' };
}

export function becomeUnlocked(user: SessionResponse['user'], keys: KeyBundle): Unlocked {
  const state: Unlocked = { status: 'unlocked', user, keys, displayName: openProfile(user.profile, keys.personalKey) };
  wipeSpace();
  clearSpark();
  sessionStore.set(state);
  applyTheme(user.theme);
  void saveUser(user);
  return state;
}

function unlockWith(session: SessionResponse, masterKey: Uint8Array): Result<Unlocked> {
  const wrapped = fromB64(session.keys.keysByPassword);
  const bundle = wrapped.ok ? unwrapKeyBundle(wrapped.value, masterKey, 'password') : null;
  if (!bundle?.ok) return err('keys_unreadable', "Your keys couldn't be opened on this device. Try signing in again.");
  return ok(becomeUnlocked(session.user, bundle.value));
}

export async function deriveForEmail(email: string, password: string): Promise<Result<DerivedKeys>> {
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

/**
 * Deletes the account for good (issue #10): the password proof goes with the request
 * and the server checks it. Then this device forgets everything, as at sign-out.
 */
export async function deleteAccount(password: string): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in again.');
  const derived = await deriveForEmail(session.user.email, password);
  if (!derived.ok) return derived;
  derived.value.masterKey.fill(0);
  const res = await api.send('POST', endpoints.deleteAccount, { authKey: toB64(derived.value.authKey) });
  if (!res.ok) return res.code === 'invalid_credentials' ? wrongPassword() : res;
  // The server removed the account's devices with it; this one forgets its part.
  await forgetDevice();
  await wipeDevice();
  sessionStore.set({ status: 'signed-out' });
  return ok(undefined);
}

export const wrongPassword = () => err('wrong_password', "That password isn't right. Please try again.");

/**
 * Forgets everything this tab knows: keys, decrypted state, storage and non-shell caches,
 * and the device's sealed copy with its outbox unless `keepCopy` (a session that timed out:
 * the same person signs in again and their unsent writes go then).
 */
export async function wipeDevice({ keepCopy = false }: { keepCopy?: boolean } = {}): Promise<void> {
  if (!keepCopy) {
    resetOutboxStatus();
    await wipeCopy();
  }
  const s = sessionStore.get();
  if (s.status === 'unlocked') wipeKeys(s.keys);
  wipeSpace();
  clearSpark();
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
  await import('../notifications/push.ts').then((push) => push.unsubscribeThisDevice()).catch(() => undefined);
  await endDeviceUnlock();
  await api.send('POST', endpoints.logout);
  await wipeDevice();
  sessionStore.set({ status: 'signed-out' });
}

/** Ends this device's unlock, on the server and every trace here (sign-out, another account, a new setup); returns what it was. */
export async function endDeviceUnlock(): Promise<DeviceRecord | null> {
  const record = await readDevice();
  if (record !== null) await api.send('DELETE', endpoints.device(record.deviceId));
  await forgetDevice();
  return record;
}

/**
 * The idle lock and Quick exit: keys and decrypted state leave memory; the session and this
 * device's unlock stay, so the next open asks for the PIN or the passkey.
 */
export async function lockNow(): Promise<void> {
  const s = sessionStore.get();
  if (s.status !== 'unlocked') return;
  const locked = await lockedFor(s.user);
  wipeKeys(s.keys);
  wipeSpace();
  clearSpark();
  sessionStore.set(locked);
}

/** The server ended the session (timeout, sign-out elsewhere): lock and ask for the password. */
export function lockAfterSessionLoss(): void {
  const s = sessionStore.get();
  if (s.status !== 'unlocked') return;
  const email = s.user.email;
  void wipeDevice({ keepCopy: true }).then(() => sessionStore.set({ status: 'signed-out', email }));
}

export function detectTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
