import { toB64 } from '@hearth/core';
import type { SpaceView } from '@hearth/core/api';
import type { MembershipRow, SpaceRow } from './store.ts';

export function spaceView(space: SpaceRow, members: readonly (MembershipRow & { timeZone: string })[], me: string): SpaceView {
  const mine = members.find((m) => m.userId === me);
  if (mine === undefined) throw new Error('spaceView called for a non-member');
  return {
    id: space.id,
    status: space.status,
    createdAt: space.createdAt.toISOString(),
    endedAt: space.endedAt?.toISOString() ?? null,
    members: members.map((m) => ({
      userId: m.userId,
      joinedAt: m.joinedAt.toISOString(),
      profile: toB64(m.profile),
      isMe: m.userId === me,
      timeZone: m.timeZone,
    })),
    wrappedSpaceKey: toB64(mine.wrappedSpaceKey),
  };
}
