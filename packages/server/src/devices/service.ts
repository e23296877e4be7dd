import { randomBytes, randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { equalBytes, err, ok, type Result } from '@hearth/core';
import { MAX_PIN_ATTEMPTS, type PasskeyAssertion, type PasskeyRegistration } from '@hearth/core/api';
import { DEVICE_SHARE_BYTES, sha256Bytes } from '@hearth/core/crypto';
import { transact } from '../db/transact.ts';
import type { Deps } from '../http/context.ts';
import type { UserRow } from '../auth/store.ts';
import { deleteDevice, deviceForUpdate, insertDevice, saveChallenge, takeChallenge, updateDevice, type TrustedDeviceRow } from './store.ts';

type DeviceDeps = Pick<Deps, 'db' | 'now'>;
/** Where WebAuthn runs: the relying party id (a host name) and the page's origin. */
export type RelyingParty = { readonly id: string; readonly origin: string };

const CHALLENGE_MS = 5 * 60_000;
const REGISTER = 'register';
const ENDED = 'Unlocking this device without your password has ended. Sign in with your password.';

export type Unlocked = { device: TrustedDeviceRow; share: Uint8Array };

/** Adds a PIN device: the server keeps the verifier and makes the share it will release. */
export async function addPinDevice(
  deps: DeviceDeps,
  user: UserRow,
  input: { id: string; label: string; pinVerifier: Uint8Array },
): Promise<Result<Unlocked, 'conflict'>> {
  const share = new Uint8Array(randomBytes(DEVICE_SHARE_BYTES));
  const at = deps.now();
  const device = await insertDevice(deps.db, { id: input.id, userId: user.id, label: input.label, kind: 'pin', share, pinVerifier: input.pinVerifier, createdAt: at });
  if (device === undefined) return err('conflict', 'This device is already set up.');
  return ok({ device, share });
}

/**
 * One PIN attempt, with the device row locked: concurrent guesses are counted one after
 * another, so however many arrive together, only five are ever checked. The fifth wrong
 * one removes the device, share and all (decision 0053).
 */
export async function unlockWithPin(
  deps: DeviceDeps,
  user: UserRow,
  id: string,
  pinProof: Uint8Array,
): Promise<Result<Unlocked, 'device_unlock_ended' | 'wrong_pin'>> {
  const outcome = await deps.db.transaction(async (tx) => {
    const device = await deviceForUpdate(tx, user.id, id);
    if (device?.kind !== 'pin' || device.pinVerifier === null) return { kind: 'ended' as const };
    if (equalBytes(sha256Bytes(pinProof), device.pinVerifier)) {
      const used = await updateDevice(tx, device.id, { failedAttempts: 0, lastUsedAt: deps.now() });
      return { kind: 'ok' as const, device: used ?? device };
    }
    const failed = device.failedAttempts + 1;
    if (failed >= MAX_PIN_ATTEMPTS) {
      await deleteDevice(tx, user.id, device.id);
      return { kind: 'ended' as const };
    }
    await updateDevice(tx, device.id, { failedAttempts: failed });
    return { kind: 'wrong' as const, left: MAX_PIN_ATTEMPTS - failed };
  });
  switch (outcome.kind) {
    case 'ok':
      return ok({ device: outcome.device, share: outcome.device.share });
    case 'ended':
      return err('device_unlock_ended', ENDED);
    case 'wrong':
      return err('wrong_pin', `That PIN isn't right. ${String(outcome.left)} ${outcome.left === 1 ? 'try' : 'tries'} left before this device needs your password.`);
  }
}

export async function passkeyRegistrationOptions(deps: DeviceDeps, user: UserRow, rp: RelyingParty) {
  const options = await generateRegistrationOptions({
    rpName: 'Hearth',
    rpID: rp.id,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    userDisplayName: 'Hearth',
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'discouraged', userVerification: 'required' },
  });
  await saveChallenge(deps.db, { id: randomUUID(), userId: user.id, purpose: REGISTER, challenge: options.challenge, expiresAt: new Date(deps.now().getTime() + CHALLENGE_MS) });
  return options;
}

