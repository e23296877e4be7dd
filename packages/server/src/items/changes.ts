import { and, asc, eq, getTableColumns, gt, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import { REVEAL_WHEN_BOTH_KINDS, SPARK_GATED_KINDS, SPARK_KINDS } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { itemDeletions, items, spaceSync } from '../db/schema.ts';
import { visibleTo, type ItemRow } from './store.ts';

/**
 * Spark's kinds never go into a device's copy (decision 0061): what either may see moves
 * with both partners' consent and levels, not with a write, and the most intimate
 * things should not rest on a phone. The app asks the server for them each time.
 */
const NOT_SYNCED = [...new Set([...SPARK_KINDS, ...SPARK_GATED_KINDS])];

export type ChangesPage = { items: ItemRow[]; deleted: string[]; upTo: number; more: boolean };

/**
 * What changed in a space since position `since`, for one member, in commit order
 * (decision 0061). Positions up to the space's counter as read first are all committed
 * (a write holds the counter until it commits), so nothing below it can still appear.
 * A partner's side of a "reveal when both" thread becomes visible when this member
 * writes theirs, so it counts from the later of the two positions. A page never splits
 * one position, so its cursor can be exclusive.
 */
export async function itemChanges(db: Db, spaceId: string, userId: string, since: number, limit: number, at: Date): Promise<ChangesPage> {
  const [counter] = await db.select({ seq: spaceSync.seq }).from(spaceSync).where(eq(spaceSync.spaceId, spaceId));
  const high = counter?.seq ?? 0;
  if (high <= since) return { items: [], deleted: [], upTo: Math.max(since, 0), more: false };
  const position = sql<number>`greatest(${items.seq}, coalesce((select max(mine.seq) from ${items} as mine
    where ${inArray(items.kind, [...REVEAL_WHEN_BOTH_KINDS])} and mine.space_id = ${items.spaceId}
    and mine.parent_id = ${items.parentId} and mine.kind = ${items.kind} and mine.author_id = ${userId}), 0))`.mapWith(Number);
  const rows = await db
    .select({ ...getTableColumns(items), position })
    .from(items)
    .where(and(visibleTo(spaceId, userId, at), notInArray(items.kind, NOT_SYNCED), sql`${position} > ${since}`, sql`${position} <= ${high}`))
    .orderBy(position, items.id)
    .limit(limit + 1);
  const gone = await db
    .select({ id: itemDeletions.itemId, position: itemDeletions.seq })
    .from(itemDeletions)
    .where(
      and(
        eq(itemDeletions.spaceId, spaceId),
        gt(itemDeletions.seq, since),
        lte(itemDeletions.seq, high),
        notInArray(itemDeletions.kind, NOT_SYNCED),
        or(eq(itemDeletions.visibility, 'shared'), eq(itemDeletions.authorId, userId)),
      ),
    )
    .orderBy(asc(itemDeletions.seq))
    .limit(limit + 1);
  type Entry = { position: number; row?: ItemRow; deleted?: string };
  const entries: Entry[] = [
    ...rows.map(({ position: p, ...row }) => ({ position: p, row })),
    ...gone.map((d) => ({ position: d.position, deleted: d.id })),
  ].sort((a, b) => a.position - b.position);
  let taken = Math.min(entries.length, limit);
  const splits = (n: number) => n < entries.length && n > 0 && entries[n]?.position === entries[n - 1]?.position;
  // A page never ends inside a position: step back before it, or (when it is all the page) take it whole.
  while (splits(taken) && taken > 1) taken -= 1;
  while (splits(taken)) taken += 1;
  const page = entries.slice(0, taken);
  const more = taken < entries.length;
  const last = page.at(-1);
  return {
    items: page.flatMap((e) => (e.row === undefined ? [] : [e.row])),
    deleted: page.flatMap((e) => (e.deleted === undefined ? [] : [e.deleted])),
    upTo: more && last !== undefined ? last.position : high,
    more,
  };
}
