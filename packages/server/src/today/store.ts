import { and, asc, between, desc } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { items } from '../db/schema.ts';
import { visibleTo, type ItemRow } from '../items/store.ts';

/** Visible items whose reminder falls in [from, to], soonest first. */
export async function remindersBetween(db: Db, spaceId: string, userId: string, from: Date, to: Date, limit: number, at: Date): Promise<ItemRow[]> {
  return db
    .select()
    .from(items)
    .where(and(visibleTo(spaceId, userId, at), between(items.remindAt, from, to)))
    .orderBy(asc(items.remindAt), asc(items.id))
    .limit(limit);
}

/** The newest visible items of any kind. */
export async function newestItems(db: Db, spaceId: string, userId: string, limit: number, at: Date): Promise<ItemRow[]> {
  return db.select().from(items).where(visibleTo(spaceId, userId, at)).orderBy(desc(items.createdAt), desc(items.id)).limit(limit);
}
