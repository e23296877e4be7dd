import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { KDF_TIMEOUT_MS, signUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { watchContext } from './support/watch.ts';
import { storedRecords } from './support/storage.ts';
import { goTo, mainNav, signOutFrom, openTool } from './support/nav.ts';

/**
 * Mira opens Hearth several times a day. She signs in once on her phone, sets a PIN, and
 * from then on a reload, a new tab or an hour away ends on one PIN field and then Today —
 * no email, no password. Five wrong PINs and the phone needs her password again. On her
 * laptop she uses a passkey instead (a virtual authenticator with PRF, as a platform
 * authenticator would give). Signing out leaves no key material in the browser.
 */

const mira = { email: 'mira.device@example.com', password: 'tea on the back step at dawn', name: 'Mira Okafor' };
const noor = { email: 'noor.device@example.com', password: 'the long way round the lake', name: 'Noor Haddad' };

const server = useHearthServer();
const problems: string[] = [];

test.afterEach(() => {
  expect(problems).toEqual([]);
});

async function settingsThisDevice(page: Page) {
  await goTo(page, 'Settings');
  await openTool(page, 'This device');
  const card = page.getByRole('region', { name: 'Unlock and lock' });
  await expect(card).toBeVisible();
  return card;
}

async function keyDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}


test('a PIN opens Hearth after a reload, the idle lock and Quick exit; five wrong PINs need the password', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  watchContext(context, server.url, problems);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto('/app/sign-up');
  await signUp(page, mira);

  await test.step('Today offers a faster unlock once; Settings sets a PIN', async () => {
    const offer = page.getByRole('region', { name: 'Open Hearth faster here' });
    await expect(offer).toBeVisible();
    await expectAccessible(page, 'today with the device offer');
    await offer.getByRole('link', { name: 'Set it up' }).click();
    const card = page.getByRole('region', { name: 'Unlock and lock' });
    await card.getByRole('button', { name: 'Use a 6-digit PIN' }).click();
    await card.getByLabel('New 6-digit PIN').fill('482916');
    await card.getByLabel('The same PIN again').fill('482916');
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await expect(card.getByText('This device now opens with your PIN.')).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: '(this device)' })).toContainText('PIN');
    await expectAccessible(page, 'settings, this device');
  });

  await test.step('a reload shows one PIN field, and the PIN opens Today without the password', async () => {
    await page.goto('/app/today');
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveCount(0);
    await expectAccessible(page, 'unlock with a PIN');
    await page.getByLabel('Your 6-digit PIN').fill('482916');
    await expect(page.getByRole('heading', { name: new RegExp(`, ${mira.name}$`) })).toBeVisible();
    // The offer does not come back once the device has its unlock.
    await expect(page.getByRole('region', { name: 'Open Hearth faster here' })).toHaveCount(0);
  });

  await test.step('left alone past the idle time it locks itself', async () => {
    const card = await settingsThisDevice(page);
    await card.getByLabel('Lock after I leave it for').selectOption('1');
    await expect(card.getByText('Hearth locks after 1 minute without use.')).toBeVisible();
    await page.clock.fastForward('01:30');
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await page.getByLabel('Your 6-digit PIN').fill('482916');
    await expect(page.getByRole('heading', { name: 'This device', level: 1 })).toBeVisible();
  });

  await test.step('Quick exit leaves for the neutral page; opening Hearth again asks for the PIN', async () => {
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expect(page).toHaveURL(/\/recipes\/lentil-soup$/);
    await page.goto('/app/');
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await page.getByLabel('Your 6-digit PIN').fill('482916');
    await expect(mainNav(page)).toBeVisible();
  });

  await test.step('five wrong PINs in a row end PIN unlock: the password is needed, and the PIN must be set again', async () => {
    await page.reload();
    for (let left = 4; left >= 1; left -= 1) {
      await page.getByLabel('Your 6-digit PIN').fill('000000');
      await expect(page.getByText(`${String(left)} ${left === 1 ? 'try' : 'tries'} left`)).toBeVisible();
    }
    await page.getByLabel('Your 6-digit PIN').fill('000000');
    await expect(page.getByRole('heading', { name: 'Unlock Hearth' })).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    // A reload cannot bring the PIN back: the server has forgotten this device.
    await page.reload();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await page.getByLabel('Password', { exact: true }).fill(mira.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(mainNav(page)).toBeVisible({ timeout: KDF_TIMEOUT_MS });
    const card = await settingsThisDevice(page);
    await expect(card.getByRole('button', { name: 'Use a 6-digit PIN' })).toBeVisible();
    await expect(card.getByRole('listitem')).toHaveCount(0);
  });

  await test.step('signing out leaves no key material in IndexedDB', async () => {
    const card = page.getByRole('region', { name: 'Unlock and lock' });
    await card.getByRole('button', { name: 'Use a 6-digit PIN' }).click();
    await card.getByLabel('New 6-digit PIN').fill('135790');
    await card.getByLabel('The same PIN again').fill('135790');
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await expect(card.getByText('This device now opens with your PIN.')).toBeVisible();
    // The unlock, beside the device's sealed copy of the space (issue 23).
    expect(await storedRecords(page)).toContain('hearth-device/unlock: 1');
    await signOutFrom(page);
    await expect(page.getByRole('heading', { name: 'Sign in' }).or(page.getByRole('link', { name: 'Sign in' })).first()).toBeVisible();
    expect(await keyDatabases(page)).not.toContain('hearth-device');
    expect(await storedRecords(page)).toEqual([]);
  });
  await context.close();
});

test('a passkey with PRF opens Hearth after a reload, with no password', async ({ browser }) => {
  // WebAuthn needs a host name, not an IP address: the same server, reached as localhost.
  const origin = server.url.replace('127.0.0.1', 'localhost');
  const context = await browser.newContext({ baseURL: origin });
  watchContext(context, origin, problems);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  await page.goto('/app/sign-up');
  await signUp(page, noor);

  await test.step('Settings sets up the passkey', async () => {
    const card = await settingsThisDevice(page);
    await card.getByRole('button', { name: 'Use Face ID, fingerprint or a security key' }).click();
    await expect(card.getByText('This device now opens with your passkey.')).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: '(this device)' })).toContainText('passkey');
  });

  await test.step('after a reload one button unlocks it', async () => {
    await page.goto('/app/today');
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await expectAccessible(page, 'unlock with a passkey');
    await page.getByRole('button', { name: 'Unlock with passkey' }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`, ${noor.name}$`) })).toBeVisible();
  });

  await test.step('removing the device in Settings ends it: the next open needs the password', async () => {
    const card = await settingsThisDevice(page);
    await card.getByRole('button', { name: /^Remove / }).click();
    await expect(card.getByRole('listitem')).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  });
  await context.close();
});
