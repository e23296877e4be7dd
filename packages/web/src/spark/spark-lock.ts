import { z } from 'zod/mini';
import { equalBytes, err, fromB64, ok, toB64, type Result } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { confirmPassword } from '../auth/account.ts';
import { deriveKeys } from '../crypto/derive.ts';
import { sparkUnlockedStore } from './use-spark.ts';

/**
 * Spark's own app lock (decision 0035). The choice lives on this device only: the
 * password (checked by the server's usual re-authentication, key derivation on the
 * device) or a device PIN, of which only a salted Argon2id verifier is kept, in this
 * browser's storage, never sent anywhere. Unlocking lasts until Spark is left, the
 * tab is hidden, or nothing happens for a few minutes.
 */
export const SPARK_LOCK_IDLE_MS = 5 * 60_000;
export const PIN_PATTERN = /^\d{4,8}$/;

const lockSetting = z.union([
  z.object({ mode: z.literal('password') }),
  z.object({ mode: z.literal('pin'), salt: z.string(), verifier: z.string() }),
]);
export type SparkLockSetting = z.infer<typeof lockSetting>;

const storageKey = (userId: string) => `hearth.spark-lock.${userId}`;

export function readLockSetting(userId: string): SparkLockSetting | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (raw === null) return null;
    const parsed = lockSetting.safeParse(JSON.parse(raw));
    // An unreadable setting locks with the password rather than silently not locking.
    return parsed.success ? parsed.data : { mode: 'password' };
  } catch {
    return null;
  }
}

function writeLockSetting(userId: string, setting: SparkLockSetting | null): Result<void> {
  try {
    if (setting === null) localStorage.removeItem(storageKey(userId));
    else localStorage.setItem(storageKey(userId), JSON.stringify(setting));
    return ok(undefined);
  } catch {
    return err('storage', "This browser won't let Hearth remember the lock. Check that site storage is allowed.");
  }
}


async function pinVerifier(pin: string, salt: Uint8Array): Promise<Result<Uint8Array>> {
  const derived = await deriveKeys(pin, salt);
  if (!derived.ok) return derived;
  derived.value.masterKey.fill(0);
  return ok(derived.value.authKey);
}

export async function lockWithPassword(userId: string): Promise<Result<void>> {
  const saved = writeLockSetting(userId, { mode: 'password' });
  if (saved.ok) sparkUnlockedStore.set(true);
  return saved;
}

export async function setPin(userId: string, pin: string, again: string): Promise<Result<void>> {
  if (!PIN_PATTERN.test(pin)) return err('invalid_pin', 'A PIN is 4 to 8 digits.');
  if (pin !== again) return err('pin_mismatch', "The two PINs don't match.");
  const salt = randomBytes(16);
  const verifier = await pinVerifier(pin, salt);
  if (!verifier.ok) return verifier;
  const saved = writeLockSetting(userId, { mode: 'pin', salt: toB64(salt), verifier: toB64(verifier.value) });
  if (saved.ok) sparkUnlockedStore.set(true);
  return saved;
}

/** Turning the lock off needs the account password, whichever lock is set (DESIGN §5.6). */
export async function removeLock(userId: string, password: string): Promise<Result<void>> {
  const confirmed = await confirmPassword(password);
  if (!confirmed.ok) return confirmed;
  return writeLockSetting(userId, null);
}

export async function unlockSpark(userId: string, secret: string): Promise<Result<void>> {
  const setting = readLockSetting(userId);
  if (setting === null) {
    sparkUnlockedStore.set(true);
    return ok(undefined);
  }
  if (setting.mode === 'password') {
    const confirmed = await confirmPassword(secret);
    if (!confirmed.ok) return confirmed;
  } else {
    const salt = fromB64(setting.salt);
    const expected = fromB64(setting.verifier);
    if (!salt.ok || !expected.ok) return err('storage', 'The PIN saved on this device is damaged. Unlock with your password by removing the lock in Spark settings.');
    const verifier = await pinVerifier(secret, salt.value);
    if (!verifier.ok) return verifier;
    if (!equalBytes(verifier.value, expected.value)) return err('wrong_pin', "That PIN isn't right.");
  }
  sparkUnlockedStore.set(true);
  return ok(undefined);
}