export async function addPasskeyDevice(
  deps: DeviceDeps,
  user: UserRow,
  rp: RelyingParty,
  input: { id: string; label: string; registration: PasskeyRegistration },
): Promise<Result<Unlocked, 'invalid_credentials' | 'conflict'>> {
  // A plain transaction, not `transact`: a failed ceremony still uses its challenge up.
  return deps.db.transaction(async (tx): Promise<Result<Unlocked, 'invalid_credentials' | 'conflict'>> => {
    const challenge = await takeChallenge(tx, user.id, REGISTER, deps.now());
    if (challenge === undefined) return err('invalid_credentials', 'The passkey request expired. Try again.');
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response: { ...input.registration, response: { ...input.registration.response } },
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: true,
      });
    } catch {
      return err('invalid_credentials', 'That passkey could not be checked. Try again.');
    }
    if (!verified.verified) return err('invalid_credentials', 'That passkey could not be checked. Try again.');
    const { credential } = verified.registrationInfo;
    const share = new Uint8Array(randomBytes(DEVICE_SHARE_BYTES));
    const device = await insertDevice(tx, {
      id: input.id,
      userId: user.id,
      label: input.label,
      kind: 'passkey',
      share,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      signCount: credential.counter,
      createdAt: deps.now(),
    });
    if (device === undefined) return err('conflict', 'This device is already set up.');
    return ok({ device, share });
  });
}

export async function passkeyUnlockOptions(deps: DeviceDeps, user: UserRow, rp: RelyingParty, id: string): Promise<Result<Awaited<ReturnType<typeof generateAuthenticationOptions>>, 'device_unlock_ended'>> {
  return transact(deps.db, async (tx) => {
    const device = await deviceForUpdate(tx, user.id, id);
    if (device?.kind !== 'passkey' || device.credentialId === null) return err('device_unlock_ended', ENDED);
    const options = await generateAuthenticationOptions({ rpID: rp.id, allowCredentials: [{ id: device.credentialId }], userVerification: 'required' });
    await saveChallenge(tx, { id: randomUUID(), userId: user.id, purpose: device.id, challenge: options.challenge, expiresAt: new Date(deps.now().getTime() + CHALLENGE_MS) });
    return ok(options);
  });
}

export async function unlockWithPasskey(
  deps: DeviceDeps,
  user: UserRow,
  rp: RelyingParty,
  id: string,
  assertion: PasskeyAssertion,
): Promise<Result<Unlocked, 'device_unlock_ended' | 'invalid_credentials'>> {
  // A plain transaction, not `transact`: a failed assertion still uses its challenge up.
  return deps.db.transaction(async (tx): Promise<Result<Unlocked, 'device_unlock_ended' | 'invalid_credentials'>> => {
    const device = await deviceForUpdate(tx, user.id, id);
    if (device?.kind !== 'passkey' || device.credentialId === null || device.publicKey === null) return err('device_unlock_ended', ENDED);
    const challenge = await takeChallenge(tx, user.id, device.id, deps.now());
    if (challenge === undefined) return err('invalid_credentials', 'The unlock request expired. Try again.');
    let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verified = await verifyAuthenticationResponse({
        response: { ...assertion, response: { ...assertion.response } },
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: { id: device.credentialId, publicKey: new Uint8Array(device.publicKey), counter: device.signCount },
        requireUserVerification: true,
      });
    } catch {
      return err('invalid_credentials', "That passkey didn't unlock Hearth. Try again.");
    }
    if (!verified.verified) return err('invalid_credentials', "That passkey didn't unlock Hearth. Try again.");
    const used = await updateDevice(tx, device.id, { signCount: verified.authenticationInfo.newCounter, lastUsedAt: deps.now() });
    return ok({ device: used ?? device, share: device.share });
  });
}
