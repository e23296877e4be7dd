import { Hono } from 'hono';
import { createSpaceRequest, updateProfileRequest } from '@hearth/core/api';
import { requireActive, requireMember, requireRecentConfirm, requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { bytes, readBody } from '../http/validate.ts';
import { createSpace, leaveSpace } from './service.ts';
import { memberOf, membersOf, updateMemberProfile } from './store.ts';
import { spaceView } from './views.ts';
import type { Db } from '../db/open.ts';

/** The caller's view of their space, as POST /api/spaces and invitation accept answer it. */
export async function spaceResponse(db: Db, userId: string) {
  const found = await memberOf(db, userId);
  if (found === undefined) throw new HttpError('not_in_space', 'You are not in a space yet.');
  return { space: spaceView(found.space, await membersOf(db, found.space.id), userId) };
}

export const spaceRoutes = new Hono<AppEnv>()
  .post('/spaces', async (c) => {
    const { user } = await requireSession(c);
    const body = await readBody(c, createSpaceRequest);
    unwrap(
      await createSpace(c.var.deps, user.id, {
        spaceId: body.spaceId,
        wrappedSpaceKey: bytes(body.wrappedSpaceKey, 'wrappedSpaceKey'),
        profile: bytes(body.profile, 'profile'),
      }),
    );
    return c.json(await spaceResponse(c.var.deps.db, user.id), 201);
  })
  .get('/space', async (c) => {
    const { user, space } = await requireMember(c);
    return c.json({ space: spaceView(space, await membersOf(c.var.deps.db, space.id), user.id) });
  })
  .put('/space/profile', async (c) => {
    const { user, space } = await requireMember(c);
    const body = await readBody(c, updateProfileRequest);
    requireActive(space);
    await updateMemberProfile(c.var.deps.db, space.id, user.id, bytes(body.profile, 'profile'));
    return c.body(null, 204);
  })
  .post('/space/leave', async (c) => {
    const { user, session, space } = await requireMember(c);
    requireRecentConfirm(session, c.var.deps.now());
    unwrap(await leaveSpace(c.var.deps, user.id, space.id));
    return c.body(null, 204);
  });
