import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { dumpDatabase } from './support/hearth-server.ts';
import { expectAccessible } from './support/accessibility.ts';
import { signInIfLocked } from './support/couple.ts';
import { watchContext } from './support/watch.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, signOutFrom, openTool, backTo } from './support/nav.ts';

/**
 * Alex starts Hearth, invites Sam, and they write to each other. Along the way
 * they sign out and in on new browsers, Alex forgets her password, and in the end
 * Alex leaves. Afterwards nothing either of them typed can be found in the database.
 */

const alex = { email: 'alex@example.com', password: 'lanterns over the lake', newPassword: 'a fresh start in spring', name: 'Alex Rivera' };
const sam = { email: 'sam@example.com', password: 'the kettle is always on', name: 'Sam Okafor' };
const sharedNote = 'Thank you for making dinner when I was late';
const privateNote = 'I am nervous about talking about money on Sunday';
const samNote = 'Our walk by the river felt like old times';
const renamed = 'Alexandra Rivera';

const server = useHearthServer();
const problems: string[] = [];

async function newPartner(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url });
  watchContext(context, server.url, problems);
  return { context, page: await context.newPage() };
}

async function signUp(page: Page, who: { email: string; password: string; name: string }): Promise<string[]> {
  await expectAccessible(page, 'sign-up');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Display name').fill(who.name);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Key derivation takes a moment and must show that it is working.
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const words = await page.getByTestId('recovery-words').locator('li').allInnerTexts();
  expect(words).toHaveLength(12);
  await expectAccessible(page, 'recovery key');
  const next = page.getByRole('button', { name: 'Continue' });
  await expect(next).toBeDisabled();
  await page.getByLabel("I've saved it").check();
  await next.click();
  return words.map((w) => w.trim());
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function writeNote(page: Page, text: string, audience: 'Both of us' | 'Only me'): Promise<void> {
  await page.getByRole('button', { name: 'Write a note' }).click();
  await page.getByRole('dialog', { name: 'Write a note' }).getByLabel('Note', { exact: true }).fill(text);
  await page.getByRole('radio', { name: audience }).check();
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('dialog', { name: 'Write a note' })).toHaveCount(0);
  await expect(page.getByText(text)).toBeVisible();
}

