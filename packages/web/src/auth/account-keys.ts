import { forgetDevice } from '../device/device-store.ts';
import { checkPassword, err, fromB64, ok, toB64, type Result } from '@hearth/core';
import { recoveryStartResponse, sessionResponse } from '@hearth/core/api';
import {
  createRecoveryKey,
  generateKeyBundle,
  newSalt,
  profileBody,
  recoveryKeyFromWords,
  sealJson,
  unwrapKeyBundle,
  wrapKeyBundle,
} from '@hearth/core/crypto';
import { deriveKeys } from '../crypto/derive.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked, recoveryWordsStore, type Unlocked } from '../shared/session.ts';
import { becomeUnlocked, deriveForEmail, detectTimeZone, wrongPassword } from './account.ts';

/**
 * Making and re-wrapping keys: creating an account, recovering it with the 12 words,
 * changing the password. Apart from signing in (account.ts), so the start-up download
 * holds neither the recovery word list nor the password rules; the screens that use
 * these fetch them (decision 0046).
 */

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
  // Recovery ended every device's unlock on the server; this device forgets its part too.
  await forgetDevice();
  return ok(becomeUnlocked(res.value.user, bundle.value));
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
  // The server ended every device's unlock with the old password (decision 0053); this one forgets its part.
  await forgetDevice();
  return ok(undefined);
}
