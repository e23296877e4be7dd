import { equalBytes, err, ok, type Result } from '@hearth/core';
import { hashProof } from '@hearth/core/crypto';
import { transact } from '../db/transact.ts';
import type { Deps } from '../http/context.ts';
import { insertMembership, lockSpace, memberCount, memberOf, type SpaceRow } from '../space/store.ts';
import { claimInvite, insertInvite, inviteById, revokePending, type InviteRow } from './store.ts';

type InviteDeps = Pick<Deps, 'db' | 'now'>;

export const INVITE_LIFETIME_MS = 7 * 86_400_000;

export async function createInvite(
  deps: InviteDeps,
  userId: string,
  spaceId: string,
  input: { inviteId: string; sealedPayload: Uint8Array; proofHash: Uint8Array },
): Promise<Result<InviteRow, 'space_ended' | 'space_full' | 'conflict' | 'not_in_space'>> {
  const at = deps.now();
  return transact(deps.db, async (tx) => {
    const space = await lockSpace(tx, spaceId);
    if (space === undefined) return err('not_in_space', 'You are not in a space.');
    const usable = spaceAcceptsPartner(space, await memberCount(tx, spaceId));
    if (!usable.ok) return usable;
    // One link at a time: a new invitation replaces any earlier one still pending.
    await revokePending(tx, spaceId, at);
    const invite = await insertInvite(tx, {
      id: input.inviteId,
      spaceId,
      createdBy: userId,
      sealedPayload: input.sealedPayload,
      proofHash: input.proofHash,
      createdAt: at,
      expiresAt: new Date(at.getTime() + INVITE_LIFETIME_MS),
    });
    if (invite === undefined) return err('conflict', 'That invitation id is already taken; pick another.');
    return ok(invite);
  });
}

function spaceAcceptsPartner(space: SpaceRow, members: number): Result<void, 'space_ended' | 'space_full'> {
  if (space.status !== 'active') return err('space_ended', 'This space has ended.');
  if (members >= 2) return err('space_full', 'This space already has two people in it.');
  return ok(undefined);
}

type GoneReason = 'invite_gone';

function whyGone(invite: InviteRow, at: Date): Result<void, GoneReason> {
  if (invite.usedAt !== null) return err('invite_gone', 'This invitation has already been used.');
  if (invite.revokedAt !== null) return err('invite_gone', 'This invitation was withdrawn. Ask your partner for a new link.');
  if (invite.expiresAt.getTime() <= at.getTime()) return err('invite_gone', 'This invitation has expired. Ask your partner for a new link.');
  return ok(undefined);
}

/**
 * Proof before status, so someone without the link learns nothing about the invitation,
 * not even that it exists: an unknown id and a wrong proof get the same answer.
 */
async function checkInvite(deps: InviteDeps, id: string, proof: Uint8Array): Promise<Result<InviteRow, 'invalid_proof' | GoneReason>> {
  const invite = await inviteById(deps.db, id);
  const proofHash = hashProof(proof);
  if (invite === undefined || !equalBytes(proofHash, invite.proofHash)) return err('invalid_proof', 'This invitation link is not complete or not right.');
  const gone = whyGone(invite, deps.now());
  return gone.ok ? ok(invite) : gone;
}

export async function openInvite(deps: InviteDeps, id: string, proof: Uint8Array) {
  return checkInvite(deps, id, proof);
}

export async function acceptInvite(
  deps: InviteDeps,
  userId: string,
  id: string,
  input: { proof: Uint8Array; wrappedSpaceKey: Uint8Array; profile: Uint8Array },
): Promise<Result<string, 'invalid_proof' | 'invite_gone' | 'already_in_space' | 'space_full' | 'space_ended'>> {
  const at = deps.now();
  return transact(deps.db, async (tx) => {
    if ((await memberOf(tx, userId)) !== undefined) {
      return err('already_in_space', 'You are already in a space. Leave it before joining another.');
    }
    const checked = await checkInvite({ ...deps, db: tx }, id, input.proof);
    if (!checked.ok) return checked;
    const spaceId = checked.value.spaceId;
    const space = await lockSpace(tx, spaceId);
    if (space === undefined) return err('invite_gone', 'This space no longer exists.');
    // Claim before counting members: of two joiners racing on one link, the loser
    // learns the link was used (410), not a confusing "space full".
    const claimed = await claimInvite(tx, id, userId, at);
    if (claimed === undefined) return err('invite_gone', 'This invitation has just been used.');
    const usable = spaceAcceptsPartner(space, await memberCount(tx, spaceId));
    if (!usable.ok) return usable;
    const member = await insertMembership(tx, {
      spaceId,
      userId,
      wrappedSpaceKey: input.wrappedSpaceKey,
      profile: input.profile,
      joinedAt: at,
    });
    if (member === undefined) return err('already_in_space', 'You are already in a space. Leave it before joining another.');
    return ok(spaceId);
  });
}
