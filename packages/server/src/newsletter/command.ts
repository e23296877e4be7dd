import type { Config } from '../config/env.ts';
import type { Db } from '../db/open.ts';
import { loadGuides, type GuideLibrary } from '../guides/load.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { openFromConfig } from '../main.ts';
import type { ProgressOut } from './progress.ts';
import { sendIssue } from './send.ts';

export const NEWSLETTER_USAGE = 'Usage: hearth newsletter send <guide-slug>';

export type Say = { log(text: string): void; error(text: string): void };

export type SendCommand = {
  readonly db: Db;
  readonly library: GuideLibrary;
  readonly mailer: Mailer;
  readonly slug: string;
  readonly origin: string;
  readonly say: Say;
  readonly progress: ProgressOut;
  readonly now?: () => Date;
};

function unknownSlug(library: GuideLibrary, slug: string): string {
  const known = library.guides.map((g) => g.slug).join(', ');
  return `hearth newsletter send: there is no guide with the slug "${slug}".\nGuides: ${known === '' ? '(none)' : known}`;
}

/** The body of `hearth newsletter send`, apart from wiring, so tests run it against a test database. Returns an exit code. */
export async function newsletterSend(cmd: SendCommand): Promise<number> {
  const guide = cmd.library.bySlug.get(cmd.slug);
  if (guide === undefined) {
    cmd.say.error(unknownSlug(cmd.library, cmd.slug));
    return 1;
  }
  const report = await sendIssue({ db: cmd.db, mailer: cmd.mailer, guide, origin: cmd.origin, progress: cmd.progress, now: cmd.now });
  if (report.total === 0) {
    cmd.say.log('No confirmed subscribers yet: nothing to send.');
    return 0;
  }
  const where = cmd.mailer.kind === 'outbox' ? ' (no SMTP_URL: written to the outbox folder)' : '';
  cmd.say.log(`"${guide.title}": sent to ${report.sent} of ${report.total} confirmed subscribers${where}; ${report.skipped} already had it.`);
  if (report.failed.length > 0) {
    cmd.say.error(`${report.failed.length} could not be sent; run the same command again to retry only those:\n${report.failed.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
}

/** `hearth newsletter …` from the command line. */
export async function runNewsletterCommand(args: readonly string[], config: Config): Promise<number> {
  const [sub, slug, ...rest] = args;
  if (sub !== 'send' || slug === undefined || rest.length > 0) {
    console.error(NEWSLETTER_USAGE);
    return 2;
  }
  const library = await loadGuides(config.contentDir);
  if (!library.ok) {
    console.error(library.message);
    return 1;
  }
  if (!library.value.bySlug.has(slug)) {
    // Checked before opening the database, so a typo fails fast even while `hearth serve` holds the embedded one.
    console.error(unknownSlug(library.value, slug));
    return 1;
  }
  const origin = config.publicUrl?.origin ?? `http://${config.host}:${config.port}`;
  if (config.publicUrl === undefined) console.warn(`Hearth: PUBLIC_URL is not set, so links in the mail point at ${origin}.`);
  const opened = await openFromConfig(config);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  const mailer = createMailer(config);
  try {
    return await newsletterSend({ db: opened.value.db, library: library.value, mailer, slug, origin, say: console, progress: process.stderr });
  } finally {
    mailer.close();
    await opened.value.close();
  }
}
