import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { watchContext } from './support/watch.ts';
import { useHearthServer } from './support/use-hearth.ts';

/**
 * Robin finds Hearth through a guide, with JavaScript turned off: reads it,
 * subscribes to the newsletter, confirms from the email (which, with no SMTP_URL,
 * the server writes to DATA_DIR/outbox) and later unsubscribes from the link in it.
 */

const robin = 'robin@example.com';
const server = useHearthServer();
const problems: string[] = [];

/** Undoes quoted-printable (the text part's transfer encoding): soft line breaks and =XX escapes. */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The one mail in the outbox addressed to `to`, decoded, and the links in its text part. */
function mailTo(to: string): { confirm: string; unsubscribe: string; raw: string } {
  const outbox = join(server.dataDir, 'outbox');
  const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  const raw = files.map((f) => readFileSync(join(outbox, f), 'utf8')).find((m) => m.includes(`To: ${to}`));
  if (raw === undefined) throw new Error(`no mail to ${to} in ${outbox}`);
  const text = decodeQuotedPrintable(raw);
  const confirm = /http:\/\/127\.0\.0\.1:\d+\/newsletter\/confirm\?token=[\w.%-]+/.exec(text)?.[0];
  const unsubscribe = /http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=[\w.%-]+/.exec(text)?.[0];
  if (confirm === undefined || unsubscribe === undefined) throw new Error(`links missing from the mail:\n${text}`);
  return { confirm, unsubscribe, raw };
}

test('a reader without JavaScript reads a guide, subscribes, confirms and unsubscribes', async ({ browser }) => {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, baseURL: server.url });
  watchContext(context, server.url, problems);
  const page: Page = await context.newPage();

  // axe runs as JavaScript inside the page, which Robin's context forbids. The pages
  // are rendered on the server and identical either way, so a second context with
  // JavaScript on opens the same address and checks it. Every page checked this way
  // is a GET that changes nothing (confirm and unsubscribe need the button's POST).
  const checker = await browser.newContext({ baseURL: server.url });
  watchContext(checker, server.url, problems);
  const checkPage = await checker.newPage();
  const expectPageAccessible = async (screen: string) => {
    await checkPage.goto(page.url());
    for (const colorScheme of ['light', 'dark'] as const) {
      await checkPage.emulateMedia({ colorScheme });
      await expectAccessible(checkPage, `${screen} (${colorScheme})`);
    }
  };

  await test.step('the landing page says what Hearth is and what the server can see', async () => {
    await page.goto('/');
    await expect(page).toHaveTitle('Hearth');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What the server can and cannot see' })).toBeVisible();
    await expect(page.getByRole('table')).toContainText('passwords, private keys, space keys');
    await expect(page.getByRole('link', { name: 'Open the app' }).first()).toHaveAttribute('href', '/app/');
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expectPageAccessible('landing page');
  });

  await test.step('the guides list shows every guide with its tags', async () => {
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Guides' }).click();
    await expect(page).toHaveURL(/\/guides$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible();
    expect(await page.locator('.cards > li').count()).toBeGreaterThanOrEqual(9);
    await expect(page.getByRole('link', { name: 'talk', exact: true }).first()).toBeVisible();
    await expectPageAccessible('guides list');
  });

  await test.step('Robin reads a guide', async () => {
    await page.getByRole('link', { name: 'Talk without blame' }).click();
    await expect(page).toHaveURL(/\/guides\/talk-without-blame$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Talk without blame' })).toBeVisible();
    await expect(page.locator('img.hero-image')).toHaveAttribute('alt', /speech bubbles/);
    // The hero image really loads (served by Hearth itself).
    expect(await page.locator('img.hero-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: 'Try it in Hearth' })).toBeVisible();
    await expect(page.getByRole('link', { name: /check-in/i }).first()).toHaveAttribute('href', '/app/talk');
    await expectPageAccessible('guide page');
  });

  await test.step('Robin subscribes with the form under the guide', async () => {
    await page.getByLabel('Email address').fill(robin);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
    await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
    await expectPageAccessible('check your inbox');
  });

  const mail = mailTo(robin);
  expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  expect(mail.raw).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/newsletter\/unsubscribe\?token=/m);

  await test.step('the link from the mail asks for a click, and the click confirms', async () => {
    await page.goto(mail.confirm);
    await expect(page.getByRole('heading', { name: 'Confirm your subscription' })).toBeVisible();
    await expectPageAccessible('confirm');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('heading', { name: 'You’re subscribed' })).toBeVisible();
  });

  await test.step('the unsubscribe link from the mail works without signing in', async () => {
    await page.goto(mail.unsubscribe);
    await expect(page.getByRole('heading', { name: 'Unsubscribe from the Hearth newsletter' })).toBeVisible();
    await expectPageAccessible('unsubscribe');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(page.getByRole('heading', { name: 'You’re unsubscribed' })).toBeVisible();
  });

  await test.step('with JavaScript on, the form subscribes without leaving the page', async () => {
    await checkPage.goto('/guides/touch-through-the-day');
    await checkPage.getByLabel('Email address').fill('sam@example.com');
    await checkPage.getByRole('button', { name: 'Subscribe' }).click();
    await expect(checkPage.getByRole('status')).toHaveText(/Check your inbox/);
    await expect(checkPage).toHaveURL(/\/guides\/touch-through-the-day$/);
    expect(mailTo('sam@example.com').confirm).toContain('/newsletter/confirm?token=');
  });

  await context.close();
  await checker.close();
  expect(problems).toEqual([]);
});
