/**
 * Device unlock (issue 18, decision 0053): from the unlock gesture to Today on a trusted
 * device, in Chromium — the PIN typed (the sixth digit submits it), and a passkey with
 * PRF from Chromium's virtual authenticator. Median of several reloads. Needs `npm run
 * build` first. Run alone: `npx tsx bench/unlock.bench.ts`.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium.ts';
import { isMain, median, ms, printTable, type Row } from './support/report.ts';
import { startServer } from './support/server.ts';
import { goTo, openTool } from '../e2e/support/nav.ts';

const GOAL_MS = 1500;
const ROUNDS = 7;

async function signUp(page: Page, email: string): Promise<void> {
  page.setDefaultTimeout(120_000);
  await page.goto('/app/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long walk by the sea');
  await page.getByLabel('Display name').fill('Robin');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel("I've saved it").check({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Continue' }).click();
  await goTo(page, 'Settings');
  await openTool(page, 'This device');
}

/** Reloads, waits for the unlock screen, then times the gesture until Today's greeting shows. */
async function timeUnlocks(page: Page, gesture: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    await page.goto('/app/today');
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    const started = performance.now();
    await gesture();
    await page.getByRole('heading', { name: /, Robin$/ }).waitFor();
    times.push(performance.now() - started);
  }
  return times;
}

export async function unlockBench(): Promise<Row[]> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const pinContext = await browser.newContext({ baseURL: server.url });
    const pinPage = await pinContext.newPage();
    await signUp(pinPage, 'bench-pin@example.test');
    const card = pinPage.getByRole('region', { name: 'Unlock and lock' });
    await card.getByRole('button', { name: 'Use a 6-digit PIN' }).click();
    await card.getByLabel('New 6-digit PIN').fill('482916');
    await card.getByLabel('The same PIN again').fill('482916');
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await card.getByText('This device now opens with your PIN.').waitFor();
    const pin = await timeUnlocks(pinPage, () => pinPage.getByLabel('Your 6-digit PIN').fill('482916'));
    await pinContext.close();

    const origin = server.url.replace('127.0.0.1', 'localhost');
    const keyContext = await browser.newContext({ baseURL: origin });
    const keyPage = await keyContext.newPage();
    const cdp = await keyContext.newCDPSession(keyPage);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
    });
    await signUp(keyPage, 'bench-passkey@example.test');
    await keyPage.getByRole('button', { name: 'Use Face ID, fingerprint or a security key' }).click();
    await keyPage.getByText('This device now opens with your passkey.').waitFor();
    const passkey = await timeUnlocks(keyPage, () => keyPage.getByRole('button', { name: 'Unlock with passkey' }).click());
    await keyContext.close();

    return [
      { benchmark: `Unlock: PIN to Today (median of ${String(ROUNDS)})`, result: ms(median(pin)), goal: `< ${ms(GOAL_MS)}`, met: median(pin) < GOAL_MS },
      { benchmark: `Unlock: passkey to Today (median of ${String(ROUNDS)})`, result: ms(median(passkey)), goal: `< ${ms(GOAL_MS)}`, met: median(passkey) < GOAL_MS },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (isMain(import.meta.url)) printTable(await unlockBench());
