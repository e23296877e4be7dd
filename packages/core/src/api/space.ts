import { z } from 'zod/mini';
import { b64Bytes, sealedSmall, uuid } from './common.ts';

export const createSpaceRequest = z.object({
  /** Client-chosen so the wrapped key and profile can bind it before upload. */
  spaceId: uuid,
  /** The space key sealed to the creator's public key. */
  wrappedSpaceKey: sealedSmall,
  /** The creator's display name sealed under the space key. */
  profile: sealedSmall,
});

export const memberView = z.object({
  userId: uuid,
  joinedAt: z.string(),
  profile: sealedSmall,
  isMe: z.boolean(),
  /** The member's IANA time zone: schedule metadata (DESIGN §4), so both apps agree on the couple's day. */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
});

export const spaceView = z.object({
  id: uuid,
  status: z.enum(['active', 'ended']),
  createdAt: z.string(),
  endedAt: z.nullable(z.string()),
  members: z.array(memberView),
  /** The caller's copy of the space key, sealed to their public key. */
  wrappedSpaceKey: sealedSmall,
});

export const spaceResponse = z.object({ space: spaceView });

export const updateProfileRequest = z.object({ profile: sealedSmall });

export const createInviteRequest = z.object({
  inviteId: uuid,
  /** {spaceKey, inviterName} sealed under a key derived from the link secret. */
  sealedPayload: sealedSmall,
  /** SHA-256 of the proof derived from the link secret. */
  proofHash: b64Bytes(32),
});

export const inviteView = z.object({
  id: uuid,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export const inviteResponse = z.object({ invite: inviteView });
export const inviteListResponse = z.object({ invites: z.array(inviteView) });

export const openInviteRequest = z.object({ proof: b64Bytes(32) });
export const openInviteResponse = z.object({
  inviteId: uuid,
  spaceId: uuid,
  sealedPayload: sealedSmall,
  expiresAt: z.string(),
});

export const acceptInviteRequest = z.object({
  proof: b64Bytes(32),
  wrappedSpaceKey: sealedSmall,
  profile: sealedSmall,
});

export type CreateSpaceRequest = z.infer<typeof createSpaceRequest>;
export type SpaceView = z.infer<typeof spaceView>;
export type MemberView = z.infer<typeof memberView>;
export type CreateInviteRequest = z.infer<typeof createInviteRequest>;
export type InviteView = z.infer<typeof inviteView>;
export type OpenInviteResponse = z.infer<typeof openInviteResponse>;
export type AcceptInviteRequest = z.infer<typeof acceptInviteRequest>;
