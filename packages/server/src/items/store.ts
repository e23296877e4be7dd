import { and, desc, eq, isNull, lte, notInArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { REVEAL_WHEN_BOTH_KINDS, SPARK_GATED_KINDS, SPARK_KINDS, togetherSchedule, type TogetherSchedule } from '@hearth/core';
import { preparedFor } from '../db/prepared.ts';
import type { Db } from '../db/open.ts';
import { items } from '../db/schema.ts';
import { sparkDeliverable, sparkOpen } from '../spark/store.ts';

export type ItemRow = typeof items.$inferSelect;

/**
 * What a member may see, as a WHERE clause: their own items, and their space's shared
 * items — except a "reveal when both" item (a side of a conversation), which the
 * partner sees only once they have written theirs under the same parent, and a Spark
 * item, which the partner sees only while Spark is on for both at or above its level
 * and, when scheduled, once its time `at` has come (decision 0033). Every item query
 * starts from this, so no route can forget it. Prepared statements pass placeholders.
 */
export function visibleTo(spaceId: string | Placeholder, userId: string | Placeholder, at: Date | Placeholder): SQL {
  const writtenMineToo = sql`exists (select 1 from ${items} as mine where mine.space_id = ${items.spaceId}
    and mine.parent_id = ${items.parentId} and mine.kind = ${items.kind} and mine.author_id = ${userId})`;
  const scope = and(
    eq(items.spaceId, spaceId),
    or(
      eq(items.authorId, userId),
      and(
        eq(items.visibility, 'shared'),
        or(notInArray(items.kind, [...REVEAL_WHEN_BOTH_KINDS]), writtenMineToo),
        or(notInArray(items.kind, [...SPARK_KINDS]), and(sparkDeliverable(), or(isNull(items.remindAt), lte(items.remindAt, at)))),
        or(notInArray(items.kind, [...SPARK_GATED_KINDS]), sparkOpen()),
      ),
    ),
  );
  if (scope === undefined) throw new Error('unreachable: and() of conditions');
  return scope;
}

export type ListOptions = {
  kind?: string | undefined;
  parentId?: string | undefined;
  limit: number;
  before?: { createdAt: Date; id: string } | undefined;
  /** Now, for scheduled Spark messages. */
  at: Date;
};

/**
 * A list is one of eight shapes (with or without a kind, a parent, a cursor), each a
 * named statement built once: planning this visibility filter cost PostgreSQL about
 * twice as long as running it (2 ms against 1 ms for a page of 50, decision 0058).
 */
const listQueries = new Map<string, ReturnType<typeof buildListQuery>>();

function buildListQuery(kind: boolean, parent: boolean, before: boolean) {
  const name = `list_items_${kind ? 'k' : ''}${parent ? 'p' : ''}${before ? 'b' : ''}`;
  return preparedFor((db: Db) =>
    db
      .select()
      .from(items)
      .where(
        and(
          visibleTo(sql.placeholder('spaceId'), sql.placeholder('userId'), sql.placeholder('at')),
          kind ? eq(items.kind, sql.placeholder('kind')) : undefined,
          parent ? eq(items.parentId, sql.placeholder('parentId')) : undefined,
          before ? sql`(${items.createdAt}, ${items.id}) < (${sql.placeholder('beforeAt')}, ${sql.placeholder('beforeId')})` : undefined,
        ),
      )
      .orderBy(desc(items.createdAt), desc(items.id))
      .limit(sql.placeholder('limit'))
      .prepare(name),
  );
}

function listQuery(kind: boolean, parent: boolean, before: boolean) {
  const key = `${String(kind)}${String(parent)}${String(before)}`;
  let query = listQueries.get(key);
  if (query === undefined) {
    query = buildListQuery(kind, parent, before);
    listQueries.set(key, query);
  }
  return query;
}

export async function listItems(db: Db, spaceId: string, userId: string, opts: ListOptions): Promise<ItemRow[]> {
  const query = listQuery(opts.kind !== undefined, opts.parentId !== undefined, opts.before !== undefined);
  return query(db).execute({
    spaceId,
    userId,
    at: opts.at,
    kind: opts.kind,
    parentId: opts.parentId,
    beforeAt: opts.before?.createdAt,
    beforeId: opts.before?.id,
    limit: opts.limit,
  });
}

export async function visibleItem(db: Db, spaceId: string, userId: string, id: string, at: Date, lock = false): Promise<ItemRow | undefined> {
  const query = db.select().from(items).where(and(eq(items.id, id), visibleTo(spaceId, userId, at)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertItem(db: Db, item: typeof items.$inferInsert): Promise<ItemRow | undefined> {
  const [row] = await db.insert(items).values(item).onConflictDoNothing({ target: [items.spaceId, items.id] }).returning();
  return row;
}

/** Whoever wrote it: only used to tell an idempotent retry from an id clash, never returned to the caller as is. */
export async function itemInSpace(db: Db, spaceId: string, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(items).where(and(eq(items.spaceId, spaceId), eq(items.id, id)));
  return row;
}

/** Whether this author already has an item of this kind under this parent. */
export async function authorHasInThread(db: Db, spaceId: string, parentId: string, kind: string, authorId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.spaceId, spaceId), eq(items.parentId, parentId), eq(items.kind, kind), eq(items.authorId, authorId)))
    .limit(1);
  return row !== undefined;
}

export async function updateItemBody(
  db: Db,
  spaceId: string,
  id: string,
  change: { body: Uint8Array; remindAt?: Date | null | undefined; schedule?: TogetherSchedule | undefined },
  at: Date,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(items)
    .set({
      body: change.body,
      ...(change.remindAt === undefined ? {} : { remindAt: change.remindAt }),
      ...(change.schedule === undefined ? {} : { schedule: change.schedule }),
      updatedAt: at,
      version: sql`${items.version} + 1`,
    })
    .where(and(eq(items.id, id), eq(items.spaceId, spaceId)))
    .returning();
  return row;
}

export async function deleteItem(db: Db, spaceId: string, id: string): Promise<void> {
  await db.delete(items).where(and(eq(items.id, id), eq(items.spaceId, spaceId)));
}

/** A stored schedule, checked with core's schema on the way out; null when absent or unreadable. */
export function scheduleOf(row: Pick<ItemRow, 'schedule'>): TogetherSchedule | null {
  if (row.schedule === null) return null;
  const parsed = togetherSchedule.safeParse(row.schedule);
  return parsed.success ? parsed.data : null;
}
