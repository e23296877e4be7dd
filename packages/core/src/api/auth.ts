import { z } from 'zod/mini';
import { b64Bytes, email, sealedSmall, timeZone } from './common.ts';
import { userView } from './settings.ts';

export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

export const saltRequest = z.object({ email });
export const saltResponse = z.object({ salt: b64Bytes(SALT_BYTES) });

/** Everything the client sends at sign-up: no password, no plaintext key. */
export const signupRequest = z.object({
  email,
  salt: b64Bytes(SALT_BYTES),
  authKey: b64Bytes(KEY_BYTES),
  recoveryAuthKey: b64Bytes(KEY_BYTES),
  publicKey: b64Bytes(KEY_BYTES),
  keysByPassword: sealedSmall,
  keysByRecovery: sealedSmall,
  /** Display name, sealed under the personal key. */
  profile: sealedSmall,
  timeZone,
});

export const loginRequest = z.object({ email, authKey: b64Bytes(KEY_BYTES) });

/** What a device needs to get its keys back after proving the password. */
export const keyMaterial = z.object({
  publicKey: b64Bytes(KEY_BYTES),
  keysByPassword: sealedSmall,
});

export const sessionResponse = z.object({ user: userView, keys: keyMaterial });

export const confirmRequest = z.object({ authKey: b64Bytes(KEY_BYTES) });

/** Deleting an account carries the password proof itself: nothing else is as final (decision 0040). */
export const deleteAccountRequest = z.object({ authKey: b64Bytes(KEY_BYTES) });

export const changePasswordRequest = z.object({
  currentAuthKey: b64Bytes(KEY_BYTES),
  newSalt: b64Bytes(SALT_BYTES),
  newAuthKey: b64Bytes(KEY_BYTES),
  newKeysByPassword: sealedSmall,
});

export const recoveryStartRequest = z.object({ email, recoveryAuthKey: b64Bytes(KEY_BYTES) });
export const recoveryStartResponse = z.object({
  publicKey: b64Bytes(KEY_BYTES),
  keysByRecovery: sealedSmall,
});

export const recoveryCompleteRequest = z.object({
  email,
  recoveryAuthKey: b64Bytes(KEY_BYTES),
  newSalt: b64Bytes(SALT_BYTES),
  newAuthKey: b64Bytes(KEY_BYTES),
  newKeysByPassword: sealedSmall,
});

export type SignupRequest = z.infer<typeof signupRequest>;
export type LoginRequest = z.infer<typeof loginRequest>;
export type KeyMaterial = z.infer<typeof keyMaterial>;
export type SessionResponse = z.infer<typeof sessionResponse>;
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
export type RecoveryStartResponse = z.infer<typeof recoveryStartResponse>;
export type RecoveryCompleteRequest = z.infer<typeof recoveryCompleteRequest>;
