import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { matchGroup } from '@hearth/core/api';
import type { MatchDeck, MatchUpload } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { matchUploads } from '../db/schema.ts';

const storedGroups = z.array(matchGroup);

/** Replaces this person's upload for the deck (one row per space, person and deck). */
export async function saveUpload(db: Db, spaceId: string, userId: string, upload: MatchUpload, at: Date): Promise<void> {
  const groups = upload.groups.map((g) => ({ category: g.category, overYesLimit: g.overYesLimit, tokens: [...g.tokens] }));
  await db
    .insert(matchUploads)
    .values({ spaceId, userId, deck: upload.deck, groups, updatedAt: at })
    .onConflictDoUpdate({ target: [matchUploads.spaceId, matchUploads.userId, matchUploads.deck], set: { groups, updatedAt: at } });
}

/** Every upload for the deck in this space, keyed by person. Rows that no longer parse count as no upload. */
export async function uploadsInSpace(db: Db, spaceId: string, deck: MatchDeck): Promise<Map<string, MatchUpload>> {
  const rows = await db
    .select({ userId: matchUploads.userId, groups: matchUploads.groups })
    .from(matchUploads)
    .where(and(eq(matchUploads.spaceId, spaceId), eq(matchUploads.deck, deck)));
  const byUser = new Map<string, MatchUpload>();
  for (const row of rows) {
    const groups = storedGroups.safeParse(row.groups);
    if (groups.success) byUser.set(row.userId, { deck, groups: groups.data });
  }
  return byUser;
}
