import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { err, ok, type Result } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { newsletterSubscribers as subscribers } from './schema.ts';

/** A pending address gets at most one confirmation mail per this long, however often the form is sent. */
export const RESEND_AFTER_MS = 5 * 60_000;

/**
 * Records the address (one row per address, whatever happens) and says whether a
 * confirmation mail should go out now. The single conditional UPDATE is the claim:
 * of two simultaneous sign-ups, only one gets a row back and sends.
 */
export async function subscribe(db: Db, email: string, now: Date): Promise<{ readonly sendConfirmation: boolean }> {
  await db.insert(subscribers).values({ id: randomUUID(), email, status: 'pending', createdAt: now }).onConflictDoNothing({ target: subscribers.email });
  const claimed = await db
    .update(subscribers)
    .set({
      confirmationSentAt: now,
      // Someone who left and signs up again starts over as pending: they confirm again.
      status: sql`case when ${subscribers.status} = 'unsubscribed' then 'pending' else ${subscribers.status} end`,
    })
    .where(
      and(
        eq(subscribers.email, email),
        ne(subscribers.status, 'confirmed'),
        or(isNull(subscribers.confirmationSentAt), lt(subscribers.confirmationSentAt, new Date(now.getTime() - RESEND_AFTER_MS))),
      ),
    )
    .returning({ id: subscribers.id });
  return { sendConfirmation: claimed.length > 0 };
}

/** The mail could not be sent: let the next attempt try again at once instead of waiting out the resend window. */
export async function releaseConfirmation(db: Db, email: string, sentAt: Date): Promise<void> {
  await db
    .update(subscribers)
    .set({ confirmationSentAt: null })
    .where(and(eq(subscribers.email, email), eq(subscribers.confirmationSentAt, sentAt)));
}

export type ConfirmOutcome = 'confirmed' | 'already_confirmed';

export async function confirm(db: Db, email: string, now: Date): Promise<Result<ConfirmOutcome, 'not_pending'>> {
  const updated = await db
    .update(subscribers)
    .set({ status: 'confirmed', confirmedAt: now })
    .where(and(eq(subscribers.email, email), eq(subscribers.status, 'pending')))
    .returning({ id: subscribers.id });
  if (updated.length > 0) return ok('confirmed');
  const [row] = await db.select({ status: subscribers.status }).from(subscribers).where(eq(subscribers.email, email));
  if (row?.status === 'confirmed') return ok('already_confirmed');
  // Unsubscribed since the link was sent (or never here): an old link must not sign them back up.
  return err('not_pending', 'This address is not waiting for confirmation any more. Subscribe again to get a new link.');
}

/** Idempotent: a second click, or an address we never had, still ends "unsubscribed". */
export async function unsubscribe(db: Db, email: string, now: Date): Promise<void> {
  await db
    .update(subscribers)
    .set({ status: 'unsubscribed', unsubscribedAt: now })
    .where(and(eq(subscribers.email, email), ne(subscribers.status, 'unsubscribed')));
}

/** Addresses nobody confirmed are not ours to keep: gone a week after the last link expired. */
export const FORGET_UNCONFIRMED_AFTER_MS = 7 * 86_400_000;

export async function forgetUnconfirmed(db: Db, now: Date): Promise<void> {
  await db
    .delete(subscribers)
    .where(
      and(
        eq(subscribers.status, 'pending'),
        lt(sql`coalesce(${subscribers.confirmationSentAt}, ${subscribers.createdAt})`, new Date(now.getTime() - FORGET_UNCONFIRMED_AFTER_MS)),
      ),
    );
}
