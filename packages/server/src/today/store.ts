import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { preparedFor } from '../db/prepared.ts';
import { memberships, notifications, users } from '../db/schema.ts';
import type { MembershipRow } from '../space/store.ts';

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
