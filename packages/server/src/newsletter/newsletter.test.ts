import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/open.ts';
import { createApp } from '../http/app.ts';
import { startTestSmtp, type Received } from '../mail/test-smtp.ts';
import { Clock, engines, LOOSE_LIMITS, rowCounts, testConfig, uniqueEmail } from '../test/harness.ts';
import { newsletterSubscribers } from './schema.ts';
import { forgetUnconfirmed } from './service.ts';

type App = ReturnType<typeof createApp>;

function postForm(app: App, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const CONFIRM_LINK = /https?:\/\/[^\s"<>]+\/newsletter\/confirm\?token=[A-Za-z0-9_.%-]+/;
const UNSUBSCRIBE_LINK = /https?:\/\/[^\s"<>]+\/newsletter\/unsubscribe\?token=[A-Za-z0-9_.%-]+/;

/** The link as a path the in-process app can be asked for. */
function local(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

function header(mail: Received, name: string): string | undefined {
  const line = mail.mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

function linkIn(mail: Received, pattern: RegExp): string {
  const found = pattern.exec(mail.mail.text ?? '')?.[0];
  if (found === undefined) throw new Error(`no link in mail: ${mail.mail.text ?? ''}`);
  return found;
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}

describe.each(engines)('newsletter on $name', (engine) => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let clock: Clock;
  let app: App;

  beforeAll(async () => {
    database = await engine.open();
    smtp = await startTestSmtp();
    clock = new Clock();
    app = createApp({ db: database.db, config: testConfig({ smtpUrl: smtp.url }), now: clock.now, limits: LOOSE_LIMITS });
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });

  const statusOf = async (email: string) =>
    (await database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email)))[0]?.status;

  async function subscribeAndGetMail(email: string): Promise<Received> {
    const before = smtp.inbox.length;
    const res = await postForm(app, '/newsletter/subscribe', { email, website: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsletter/check-your-inbox');
    expect(smtp.inbox.length).toBe(before + 1);
    return smtp.nextFor(email);
  }

  it('subscribe sends a confirmation mail whose link, after a button press, confirms', async () => {
    const email = uniqueEmail('reader');
    const mail = await subscribeAndGetMail(email);
    expect(mail.mail.subject).toBe('Confirm your Hearth newsletter subscription');
    expect(mail.mail.html).toBeTruthy();
    expect(await statusOf(email)).toBe('pending');

    const inbox = await app.request('/newsletter/check-your-inbox');
    expect(await inbox.text()).toContain('Check your inbox');

    const link = linkIn(mail, CONFIRM_LINK);
    expect(link.startsWith('http://localhost/newsletter/confirm?token=')).toBe(true);
    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    const page = await app.request(local(link));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<form class="inline-form" method="post" action="/newsletter/confirm">');
    expect(html).toContain('<button type="submit">Confirm</button>');
    expect(await statusOf(email)).toBe('pending');

    const confirmed = await postForm(app, '/newsletter/confirm', { token: tokenOf(link) }, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('You’re subscribed');
    expect(await statusOf(email)).toBe('confirmed');

    // Pressing it again is harmless.
    const again = await postForm(app, '/newsletter/confirm', { token: tokenOf(link) });
    expect(await again.text()).toContain('already subscribed');
  });

  it('puts RFC 8058 unsubscribe headers on the mail, and the one-click POST unsubscribes without sign-in', async () => {
    const email = uniqueEmail('leaver');
    const mail = await subscribeAndGetMail(email);
    await postForm(app, '/newsletter/confirm', { token: tokenOf(linkIn(mail, CONFIRM_LINK)) });
    expect(await statusOf(email)).toBe('confirmed');

    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = header(mail, 'List-Unsubscribe') ?? '';
    expect(listUnsubscribe).toMatch(/^<http:\/\/localhost\/newsletter\/unsubscribe\?token=[^>]+>$/);
    const url = listUnsubscribe.slice(1, -1);
    expect(linkIn(mail, UNSUBSCRIBE_LINK)).toBe(url);

    // A GET shows a button and does not unsubscribe (link scanners fetch links).
    const page = await app.request(local(url));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    expect(await statusOf(email)).toBe('confirmed');

    // A POST without the one-click body is not a deliberate unsubscribe.
    expect((await postForm(app, local(url), {})).status).toBe(400);
    expect(await statusOf(email)).toBe('confirmed');

    // The mail provider's POST comes from its own servers or webmail: no same-origin headers needed.
    const res = await postForm(app, local(url), { 'List-Unsubscribe': 'One-Click' }, { Origin: 'https://mail.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You’re unsubscribed');
    expect(await statusOf(email)).toBe('unsubscribed');

    // An old confirmation link cannot put them back on the list.
    const stale = await postForm(app, '/newsletter/confirm', { token: tokenOf(linkIn(mail, CONFIRM_LINK)) });
    expect(stale.status).toBe(400);
    expect(await statusOf(email)).toBe('unsubscribed');
  });

  it('keeps one row per address, and re-sends a confirmation at most once every few minutes', async () => {
    const email = uniqueEmail('twice');
    await subscribeAndGetMail(email);
    const mails = () => smtp.inbox.filter((m) => m.to.includes(email)).length;
    expect((await postForm(app, '/newsletter/subscribe', { email: email.toUpperCase() })).status).toBe(303);
    expect((await postForm(app, '/newsletter/subscribe', { email: `  ${email} ` })).status).toBe(303);
    expect(mails()).toBe(1);
    clock.advance(6 * 60_000);
    expect((await postForm(app, '/newsletter/subscribe', { email })).status).toBe(303);
    expect(mails()).toBe(2);
    const rows = await database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.email, email));
    expect(rows).toHaveLength(1);
  });

  it('refuses a bad email with a clear message, re-shows the form, and stores nothing', async () => {
    const before = await rowCounts(database.db);
    const mailsBefore = smtp.inbox.length;
    for (const bad of ['not-an-email', '', 'a@b', '<script>@x']) {
      const res = await postForm(app, '/newsletter/subscribe', { email: bad, website: '' });
      expect(res.status, bad).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/role="alert">(That doesn’t look like an email address|Please enter your email address)/);
      expect(html).toContain('aria-invalid="true"');
      expect(html).not.toContain('<script>@x');
    }
    expect(await rowCounts(database.db)).toEqual(before);
    expect(smtp.inbox.length).toBe(mailsBefore);
  });

  it('pretends success to a bot that fills the honeypot, and stores nothing', async () => {
    const before = await rowCounts(database.db);
    const res = await postForm(app, '/newsletter/subscribe', { email: uniqueEmail('bot'), website: 'https://spam.example' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/newsletter/check-your-inbox');
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('refuses sign-ups posted from another site', async () => {
    const email = uniqueEmail('forged');
    expect((await postForm(app, '/newsletter/subscribe', { email }, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await postForm(app, '/newsletter/subscribe', { email }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect(await statusOf(email)).toBeUndefined();
    // Under our no-referrer policy browsers send "Origin: null" for same-origin form posts.
    expect((await postForm(app, '/newsletter/subscribe', { email }, { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);
    expect(await statusOf(email)).toBe('pending');
  });

  it('refuses expired, tampered and wrong-purpose tokens', async () => {
    const email = uniqueEmail('late');
    const mail = await subscribeAndGetMail(email);
    const token = tokenOf(linkIn(mail, CONFIRM_LINK));
    const unsubscribeToken = tokenOf(linkIn(mail, UNSUBSCRIBE_LINK));

    // One character changed in the middle of the signature; and the last character
    // respelled (base64url's spare bits), which must not pass either.
    const middle = token.length - 20;
    const tampered = token.slice(0, middle) + (token[middle] === 'A' ? 'B' : 'A') + token.slice(middle + 1);
    const respelled = token.slice(0, -1) + String.fromCharCode(token.charCodeAt(token.length - 1) ^ 1);
    expect((await postForm(app, '/newsletter/confirm', { token: respelled })).status).toBe(400);
    expect((await app.request(`/newsletter/confirm?token=${tampered}`)).status).toBe(400);
    expect((await postForm(app, '/newsletter/confirm', { token: tampered })).status).toBe(400);
    // Another address under the same signature.
    const [, expires, mac] = token.split('.');
    const forged = `${Buffer.from('someone@else.test').toString('base64url')}.${expires}.${mac}`;
    expect((await postForm(app, '/newsletter/confirm', { token: forged })).status).toBe(400);
    // An unsubscribe token is not a confirmation.
    expect((await postForm(app, '/newsletter/confirm', { token: unsubscribeToken })).status).toBe(400);
    expect((await postForm(app, `/newsletter/unsubscribe?token=${tampered}`, { 'List-Unsubscribe': 'One-Click' })).status).toBe(400);

    clock.advance(49 * 3600_000);
    const page = await app.request(`/newsletter/confirm?token=${token}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('expired');
    expect((await postForm(app, '/newsletter/confirm', { token })).status).toBe(400);
    expect(await statusOf(email)).toBe('pending');
    // Unsubscribe links never expire.
    expect((await postForm(app, `/newsletter/unsubscribe?token=${unsubscribeToken}`, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    expect(await statusOf(email)).toBe('unsubscribed');
  });

  it('rate-limits sign-ups per client address with 429', async () => {
    const limited = createApp({
      db: database.db,
      config: testConfig({ smtpUrl: smtp.url }),
      now: new Clock(Date.parse('2031-03-01T00:00:00Z')).now,
      limits: { perIp: { max: 3, windowMs: 60_000 }, perAccount: { max: 100, windowMs: 60_000 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postForm(limited, '/newsletter/subscribe', { email: uniqueEmail('flood') })).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const res = await postForm(limited, '/newsletter/subscribe', { email: uniqueEmail('flood') });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('Too many attempts');
  });

  it('without SMTP_URL writes the mail to DATA_DIR/outbox and prints the confirmation link', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-outbox-'));
    try {
      const offline = createApp({ db: database.db, config: testConfig({ dataDir }), now: clock.now, limits: LOOSE_LIMITS });
      const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
      const email = uniqueEmail('offline');
      expect((await postForm(offline, '/newsletter/subscribe', { email })).status).toBe(303);
      const files = await fs.readdir(path.join(dataDir, 'outbox'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const raw = await fs.readFile(path.join(dataDir, 'outbox', files[0]!), 'utf8');
      expect(raw).toContain(`To: ${email}`);
      expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const printed = info.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(printed).toMatch(CONFIRM_LINK);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
  it('forgets addresses nobody confirmed a week after their link expired, and keeps confirmed ones', async () => {
    const pending = uniqueEmail('never');
    const kept = uniqueEmail('kept');
    await subscribeAndGetMail(pending);
    const mail = await subscribeAndGetMail(kept);
    await postForm(app, '/newsletter/confirm', { token: tokenOf(linkIn(mail, CONFIRM_LINK)) });
    const at = clock.now().getTime();
    await forgetUnconfirmed(database.db, new Date(at + 6 * 86_400_000));
    expect(await statusOf(pending)).toBe('pending');
    await forgetUnconfirmed(database.db, new Date(at + 8 * 86_400_000));
    expect(await statusOf(pending)).toBeUndefined();
    expect(await statusOf(kept)).toBe('confirmed');
  });
});
