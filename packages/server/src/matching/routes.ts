import { Hono } from 'hono';
import { matchForViewer } from '@hearth/core';
import { matchDeck, matchUploadRequest, type MatchResultResponse } from '@hearth/core/api';
import { requireActive, requireMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import { readBody, readId } from '../http/validate.ts';
import { saveUpload, uploadsInSpace } from './store.ts';

/**
 * Blind matching (DESIGN §5.4): each partner replaces their own upload for a deck and
 * gets back only what both uploaded, by the core rule `matchForViewer`. The space is the
 * caller's own, from `requireMember`, so another space's tokens are never compared.
 */
export const matchingRoutes = new Hono<AppEnv>()
  .put('/matching/:deck', async (c) => {
    const { user, space } = await requireMember(c);
    const deck = readId(c, matchDeck, 'deck');
    requireActive(space);
    const body = await readBody(c, matchUploadRequest);
    if (body.deck !== deck) throw new HttpError('invalid_input', 'deck: must match the address');
    const { db, now } = c.var.deps;
    await saveUpload(db, space.id, user.id, body, now());
    return c.json(await resultFor(db, space.id, user.id, deck));
  })
  .get('/matching/:deck', async (c) => {
    const { user, space } = await requireMember(c);
    const deck = readId(c, matchDeck, 'deck');
    return c.json(await resultFor(c.var.deps.db, space.id, user.id, deck));
  });

async function resultFor(
  db: Parameters<typeof uploadsInSpace>[0],
  spaceId: string,
  userId: string,
  deck: MatchResultResponse['deck'],
): Promise<MatchResultResponse> {
  const uploads = await uploadsInSpace(db, spaceId, deck);
  const mine = uploads.get(userId) ?? { deck, groups: [] };
  const partner = [...uploads.entries()].find(([id]) => id !== userId)?.[1] ?? null;
  const result = matchForViewer(mine, partner);
  return { deck, partnerUploaded: partner !== null, tokens: [...result.tokens], withheld: [...result.withheld] };
}
