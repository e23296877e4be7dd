import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { HearthServer } from './hearth-server.ts';
import { watchContext } from './watch.ts';
import { mainNav } from './nav.ts';

/** How long a step that runs the key derivation may take. */
export const KDF_TIMEOUT_MS = 90_000;

export type Person = { email: string; password: string; name: string };

export type Partner = { context: BrowserContext; page: Page; person: Person };

/** A fresh browser context on the server, watched for console errors and third-party requests. */
export async function openBrowser(browser: Browser, server: HearthServer, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url });
  watchContext(context, server.url, problems);
  return { context, page: await context.newPage() };
}

/** Fills the sign-up form and gets past the recovery words; returns the words. */
export async function signUp(page: Page, who: Person): Promise<string[]> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByLabel('Display name').fill(who.name);
  await page.getByRole('button', { name: 'Create account' }).click();
  // Argon2id at 64 MiB: seconds on a laptop, far longer on a loaded shared machine.
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: KDF_TIMEOUT_MS });
  const words = await page.getByTestId('recovery-words').locator('li').allInnerTexts();
  await page.getByLabel("I've saved it").check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return words.map((w) => w.trim());
}

/**
 * The shortest way to a paired couple: the first partner signs up and creates the
 * space, the second opens the invitation link in their own browser and signs up while
 * the first keeps the invitation open. Both end on Today, seeing each other's name.
 */
export async function pairUp(
  browser: Browser,
  server: HearthServer,
  problems: string[],
  people: { first: Person; second: Person },
): Promise<{ first: Partner; second: Partner }> {
  const a = await openBrowser(browser, server, problems);
  await a.page.goto('/app/sign-up');
  await signUp(a.page, people.first);
  await a.page.getByRole('button', { name: 'Create our space' }).click();
  const link = await a.page.getByLabel('Invitation link').inputValue();

  const b = await openBrowser(browser, server, problems);
  await b.page.goto(link);
  await b.page.getByRole('link', { name: 'Create an account' }).or(b.page.getByRole('button', { name: 'Create an account' })).click();
  await signUp(b.page, people.second);
  // The invitation screen names the first partner too; only Today's space card says the join is done.
  await expect(b.page.getByRole('heading', { name: `${people.second.name} & ${people.first.name}` })).toBeVisible();

  // The first partner's invitation screen, still open, notices the join by itself.
  await expect(a.page.getByRole('status').filter({ hasText: `${people.second.name} has joined your space.` })).toBeVisible();
  await a.page.getByRole('link', { name: 'Open your space' }).click();
  await expect(a.page.getByRole('heading', { name: `${people.first.name} & ${people.second.name}` })).toBeVisible();
  return { first: { ...a, person: people.first }, second: { ...b, person: people.second } };
}

/** After a reload the keys are gone from memory; Hearth asks for the password again. */
export async function signInIfLocked(page: Page, who: { email: string; password: string }): Promise<void> {
  const unlock = page.getByRole('heading', { name: 'Unlock Hearth' });
  // Unlocked screens show the main navigation; the unlock screen does not.
  await expect(unlock.or(mainNav(page))).toBeVisible();
  if (await unlock.isVisible()) {
    await expect(page.getByLabel('Email')).toHaveValue(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(unlock).toHaveCount(0, { timeout: KDF_TIMEOUT_MS });
  }
}
