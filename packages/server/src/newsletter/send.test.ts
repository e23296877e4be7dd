import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err } from '@hearth/core';
import type { Database } from '../db/open.ts';
import { loadGuides, type GuideLibrary } from '../guides/load.ts';
import { createApp } from '../http/app.ts';
import { smtpMailer, type Mailer } from '../mail/mailer.ts';
import { startTestSmtp } from '../mail/test-smtp.ts';
import { engines, testConfig, uniqueEmail } from '../test/harness.ts';
import { newsletterSend } from './command.ts';
import { progressBar } from './progress.ts';
import { newsletterDeliveries, newsletterSubscribers } from './schema.ts';

const SLUG = 'talk-without-blame';

class Output {
  lines: string[] = [];
  errors: string[] = [];
  progress = '';
  readonly say = { log: (t: string) => this.lines.push(t), error: (t: string) => this.errors.push(t) };
  readonly stream = { isTTY: false, write: (t: string) => (this.progress += t) };
}

describe.each(engines)('hearth newsletter send on $name', (engine) => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let mailer: Mailer;
  let library: GuideLibrary;

  beforeAll(async () => {
    database = await engine.open();
    smtp = await startTestSmtp();
    mailer = smtpMailer(smtp.url, 'Hearth <hearth@example.test>');
    const loaded = await loadGuides(testConfig().contentDir);
    if (!loaded.ok) throw new Error(loaded.message);
    library = loaded.value;
  });
  afterAll(async () => {
    mailer.close();
    await smtp.stop();
    await database.close();
  });

  async function addSubscriber(status: 'pending' | 'confirmed' | 'unsubscribed', email = uniqueEmail(status)) {
    const id = randomUUID();
    await database.db.insert(newsletterSubscribers).values({ id, email, status, createdAt: new Date() });
    return { id, email };
  }

  const run = async (out: Output, slug = SLUG, using: Mailer = mailer) =>
    newsletterSend({ db: database.db, library, mailer: using, slug, origin: 'https://hearth.example', say: out.say, progress: out.stream });

  const received = (email: string) => smtp.inbox.filter((m) => m.to.includes(email));

  it('says so, and exits 0, when nobody has confirmed yet', async () => {
    await addSubscriber('pending');
    const out = new Output();
    expect(await run(out)).toBe(0);
    expect(out.lines.join('\n')).toContain('No confirmed subscribers');
    expect(smtp.inbox).toHaveLength(0);
  });

  it('refuses an unknown slug with a clear message and exit 1', async () => {
    const out = new Output();
    expect(await run(out, 'no-such-guide')).toBe(1);
    expect(out.errors.join('\n')).toContain('no guide with the slug "no-such-guide"');
    expect(out.errors.join('\n')).toContain(SLUG);
  });

  it('sends the guide to every confirmed subscriber once, with both parts and unsubscribe headers; a re-run sends nothing again', async () => {
    const confirmed = [await addSubscriber('confirmed'), await addSubscriber('confirmed'), await addSubscriber('confirmed')];
    const left = await addSubscriber('unsubscribed');
    const out = new Output();
    expect(await run(out)).toBe(0);
    expect(out.progress).toContain('3/3 sent');
    expect(out.lines.join('\n')).toContain('sent to 3 of 3');

    for (const s of confirmed) {
      const mails = received(s.email);
      expect(mails).toHaveLength(1);
      const { mail } = mails[0]!;
      expect(mail.subject).toBe(library.bySlug.get(SLUG)?.title);
      expect(mail.text).toContain('Read it on the web: https://hearth.example/guides/talk-without-blame');
      expect(mail.text).toContain('(https://hearth.example/app/talk)');
      expect(mail.html).toContain('<h1');
      expect(mail.html).toContain('src="https://hearth.example/guides/images/talk.svg"');
      expect(mail.html || '').not.toMatch(/href="\/(?!\/)/);
      const lines = new Map(mail.headerLines.map((h) => [h.key, h.line]));
      expect(lines.get('list-unsubscribe')).toMatch(/^List-Unsubscribe: <https:\/\/hearth\.example\/newsletter\/unsubscribe\?token=[^>]+>$/);
      expect(lines.get('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    }
    expect(received(left.email)).toHaveLength(0);
    const sent = await database.db.select().from(newsletterDeliveries).where(and(eq(newsletterDeliveries.issueSlug, SLUG), isNotNull(newsletterDeliveries.sentAt)));
    expect(sent).toHaveLength(3);

    const total = smtp.inbox.length;
    const again = new Output();
    expect(await run(again)).toBe(0);
    expect(smtp.inbox.length).toBe(total);
    expect(again.lines.join('\n')).toContain('sent to 0 of 3');
    expect(again.lines.join('\n')).toContain('3 already had it');

    // Someone confirmed in between gets it on the next run, and only they do.
    const late = await addSubscriber('pending');
    await database.db.update(newsletterSubscribers).set({ status: 'confirmed' }).where(eq(newsletterSubscribers.id, late.id));
    expect(await run(new Output())).toBe(0);
    expect(smtp.inbox.length).toBe(total + 1);
    expect(received(late.email)).toHaveLength(1);
  });

  it('never re-sends to someone claimed by a run that crashed mid-send, and retries only refused ones', async () => {
    const slug = 'supporting-each-other';
    const crashed = await addSubscriber('confirmed');
    // What a crash between claim and send leaves behind.
    await database.db.insert(newsletterDeliveries).values({ issueSlug: slug, subscriberId: crashed.id, claimedAt: new Date() });
    const refused = await addSubscriber('confirmed');
    const flaky: Mailer = {
      kind: 'smtp',
      send: async (mail) => (mail.to === refused.email ? err('send_failed', `refused ${mail.to}`) : mailer.send(mail)),
      close: () => undefined,
    };
    const out = new Output();
    expect(await run(out, slug, flaky)).toBe(1);
    expect(out.errors.join('\n')).toContain(`refused ${refused.email}`);
    expect(received(crashed.email).filter((m) => m.mail.subject === library.bySlug.get(slug)?.title)).toHaveLength(0);

    const before = smtp.inbox.length;
    expect(await run(new Output(), slug)).toBe(0);
    expect(smtp.inbox.length).toBe(before + 1);
    expect(received(refused.email)).toHaveLength(1);
    expect(received(crashed.email).filter((m) => m.mail.subject === library.bySlug.get(slug)?.title)).toHaveLength(0);
  });

  it('puts a working one-click unsubscribe link in every issue', async () => {
    const reader = await addSubscriber('confirmed');
    expect(await run(new Output(), 'touch-through-the-day')).toBe(0);
    const mail = received(reader.email).find((m) => m.mail.subject === library.bySlug.get('touch-through-the-day')?.title);
    const line = mail?.mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    const url = new URL(/<([^>]+)>/.exec(line)?.[1] ?? 'https://invalid');
    const app = createApp({ db: database.db, config: testConfig() });
    const res = await app.request(url.pathname + url.search, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [row] = await database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.id, reader.id));
    expect(row?.status).toBe('unsubscribed');
  });
});

describe('progress bar', () => {
  it('redraws one line on a terminal and prints a few lines otherwise', () => {
    let tty = '';
    const bar = progressBar({ isTTY: true, write: (t: string) => (tty += t) }, 4);
    for (let i = 0; i <= 4; i += 1) bar.update(i);
    bar.finish();
    expect(tty).toContain('\r[######------------------] 1/4 sent');
    expect(tty.endsWith('4/4 sent\n')).toBe(true);

    let plain = '';
    const lines = progressBar({ write: (t: string) => (plain += t) }, 1000);
    for (let i = 0; i <= 1000; i += 1) lines.update(i);
    const printed = plain.trim().split('\n');
    expect(printed.length).toBeLessThanOrEqual(22);
    expect(printed.at(-1)).toBe('1000/1000 sent');
  });
});