test('two partners pair up, write to each other, recover, and part ways', async ({ browser }) => {
  const a = await newPartner(browser);
  const b = await newPartner(browser);
  let alexWords: string[] = [];
  let inviteLink = '';

  await test.step('Alex signs up and saves her recovery words', async () => {
    await a.page.goto('/app/');
    await expectAccessible(a.page, 'welcome');
    await a.page.getByRole('button', { name: 'Create an account' }).or(a.page.getByRole('link', { name: 'Create an account' })).click();
    alexWords = await signUp(a.page, alex);
    await expect(a.page.getByText(alex.name).first()).toBeVisible();
  });

  await test.step('Alex creates the space and gets an invitation link with a QR code', async () => {
    await a.page.getByRole('button', { name: 'Create our space' }).click();
    await expect(a.page.getByRole('heading', { name: 'Invite your partner' })).toBeVisible();
    inviteLink = await a.page.getByLabel('Invitation link').inputValue();
    expect(inviteLink).toMatch(/\/join\/[0-9a-f-]{36}#[A-Za-z0-9_-]{43}$/);
    await expect(a.page.getByAltText('QR code for the invitation link')).toBeVisible();
    await expectAccessible(a.page, 'invite');
    await goTo(a.page, 'Today');
    await expect(a.page.getByRole('heading', { name: 'Waiting for your partner' })).toBeVisible();
  });

  await test.step('Sam opens the link on his own browser, signs up and joins', async () => {
    await b.page.goto(inviteLink);
    await expect(b.page.getByText(`${alex.name} invited you`)).toBeVisible();
    await expectAccessible(b.page, 'join');
    await b.page.getByRole('button', { name: 'Create an account' }).or(b.page.getByRole('link', { name: 'Create an account' })).click();
    await signUp(b.page, sam);
    // The invitation screen names Alex too; Today's space card naming both says the join is done.
    await expect(b.page.getByRole('heading', { name: `${sam.name} & ${alex.name}` })).toBeVisible();
    for (const practice of ['Talk', 'Together', 'Touch', 'Support', 'Help']) {
      await expect(b.page.getByRole('link', { name: practice, exact: false }).first()).toBeVisible();
    }
  });

  await test.step('the link cannot be used a second time', async () => {
    const c = await newPartner(browser);
    await c.page.goto(inviteLink);
    await expect(c.page.getByRole('alert')).toBeVisible();
    await c.context.close();
  });

  await test.step("Alex's Today, left open while waiting, shows Sam once he has joined", async () => {
    await expect(a.page.getByRole('heading', { name: `${alex.name} & ${sam.name}` })).toBeVisible();
    await expectAccessible(a.page, 'today, paired');
  });

  await test.step('Alex writes a shared note and a private one; Sam sees only the shared one', async () => {
    await writeNote(a.page, sharedNote, 'Both of us');
    await writeNote(a.page, privateNote, 'Only me');
    await b.page.reload();
    await signInIfLocked(b.page, sam);
    await expect(b.page.getByText(sharedNote)).toBeVisible();
    await writeNote(b.page, samNote, 'Both of us');
    await expect(b.page.getByText(privateNote)).toHaveCount(0);
    await expectAccessible(b.page, 'today with notes');
  });

  await test.step('Sam signs out and signs in again on a new browser; his keys come back from the server', async () => {
    await signOutFrom(b.page);
    await expect(b.page.getByText(sharedNote)).toHaveCount(0);
    await b.context.close();
    const fresh = await newPartner(browser);
    await signIn(fresh.page, sam);
    await expect(fresh.page.getByText(sharedNote)).toBeVisible();
    await expect(fresh.page.getByText(samNote)).toBeVisible();
    b.context = fresh.context;
    b.page = fresh.page;
  });

  await test.step('Alex forgets her password and gets back in with her recovery words', async () => {
    await a.context.close();
    const fresh = await newPartner(browser);
    await fresh.page.goto('/app/sign-in');
    await fresh.page.getByRole('link', { name: 'Forgot password?' }).click();
    await expectAccessible(fresh.page, 'recover');
    await fresh.page.getByLabel('Email').fill(alex.email);
    await fresh.page.getByLabel('Recovery words').fill(alexWords.join(' '));
    await fresh.page.getByLabel('New password').fill(alex.newPassword);
    await fresh.page.getByRole('button', { name: 'Reset password' }).click();
    await expect(fresh.page.getByText(privateNote)).toBeVisible();
    await expect(fresh.page.getByText(samNote)).toBeVisible();
    a.context = fresh.context;
    a.page = fresh.page;
  });

  await test.step('the old password no longer works; the new one does', async () => {
    const c = await newPartner(browser);
    await signIn(c.page, alex);
    await expect(c.page.getByRole('alert')).toBeVisible();
    await expectAccessible(c.page, 'sign-in with a wrong password');
    await signIn(c.page, { email: alex.email, password: alex.newPassword });
    await expect(c.page.getByText(privateNote)).toBeVisible();
    await c.context.close();
  });

  await test.step('Alex changes her name and theme in Settings; Sam sees the new name', async () => {
    await goTo(a.page, 'Settings');
    await expect(a.page.getByRole('link', { name: /^Reminders/ })).toContainText('Between 08:00 and 22:00; weekly email');
    await a.page.getByLabel('Display name').fill(renamed);
    await a.page.getByRole('radio', { name: 'Dark' }).check();
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(a.page.getByText('Saved')).toBeVisible();
    await expect(a.page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(a.page, 'settings in dark mode');

    await openTool(a.page, 'Reminders');
    await expect(a.page.getByLabel('Time zone')).not.toHaveValue('');
    await expect(a.page.getByLabel('Active from')).toHaveValue('08:00');
    await expect(a.page.getByLabel('Active until')).toHaveValue('22:00');
    await a.page.getByLabel('Quiet from').fill('12:00');
    await a.page.getByLabel('Quiet until').fill('13:00');
    await a.page.getByRole('button', { name: 'Save reminders' }).click();
    await expect(a.page.getByText('Saved')).toBeVisible();
    await expectAccessible(a.page, 'reminders in dark mode');
    await backTo(a.page, 'Settings');
    await expect(a.page.getByRole('link', { name: /^Reminders/ })).toContainText('quiet 12:00–13:00');
    await b.page.reload();
    await signInIfLocked(b.page, sam);
    await expect(b.page.getByText(renamed).first()).toBeVisible();
  });

  await test.step('Alex downloads her export and leaves; the space ends for both', async () => {
    await openTool(a.page, 'Your data');
    const downloadPromise = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const download = await downloadPromise;
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain(sharedNote);
    expect(exported).toContain(privateNote);
    // Everything she can read: Sam's shared note too (issue #10).
    expect(exported).toContain(samNote);

    await backTo(a.page, 'Settings');
    await openTool(a.page, 'Leave the space');
    await a.page.getByRole('button', { name: 'Leave space' }).click();
    const dialog = a.page.getByRole('dialog');
    await expectAccessible(a.page, 'leave dialog');
    await dialog.getByLabel('Password').fill(alex.newPassword);
    await dialog.getByRole('button', { name: 'Leave for good' }).click();
    await expect(a.page.getByRole('button', { name: 'Create our space' })).toBeVisible();

    await b.page.reload();
    await signInIfLocked(b.page, sam);
    await expect(b.page.getByText('Your space has ended')).toBeVisible();
    await expectAccessible(b.page, 'space ended');
    const samDownload = b.page.waitForEvent('download');
    await b.page.getByRole('button', { name: 'Download my export' }).click();
    const samExport = readFileSync(await (await samDownload).path(), 'utf8');
    expect(samExport).toContain(samNote);
    expect(samExport).not.toContain(privateNote);
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds none of the text they typed', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    expect(dump.rows).toContain(alex.email);
    const secrets = [sharedNote, privateNote, samNote, alex.name, sam.name, renamed, alex.password, alex.newPassword, sam.password, alexWords.join(' ')];
    for (const secret of secrets) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      expect(dump.rows, `row hex contains "${secret}"`).not.toContain(Buffer.from(secret).toString('hex'));
      for (const file of dump.files) {
        expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
      }
    }
  });
});
