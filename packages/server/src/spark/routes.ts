import { Hono } from 'hono';
import { SPARK_DEFAULT_SETTINGS, effectiveSpark, ok } from '@hearth/core';
import { sparkSettingsRequest, type ErrorCode, type SparkStatusResponse } from '@hearth/core/api';
import { requireActive, requireMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { unwrap } from '../http/errors.ts';
import { readBody } from '../http/validate.ts';
import type { Db } from '../db/open.ts';
import { transact } from '../db/transact.ts';
import { saveSparkSettings, sparkPair } from './store.ts';

/**
 * Spark consent (decision 0032): each partner reads and replaces only their own
 * settings, and is told the effective state and level — never the partner's settings.
 */
export const sparkRoutes = new Hono<AppEnv>()
  .get('/spark', async (c) => {
    const { user, space } = await requireMember(c);
    return c.json(await statusFor(c.var.deps.db, space.id, user.id));
  })
  .put('/spark', async (c) => {
    const { user, space } = await requireMember(c);
    requireActive(space);
    const body = await readBody(c, sparkSettingsRequest);
    const { db, now } = c.var.deps;
    const saved = await transact<SparkStatusResponse, ErrorCode>(db, async (tx) => {
      await saveSparkSettings(tx, space.id, user.id, body, now());
      return ok(await statusFor(tx, space.id, user.id));
    });
    return c.json(unwrap(saved));
  });

export async function statusFor(db: Db, spaceId: string, userId: string): Promise<SparkStatusResponse> {
  const { mine, partner } = await sparkPair(db, spaceId, userId);
  const effective = effectiveSpark(mine, partner);
  return { mine: mine ?? SPARK_DEFAULT_SETTINGS, state: effective.state, effectiveLevel: effective.level };
}
