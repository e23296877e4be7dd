import { Hono } from 'hono';
import { toB64 } from '@hearth/core';
import {
  acceptInviteRequest,
  createInviteRequest,
  openInviteRequest,
  uuid,
  type InviteView,
  type OpenInviteResponse,
} from '@hearth/core/api';
import { requireActive, requireMember, requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { limitAttempt } from '../http/rate-limited.ts';
import { bytes, readBody, readId } from '../http/validate.ts';
import { spaceResponse } from '../space/routes.ts';
import { acceptInvite, createInvite, openInvite } from './service.ts';
import { pendingInvites, revokeInvite, type InviteRow } from './store.ts';

const inviteView = (i: InviteRow): InviteView => ({
  id: i.id,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

export const inviteRoutes = new Hono<AppEnv>()
  .post('/space/invites', async (c) => {
    const { user, space } = await requireMember(c);
    const body = await readBody(c, createInviteRequest);
    const invite = unwrap(
      await createInvite(c.var.deps, user.id, space.id, {
        inviteId: body.inviteId,
        sealedPayload: bytes(body.sealedPayload, 'sealedPayload'),
        proofHash: bytes(body.proofHash, 'proofHash'),
      }),
    );
    return c.json({ invite: inviteView(invite) }, 201);
  })
  .get('/space/invites', async (c) => {
    const { space } = await requireMember(c);
    const pending = await pendingInvites(c.var.deps.db, space.id, c.var.deps.now());
    return c.json({ invites: pending.map(inviteView) });
  })
  .delete('/space/invites/:id', async (c) => {
    const { space } = await requireMember(c);
    requireActive(space);
    const id = readId(c, uuid);
    if (!(await revokeInvite(c.var.deps.db, space.id, id, c.var.deps.now()))) {
      throw new HttpError('not_found', 'No pending invitation with that id.');
    }
    return c.body(null, 204);
  })
  // No session: the person opening the link may not have an account yet.
  .post('/invites/:id/open', async (c) => {
    const id = readId(c, uuid);
    const body = await readBody(c, openInviteRequest);
    await limitAttempt(c, 'invite', id);
    const invite = unwrap(await openInvite(c.var.deps, id, bytes(body.proof, 'proof')));
    const response: OpenInviteResponse = {
      inviteId: invite.id,
      spaceId: invite.spaceId,
      sealedPayload: toB64(invite.sealedPayload),
      expiresAt: invite.expiresAt.toISOString(),
    };
    return c.json(response);
  })
  .post('/invites/:id/accept', async (c) => {
    const { user } = await requireSession(c);
    const id = readId(c, uuid);
    const body = await readBody(c, acceptInviteRequest);
    await limitAttempt(c, 'invite', id);
    unwrap(
      await acceptInvite(c.var.deps, user.id, id, {
        proof: bytes(body.proof, 'proof'),
        wrappedSpaceKey: bytes(body.wrappedSpaceKey, 'wrappedSpaceKey'),
        profile: bytes(body.profile, 'profile'),
      }),
    );
    return c.json(await spaceResponse(c.var.deps.db, user.id));
  });
