import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { digestDue, digestMail, weekCategoryOf, DIGEST_KINDS, zonedInstant, type DigestCategory } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { items, memberships, spaces, users } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { digestSends } from './schema.ts';

export type DigestDeps = {
  readonly db: Db;
  readonly mailer: Mailer;
  /** Where the mail's link points: PUBLIC_URL's origin, or the local address. */
  readonly origin: string;
};

/**
 * Sends each opted-in member of an active space their weekly digest of the week
 * before, once it is due in their time zone (Monday 09:00). Counts come from item
 * metadata the server already holds (kind, time): never content, never a private
 * record, never Spark, because only `DIGEST_KINDS` are counted.
 *
 * At most once per person and week: the `digest_sends` row is claimed before the
 * mail goes out and given back if the mail server refuses it, so a retry comes at the
 * next poll. A crash between the two loses that week's digest rather than sending it
 * twice, which is the better failure for a courtesy email.
 */
export async function sendWeeklyDigests(deps: DigestDeps, now: Date): Promise<number> {
  const readers = await deps.db
    .select({ id: users.id, email: users.email, timeZone: users.timeZone, spaceId: memberships.spaceId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(spaces, and(eq(spaces.id, memberships.spaceId), eq(spaces.status, 'active')))
    .where(eq(users.weeklyDigest, true));
  let sent = 0;
  for (const reader of readers) {
    const plan = digestDue(now, reader.timeZone);
    if (plan === null) continue;
    const from = zonedInstant(plan.from, 0, reader.timeZone);
    // The Monday that names the digest is also where the week it covers ends.
    const to = zonedInstant(plan.week, 0, reader.timeZone);
    if (from === null || to === null) continue;

    const claimed = await deps.db
      .insert(digestSends)
      .values({ userId: reader.id, week: plan.week, sentAt: now })
      .onConflictDoNothing()
      .returning({ userId: digestSends.userId });
    if (claimed.length === 0) continue;

    const rows = await deps.db
      .select({ kind: items.kind, n: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.spaceId, reader.spaceId), eq(items.visibility, 'shared'), inArray(items.kind, [...DIGEST_KINDS]), gte(items.createdAt, from), lt(items.createdAt, to)))
      .groupBy(items.kind);
    const counts: Record<DigestCategory, number> = { checkins: 0, firsts: 0, appreciations: 0, support: 0 };
    for (const row of rows) {
      const category = weekCategoryOf(row.kind);
      if (category !== null && category !== 'together') counts[category] += Number(row.n);
    }
    const mail = digestMail(counts, plan.from, plan.to, `${deps.origin}/app/week`);
    const result = await deps.mailer.send({ to: reader.email, subject: mail.subject, text: mail.text });
    if (result.ok) {
      sent += 1;
    } else {
      await deps.db.delete(digestSends).where(and(eq(digestSends.userId, reader.id), eq(digestSends.week, plan.week)));
      console.warn(`Hearth: the weekly digest could not be sent (${result.message}); it will be tried again.`);
    }
  }
  return sent;
}
