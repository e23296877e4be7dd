import { and, asc, between, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.ts';
import { preparedFor } from '../db/prepared.ts';
import { items, memberships, notifications, users } from '../db/schema.ts';
import { visibleTo, type ItemRow } from '../items/store.ts';
import type { MembershipRow } from '../space/store.ts';

export type TodayWindow = {
  readonly from: Date;
  readonly to: Date;
  readonly reminderLimit: number;
  readonly recentLimit: number;
  /** Now, for scheduled Spark messages. */
  readonly at: Date;
};

const dueAndRecentQuery = preparedFor((db) => {
  const visible = visibleTo(sql.placeholder('spaceId'), sql.placeholder('userId'), sql.placeholder('at'));
  const due = db
    .select({ ...getTableColumns(items), list: sql<string>`'due'`.as('list') })
    .from(items)
    .where(and(visible, between(items.remindAt, sql.placeholder('from'), sql.placeholder('to'))))
    .orderBy(asc(items.remindAt), asc(items.id))
    .limit(sql.placeholder('reminderLimit'));
  const recent = db
    .select({ ...getTableColumns(items), list: sql<string>`'recent'`.as('list') })
    .from(items)
    .where(visible)
    .orderBy(desc(items.createdAt), desc(items.id))
    .limit(sql.placeholder('recentLimit'));
  return unionAll(due, recent).prepare('today_items');
});

/**
 * Visible items whose reminder falls in [from, to] (soonest first) and the newest visible
 * items (newest first), in one statement: on Today's path each round trip to the
 * database costs more than the query itself (bench/README.md).
 */
export async function todayItems(db: Db, spaceId: string, userId: string, w: TodayWindow): Promise<{ due: ItemRow[]; recent: ItemRow[] }> {
  const rows = await dueAndRecentQuery(db).execute({ spaceId, userId, ...w });
  // UNION ALL keeps each branch's rows together but promises no order between them: sort again.
  // Rows keep their `list` tag: itemView reads only the item's own columns.
  const pick = (list: string): ItemRow[] => rows.filter((r) => r.list === list);
  const dueRows = pick('due').sort((a, b) => cmp(a.remindAt, b.remindAt) || byId(a.id, b.id));
  const recentRows = pick('recent').sort((a, b) => cmp(b.createdAt, a.createdAt) || byId(b.id, a.id));
  return { due: dueRows, recent: recentRows };
}

function cmp(a: Date | null, b: Date | null): number {
  return (a?.getTime() ?? 0) - (b?.getTime() ?? 0);
}

/** Lower-case UUID text sorts like PostgreSQL's uuid order; localeCompare would not (it skips the dashes). */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const membersAndUnreadQuery = preparedFor((db) =>
  db
    .select({
      membership: memberships,
      timeZone: users.timeZone,
      unread: sql<number>`(select count(*)::int from ${notifications} where ${notifications.userId} = ${sql.placeholder('userId')} and ${notifications.readAt} is null)`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.spaceId, sql.placeholder('spaceId')))
    .orderBy(asc(memberships.joinedAt))
    .prepare('today_members'),
);

/** The space's members with their time zones, and the caller's unread notification count, in one statement. */
export async function membersAndUnread(db: Db, spaceId: string, userId: string): Promise<{ members: (MembershipRow & { timeZone: string })[]; unread: number }> {
  const rows = await membersAndUnreadQuery(db).execute({ spaceId, userId });
  return { members: rows.map((r) => ({ ...r.membership, timeZone: r.timeZone })), unread: rows[0]?.unread ?? 0 };
}
