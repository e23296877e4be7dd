import { endEveryDeviceUnlock } from '../devices/store.ts';
import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '@hearth/core';
import type { Deps } from '../http/context.ts';
import { hashSecret, verifySecret } from './secret-hash.ts';
import { newSessionToken } from './session-token.ts';
import {
  confirmSession,
  deleteOtherSessions,
  deleteSession,
  insertSession,
  insertUser,
  updateUser,
  userByEmail,
  type NewUser,
  type UserRow,
} from './store.ts';

export type ServiceDeps = Pick<Deps, 'db' | 'now' | 'hashParams' | 'decoy'>;

/** Decoded sign-up fields: the handler has already turned base64 into bytes. */
export type SignupInput = {
  email: string;
  salt: Uint8Array;
  authKey: Uint8Array;
  recoveryAuthKey: Uint8Array;
  publicKey: Uint8Array;
  keysByPassword: Uint8Array;
  keysByRecovery: Uint8Array;
  profile: Uint8Array;
  timeZone: string;
};

export type NewSession = { readonly user: UserRow; readonly token: string; readonly tokenHash: Uint8Array };

/** The API schema only checks the shape of a zone name; Intl knows which zones exist. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const INVALID_CREDENTIALS = 'That email and password do not match an account.';

async function startSession(deps: ServiceDeps, user: UserRow, userAgent: string | undefined): Promise<NewSession> {
  const { token, hash } = newSessionToken();
  const at = deps.now();
  await insertSession(deps.db, { tokenHash: hash, userId: user.id, createdAt: at, lastSeenAt: at, userAgent: userAgent?.slice(0, 256) ?? null });
  return { user, token, tokenHash: hash };
}

export async function signup(
  deps: ServiceDeps,
  input: SignupInput,
  userAgent: string | undefined,
): Promise<Result<NewSession, 'email_taken' | 'invalid_input'>> {
  if (!isKnownTimeZone(input.timeZone)) return err('invalid_input', 'timeZone: unknown time zone');
  const [authHash, recoveryAuthHash] = await Promise.all([
    hashSecret(input.authKey, deps.hashParams),
    hashSecret(input.recoveryAuthKey, deps.hashParams),
  ]);
  const at = deps.now();
  const row: NewUser = {
    id: randomUUID(),
    email: input.email,
    salt: input.salt,
    authHash,
    recoveryAuthHash,
    publicKey: input.publicKey,
    keysByPassword: input.keysByPassword,
    keysByRecovery: input.keysByRecovery,
    profile: input.profile,
    timeZone: input.timeZone,
    createdAt: at,
    updatedAt: at,
  };
  return deps.db.transaction(async (tx) => {
    const user = await insertUser(tx, row);
    if (user === undefined) return err('email_taken', 'An account with this email already exists. Try signing in.');
    return ok(await startSession({ ...deps, db: tx }, user, userAgent));
  });
}

/** Checks a secret against a user's stored hash; unknown users still cost one hash, against a decoy. */
async function checkSecret(deps: ServiceDeps, user: UserRow | undefined, secret: Uint8Array, which: 'auth' | 'recovery'): Promise<boolean> {
  if (user === undefined) {
    await verifySecret(secret, await deps.decoy());
    return false;
  }
  return verifySecret(secret, which === 'auth' ? user.authHash : user.recoveryAuthHash);
}

export async function login(
  deps: ServiceDeps,
  input: { email: string; authKey: Uint8Array },
  previous: Uint8Array | undefined,
  userAgent: string | undefined,
): Promise<Result<NewSession, 'invalid_credentials'>> {
  const user = await userByEmail(deps.db, input.email);
  if (!(await checkSecret(deps, user, input.authKey, 'auth')) || user === undefined) {
    return err('invalid_credentials', INVALID_CREDENTIALS);
  }
  return deps.db.transaction(async (tx) => {
    // A fresh token at every sign-in: a token planted before sign-in (fixation) dies here.
    if (previous !== undefined) await deleteSession(tx, previous);
    return ok(await startSession({ ...deps, db: tx }, user, userAgent));
  });
}

