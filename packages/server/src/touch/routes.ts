import { Hono, type Context } from 'hono';
import { isKnownTimeZone } from '../auth/service.ts';
import { nudgeDoneRequest, nudgePreferences, uuid } from '@hearth/core/api';
import { requireActive, requireMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { readBody, readId } from '../http/validate.ts';
import { answerNudge, isOwnNudge, savePreferences, touchOverview, type NudgeAction } from './service.ts';

/**
 * Touch (practice 3): a member's own nudges and settings. Every query is scoped by the
 * signed-in user from `requireMember`, so another couple's nudge id is simply not found.
 */
export const touchRoutes = new Hono<AppEnv>()
  .get('/touch', async (c) => {
    const { user } = await requireMember(c);
    const { db, now } = c.var.deps;
    return c.json(await touchOverview(db, user.id, now()));
  })
  .put('/touch/preferences', async (c) => {
    const { user, space } = await requireMember(c);
    requireActive(space);
    const body = await readBody(c, nudgePreferences);
    if (!isKnownTimeZone(body.timeZone)) throw new HttpError('invalid_input', 'timeZone: unknown time zone');
    const { db, now } = c.var.deps;
    await savePreferences(db, user.id, body, now());
    return c.json(await touchOverview(db, user.id, now()));
  })
  .post('/touch/nudges/:id/done', async (c) =>
    answer(c, async () => ({ kind: 'done', thinkingOfYou: (await readBody(c, nudgeDoneRequest)).thinkingOfYou })),
  )
  .post('/touch/nudges/:id/snooze', async (c) => answer(c, () => Promise.resolve({ kind: 'snooze' })))
  .post('/touch/nudges/:id/not-now', async (c) => answer(c, () => Promise.resolve({ kind: 'not-now' })));

/** Whose nudge it is is checked before the body is read, so someone else's id is "not found" whatever the body. */
async function answer(c: Context<AppEnv>, readAction: () => Promise<NudgeAction>) {
  const { user, space } = await requireMember(c);
  requireActive(space);
  const id = readId(c, uuid);
  const { db, now } = c.var.deps;
  if (!(await isOwnNudge(db, user.id, id))) throw new HttpError('not_found', 'No such nudge.');
  const action = await readAction();
  return c.json({ nudge: unwrap(await answerNudge(db, user.id, id, action, now())) });
}
