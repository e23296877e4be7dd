import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { serverSecret } from '../db/secrets.ts';
import type { Guide } from '../guides/load.ts';
import type { Mailer } from '../mail/mailer.ts';
import { issueMail } from './mails.ts';
import { progressBar, type ProgressOut } from './progress.ts';
import { newsletterDeliveries as deliveries, newsletterSubscribers as subscribers } from './schema.ts';
import { NEWSLETTER_SECRET, signToken } from './tokens.ts';

export type SendReport = {
  /** Confirmed subscribers when the run started. */
  readonly total: number;
  readonly sent: number;
  /** Already had this issue (or were claimed by a run that crashed): never sent twice. */
  readonly skipped: number;
  readonly failed: readonly string[];
};

export type SendOptions = {
  readonly db: Db;
  readonly mailer: Mailer;
  readonly guide: Guide;
  /** Absolute origin for links in the mail. */
  readonly origin: string;
  readonly now?: () => Date;
  readonly progress: ProgressOut;
};

/**
 * Sends one guide to every confirmed subscriber, at most once each. For each
 * subscriber we first claim (issue, subscriber) with an insert the primary key
 * guards, then send, then mark it sent. A crash between claim and send leaves a
 * claimed-but-unsent row, and re-runs skip it: missing one issue is better than
 * getting it twice. A send the mail server refuses releases its claim, so a
 * re-run retries exactly those.
 */
export async function sendIssue(options: SendOptions): Promise<SendReport> {
  const { db, mailer, guide, origin } = options;
  const now = options.now ?? (() => new Date());
  const secret = await serverSecret(db, NEWSLETTER_SECRET);
  const list = await db
    .select({ id: subscribers.id, email: subscribers.email })
    .from(subscribers)
    .where(eq(subscribers.status, 'confirmed'))
    .orderBy(asc(subscribers.createdAt), asc(subscribers.id));
  if (list.length === 0) return { total: 0, sent: 0, skipped: 0, failed: [] };

  const bar = progressBar(options.progress, list.length);
  let sent = 0;
  let skipped = 0;
  const failed: string[] = [];
  bar.update(0);
  for (const [i, subscriber] of list.entries()) {
    const claimed = await db
      .insert(deliveries)
      .values({ issueSlug: guide.slug, subscriberId: subscriber.id, claimedAt: now() })
      .onConflictDoNothing()
      .returning({ id: deliveries.subscriberId });
    const key = and(eq(deliveries.issueSlug, guide.slug), eq(deliveries.subscriberId, subscriber.id));
    if (claimed.length === 0) {
      skipped += 1;
    } else {
      // Unsubscribed since the list was read: give the claim back and send nothing.
      const [still] = await db.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.id, subscriber.id));
      if (still?.status !== 'confirmed') {
        await db.delete(deliveries).where(key);
        skipped += 1;
      } else {
        const mail = issueMail(subscriber.email, guide, { origin, unsubscribeToken: signToken(secret, 'unsubscribe', subscriber.email, undefined) });
        const result = await mailer.send(mail);
        if (result.ok) {
          await db.update(deliveries).set({ sentAt: now() }).where(key);
          sent += 1;
        } else {
          await db.delete(deliveries).where(key);
          failed.push(result.message);
        }
      }
    }
    bar.update(i + 1);
  }
  bar.finish();
  return { total: list.length, sent, skipped, failed };
}