export async function confirm(
  deps: ServiceDeps,
  user: UserRow,
  tokenHash: Uint8Array,
  authKey: Uint8Array,
): Promise<Result<void, 'invalid_credentials'>> {
  if (!(await verifySecret(authKey, user.authHash))) return err('invalid_credentials', 'That password is not right.');
  await confirmSession(deps.db, tokenHash, deps.now());
  return ok(undefined);
}

export async function changePassword(
  deps: ServiceDeps,
  user: UserRow,
  tokenHash: Uint8Array,
  input: { currentAuthKey: Uint8Array; newSalt: Uint8Array; newAuthKey: Uint8Array; newKeysByPassword: Uint8Array },
): Promise<Result<void, 'invalid_credentials'>> {
  if (!(await verifySecret(input.currentAuthKey, user.authHash))) {
    return err('invalid_credentials', 'The current password is not right.');
  }
  const authHash = await hashSecret(input.newAuthKey, deps.hashParams);
  await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { salt: input.newSalt, authHash, keysByPassword: input.newKeysByPassword, updatedAt: deps.now() });
    await deleteOtherSessions(tx, user.id, tokenHash);
    // Every device unlocked without the password stops (decision 0053): the new password is needed once on each.
    await endEveryDeviceUnlock(tx, user.id);
  });
  return ok(undefined);
}

export async function recoveryStart(
  deps: ServiceDeps,
  input: { email: string; recoveryAuthKey: Uint8Array },
): Promise<Result<UserRow, 'invalid_credentials'>> {
  const user = await userByEmail(deps.db, input.email);
  if (!(await checkSecret(deps, user, input.recoveryAuthKey, 'recovery')) || user === undefined) {
    return err('invalid_credentials', 'That email and recovery key do not match an account.');
  }
  return ok(user);
}

export async function recoveryComplete(
  deps: ServiceDeps,
  input: { email: string; recoveryAuthKey: Uint8Array; newSalt: Uint8Array; newAuthKey: Uint8Array; newKeysByPassword: Uint8Array },
  userAgent: string | undefined,
): Promise<Result<NewSession, 'invalid_credentials'>> {
  const started = await recoveryStart(deps, input);
  if (!started.ok) return started;
  const authHash = await hashSecret(input.newAuthKey, deps.hashParams);
  return deps.db.transaction(async (tx) => {
    const updated = await updateUser(tx, started.value.id, {
      salt: input.newSalt,
      authHash,
      keysByPassword: input.newKeysByPassword,
      updatedAt: deps.now(),
    });
    if (updated === undefined) return err('invalid_credentials', 'That account no longer exists.');
    // Whoever held the old password is signed out everywhere.
    await deleteOtherSessions(tx, updated.id, undefined);
    await endEveryDeviceUnlock(tx, updated.id);
    return ok(await startSession({ ...deps, db: tx }, updated, userAgent));
  });
}

export type SettingsInput = {
  timeZone?: string | undefined;
  activeHours?: { start: string; end: string } | undefined;
  quietHours?: { start: string; end: string } | null | undefined;
  theme?: string | undefined;
  weeklyDigest?: boolean | undefined;
  reminderEmail?: boolean | undefined;
  profile?: Uint8Array | undefined;
};

export async function updateSettings(deps: ServiceDeps, user: UserRow, input: SettingsInput): Promise<Result<UserRow, 'invalid_input'>> {
  if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) return err('invalid_input', 'timeZone: unknown time zone');
  const changes: Partial<NewUser> = { updatedAt: deps.now() };
  if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
  if (input.activeHours !== undefined) {
    changes.activeStart = input.activeHours.start;
    changes.activeEnd = input.activeHours.end;
  }
  if (input.quietHours !== undefined) {
    changes.quietStart = input.quietHours?.start ?? null;
    changes.quietEnd = input.quietHours?.end ?? null;
  }
  if (input.theme !== undefined) changes.theme = input.theme;
  if (input.weeklyDigest !== undefined) changes.weeklyDigest = input.weeklyDigest;
  if (input.reminderEmail !== undefined) changes.reminderEmail = input.reminderEmail;
  if (input.profile !== undefined) changes.profile = input.profile;
  const updated = await updateUser(deps.db, user.id, changes);
  return updated === undefined ? err('invalid_input', 'Account not found.') : ok(updated);
}
