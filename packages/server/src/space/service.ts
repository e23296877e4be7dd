import { err, ok, type Result } from '@hearth/core';
import { transact } from '../db/transact.ts';
import type { Deps } from '../http/context.ts';
import { deleteSpace, endSpace, insertMembership, insertSpace, lockSpace, memberCount, removeMember } from './store.ts';

type SpaceDeps = Pick<Deps, 'db' | 'now'>;

export async function createSpace(
  deps: SpaceDeps,
  userId: string,
  input: { spaceId: string; wrappedSpaceKey: Uint8Array; profile: Uint8Array },
): Promise<Result<void, 'already_in_space' | 'conflict'>> {
  const at = deps.now();
  return transact(deps.db, async (tx) => {
    const space = await insertSpace(tx, { id: input.spaceId, status: 'active', createdAt: at });
    if (space === undefined) return err('conflict', 'That space id is already taken; pick another.');
    const member = await insertMembership(tx, {
      spaceId: input.spaceId,
      userId,
      wrappedSpaceKey: input.wrappedSpaceKey,
      profile: input.profile,
      joinedAt: at,
    });
    if (member === undefined) return err('already_in_space', 'You are already in a space. Leave it before starting another.');
    return ok(undefined);
  });
}

/**
 * Leaving ends the space for both partners at once (DESIGN §5.6): the leaver loses
 * access and their private items now; the partner keeps read access to shared
 * history so they can export it. The last one out takes the space with them.
 */
export async function leaveSpace(deps: SpaceDeps, userId: string, spaceId: string): Promise<Result<void, 'not_in_space'>> {
  const at = deps.now();
  return transact(deps.db, async (tx) => {
    const space = await lockSpace(tx, spaceId);
    if (space === undefined) return err('not_in_space', 'You are not in a space.');
    await endSpace(tx, spaceId, at);
    await removeMember(tx, spaceId, userId);
    if ((await memberCount(tx, spaceId)) === 0) await deleteSpace(tx, spaceId);
    return ok(undefined);
  });
}
