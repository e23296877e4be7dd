import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import { REMIND_WEEKLY_KINDS, weeklyReminderMail } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { users } from '../db/schema.ts';
import type { Mailer } from '../mail/mailer.ts';
import { notifications } from './schema.ts';

/** A reminder older than this is not emailed any more: an email hours late helps no one. */
const FRESH_MS = 6 * 60 * 60_000;

export type ReminderMailDeps = {
  readonly db: Db;
  readonly mailer: Mailer;
  /** Where the mail's link points: PUBLIC_URL's origin, or the local address. */
  readonly origin: string;
};

/**
 * Emails each weekly reminder (Reconnect's) that was just notified to someone who opted
 * in, once. The reminder was already held to the person's active and quiet hours when
 * it was notified, so the email is too. Each notification is claimed (`emailed_at`)
 * before its mail goes out and given back if the mail server refuses it, so a retry
 * comes at the next poll and two workers never send it twice; a crash between claim and
 * send loses that one email rather than doubling it, as with the weekly digest.
 */
export async function sendReminderEmails(deps: ReminderMailDeps, now: Date): Promise<number> {
  const due = await deps.db
    .select({ id: notifications.id, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(notifications.event, 'reminder'),
        inArray(notifications.itemKind, [...REMIND_WEEKLY_KINDS]),
        isNull(notifications.emailedAt),
        gte(notifications.createdAt, new Date(now.getTime() - FRESH_MS)),
        eq(users.reminderEmail, true),
      ),
    );
  let sent = 0;
  for (const row of due) {
    const claimed = await deps.db
      .update(notifications)
      .set({ emailedAt: now })
      .where(and(eq(notifications.id, row.id), isNull(notifications.emailedAt)))
      .returning({ id: notifications.id });
    if (claimed.length === 0) continue;
    const mail = weeklyReminderMail(`${deps.origin}/app/`);
    const result = await deps.mailer.send({ to: row.email, subject: mail.subject, text: mail.text });
    if (result.ok) {
      sent += 1;
    } else {
      await deps.db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, row.id));
      console.warn(`Hearth: a reminder email could not be sent (${result.message}); it will be tried again.`);
    }
  }
  return sent;
}
