import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { items } from '../db/schema.ts';

export type ItemRow = typeof items.$inferSelect;

/**
 * What a member may see, as a WHERE clause: their space's shared items and their own
 * private ones. Every item query starts from this, so no route can forget it.
 */
export function visibleTo(spaceId: string, userId: string): SQL {
  const scope = and(eq(items.spaceId, spaceId), or(eq(items.visibility, 'shared'), eq(items.authorId, userId)));
  if (scope === undefined) throw new Error('unreachable: and() of two conditions');
  return scope;
}

export type ListOptions = { kind?: string | undefined; limit: number; before?: { createdAt: Date; id: string } | undefined };

export async function listItems(db: Db, spaceId: string, userId: string, opts: ListOptions): Promise<ItemRow[]> {
  const where = and(
    visibleTo(spaceId, userId),
    opts.kind === undefined ? undefined : eq(items.kind, opts.kind),
    opts.before === undefined ? undefined : sql`(${items.createdAt}, ${items.id}) < (${opts.before.createdAt}, ${opts.before.id})`,
  );
  return db.select().from(items).where(where).orderBy(desc(items.createdAt), desc(items.id)).limit(opts.limit);
}

export async function visibleItem(db: Db, spaceId: string, userId: string, id: string, lock = false): Promise<ItemRow | undefined> {
  const query = db.select().from(items).where(and(eq(items.id, id), visibleTo(spaceId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertItem(db: Db, item: typeof items.$inferInsert): Promise<ItemRow | undefined> {
  const [row] = await db.insert(items).values(item).onConflictDoNothing({ target: items.id }).returning();
  return row;
}

/** Any space: only used to tell an idempotent retry from an id clash, never returned to the caller as is. */
export async function itemById(db: Db, id: string): Promise<ItemRow | undefined> {
  const [row] = await db.select().from(items).where(eq(items.id, id));
  return row;
}

export async function updateItemBody(db: Db, spaceId: string, id: string, body: Uint8Array, at: Date): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(items)
    .set({ body, updatedAt: at })
    .where(and(eq(items.id, id), eq(items.spaceId, spaceId)))
    .returning();
  return row;
}

export async function deleteItem(db: Db, spaceId: string, id: string): Promise<void> {
  await db.delete(items).where(and(eq(items.id, id), eq(items.spaceId, spaceId)));
}
