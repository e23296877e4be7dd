import type { Db } from '../db/open.ts';
import type { Mailer } from '../mail/mailer.ts';
import { sendWeeklyDigests } from '../week/digest.ts';
import { deliverDuePushes, type PushOptions } from '../push/deliver.ts';
import { touchWorkerStep } from '../touch/planning.ts';
import { dispatchDueReminders } from './dispatch.ts';
import { sendReminderEmails } from './reminder-mail.ts';

export type NotificationWorker = {
  /** Waits for a poll in progress to finish, so the database can be closed safely afterwards. */
  stop(): Promise<void>;
};

export type WorkerOptions = {
  readonly db: Db;
  readonly pollMs: number;
  readonly now?: () => Date;
  /** Sends weekly digests and emailed weekly reminders too, when given (the mail link's origin comes with it). */
  readonly mail?: { readonly mailer: Mailer; readonly origin: string };
  /** Web Push: when given, each poll also sends the pushes that are due (the outbox, decision 0025). */
  readonly push?: PushOptions;
};

/** Each step commits on its own; nudges come before pushes so a nudge due now is pushed in the same poll. */
async function poll(options: WorkerOptions, now: () => Date, touch: (at: Date) => Promise<unknown>): Promise<void> {
  await dispatchDueReminders(options.db, now());
  await touch(now());
  if (options.push !== undefined) await deliverDuePushes(options.db, now, options.push);
  if (options.mail) {
    await sendReminderEmails({ db: options.db, ...options.mail }, now());
    await sendWeeklyDigests({ db: options.db, ...options.mail }, now());
  }
}

/**
 * Polls for due reminders, then nudges, then due pushes, then reminder emails and weekly digests every `pollMs`, one poll at a time. Any number of these may
 * run against one PostgreSQL database (`hearth worker`); `dispatchDueReminders`
 * keeps delivery exactly-once between them.
 */
export function startNotificationWorker(options: WorkerOptions): NotificationWorker {
  const now = options.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const touch = touchWorkerStep(options.db);

  const tick = () => {
    running = poll(options, now, touch).then(
      () => undefined,
      (e: unknown) => {
        // A failed poll is retried at the next one (its transaction rolled back); the operator should still hear of it.
        if (!stopped) console.error('Hearth: delivering reminders, nudges, pushes or digests failed:', e);
      },
    );
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, options.pollMs);
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
