import { z } from 'zod/mini';
import { bytesToUtf8, fromB64, toB64, utf8ToBytes } from '../bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { associatedData, open, seal, type DecryptError } from './envelope.ts';
import type { InviteMaterial } from './space.ts';

export type OpenError = DecryptError | 'invalid_body';

/**
 * Where a sealed JSON body belongs. Each scope becomes the associated data, so the
 * server cannot move a body to another item, space, kind, visibility or purpose.
 */
export type SealScope =
  | {
      readonly type: 'item';
      readonly spaceId: string;
      readonly itemId: string;
      readonly kind: string;
      readonly visibility: 'shared' | 'private';
      /** Bound when set, so the server cannot move a reply under another check-in. */
      readonly parentId?: string | null;
    }
  | { readonly type: 'user-profile' }
  | { readonly type: 'member-profile'; readonly spaceId: string; readonly userId: string }
  | { readonly type: 'invite'; readonly inviteId: string; readonly spaceId: string };

function scopeAd(scope: SealScope): Uint8Array {
  switch (scope.type) {
    case 'item':
      // The parent field is appended only when present, so bodies sealed before
      // threads existed keep the associated data they were sealed with.
      return associatedData('item', [
        scope.spaceId,
        scope.itemId,
        scope.kind,
        scope.visibility,
        ...(scope.parentId ? ['parent', scope.parentId] : []),
      ]);
    case 'user-profile':
      return associatedData('user-profile', []);
    case 'member-profile':
      return associatedData('member-profile', [scope.spaceId, scope.userId]);
    case 'invite':
      return associatedData('invite', [scope.inviteId, scope.spaceId]);
  }
}

export function sealJson(value: unknown, key: Uint8Array, scope: SealScope): Uint8Array {
  return seal(key, utf8ToBytes(JSON.stringify(value)), scopeAd(scope));
}

/** Decrypts, parses and validates: decrypted JSON is outside data like any request body. */
export function openJson<T>(sealed: Uint8Array, key: Uint8Array, scope: SealScope, schema: z.core.$ZodType<T>): Result<T, OpenError> {
  const opened = open(key, sealed, scopeAd(scope));
  if (!opened.ok) return opened;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytesToUtf8(opened.value));
  } catch {
    return err('invalid_body', 'Decrypted body is not JSON.');
  }
  const checked = z.safeParse(schema, parsed);
  if (!checked.success) return err('invalid_body', `Decrypted body has an unexpected shape: ${checked.error.issues[0]?.message ?? ''}`);
  return ok(checked.data);
}

export const profileBody = z.object({ displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(60)) });
export type ProfileBody = z.infer<typeof profileBody>;

const invitePayloadBody = z.object({ spaceKey: z.string(), inviterName: z.string().check(z.maxLength(60)) });
export type InvitePayload = { readonly spaceKey: Uint8Array; readonly inviterName: string };

export function sealInvitePayload(
  payload: InvitePayload,
  material: InviteMaterial,
  ids: { inviteId: string; spaceId: string },
): Uint8Array {
  return sealJson({ spaceKey: toB64(payload.spaceKey), inviterName: payload.inviterName }, material.key, {
    type: 'invite',
    ...ids,
  });
}

export function openInvitePayload(
  sealed: Uint8Array,
  material: InviteMaterial,
  ids: { inviteId: string; spaceId: string },
): Result<InvitePayload, OpenError> {
  const opened = openJson(sealed, material.key, { type: 'invite', ...ids }, invitePayloadBody);
  if (!opened.ok) return opened;
  const spaceKey = fromB64(opened.value.spaceKey);
  if (!spaceKey.ok || spaceKey.value.length !== 32) return err('invalid_body', 'Invitation carries a malformed space key.');
  return ok({ spaceKey: spaceKey.value, inviterName: opened.value.inviterName });
}
