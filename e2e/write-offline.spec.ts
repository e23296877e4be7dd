import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { KDF_TIMEOUT_MS, openBrowser, pairUp, signInIfLocked, signUp } from './support/couple.ts';
import { goTo, mainNav, openTool, signOutFrom } from './support/nav.ts';
import { storedRecords } from './support/storage.ts';
import { useHearthServer } from './support/use-hearth.ts';

/**
 * Ines and Tomas (issue 23). Ines opens Hearth with a passkey on her phone. On the train
 * home there is no signal: she reloads, unlocks, reads this morning's check-in from the
 * phone's copy, checks in again and thanks Tomas, and closes the page. Back in signal she
 * opens Hearth and both writes go; Tomas sees each exactly once. Later the server restarts
 * just as she writes, and the write arrives once it is back. Signing out leaves nothing of
 * Hearth's in the browser's storage.
 */

const ines = { email: 'ines.offline@example.com', password: 'a window seat facing backwards', name: 'Ines' };
const tomas = { email: 'tomas.offline@example.com', password: 'bread rising by the radiator', name: 'Tomas' };
const morningNote = 'Slept badly but the coffee helped';
const trainNote = 'Tunnel after tunnel, thinking of you';
const trainThanks = 'Thank you for packing my lunch this morning';
const restartThanks = 'Thank you for waiting up for me';

const server = useHearthServer();
const problems: string[] = [];

test.afterEach(() => {
  expect(problems).toEqual([]);
});

async function addPasskeyAuthenticator(cdp: CDPSession): Promise<void> {
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
}

async function checkIn(page: Page, note: string): Promise<void> {
  await goTo(page, 'Talk');
  await page.getByRole('link', { name: /^Check in/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Check in', level: 1 })).toBeVisible();
  await page.getByRole('group', { name: 'How are you feeling?' }).getByRole('radio', { name: 'Okay' }).check();
  await page.getByRole('checkbox', { name: 'hopeful', exact: true }).check();
  await page.getByLabel('Note').fill(note);
  await page.getByRole('radio', { name: 'Both of us' }).check();
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByTestId('checkin').filter({ hasText: note })).toBeVisible();
}

async function thank(page: Page, text: string): Promise<void> {
  await goTo(page, 'Support');
  await page.getByRole('link', { name: 'Say thank you' }).click();
  const section = page.getByRole('region', { name: 'Appreciation' });
  await section.getByRole('textbox', { name: 'Thank you for…' }).fill(text);
  await section.getByRole('button', { name: 'Send thank-you' }).click();
  await expect(section.getByText(text)).toBeVisible();
}

/** How many items the device's copy holds (the sync has run once it has any). */
async function copiedItems(page: Page): Promise<number> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hearth-copy')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('hearth-copy');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('items')) return 0;
      return await new Promise<number>((resolve) => {
        const req = db.transaction('items').objectStore('items').count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(0);
      });
    } finally {
      db.close();
    }
  });
}

/** How many writes wait in the device's outbox. */
async function outboxLength(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('hearth-copy');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    try {
      const outbox = await new Promise<unknown>((resolve) => {
        const req = db.transaction('meta').objectStore('meta').get('outbox');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(undefined);
      });
      return typeof outbox === 'object' && outbox !== null && 'queue' in outbox && Array.isArray(outbox.queue) ? outbox.queue.length : -1;
    } finally {
      db.close();
    }
  });
}

const banner = (page: Page) => page.locator('.offline-banner');

test('writes made on a train with no signal, and while the server restarts, arrive once each', async ({ browser }) => {
  // WebAuthn needs a host name, not an IP address: the same server, reached as localhost.
  const origin = server.url.replace('127.0.0.1', 'localhost');
  const { first: a, second: b } = await pairUp(browser, { ...server, url: origin }, problems, { first: ines, second: tomas });
  await addPasskeyAuthenticator(await a.context.newCDPSession(a.page));

  await test.step('Ines makes her phone a trusted device with a passkey and checks in', async () => {
    await goTo(a.page, 'Settings');
    await openTool(a.page, 'This device');
    const card = a.page.getByRole('region', { name: 'Unlock and lock' });
    await card.getByRole('button', { name: 'Use Face ID, fingerprint or a security key' }).click();
    await expect(card.getByText('This device now opens with your passkey.')).toBeVisible();
    await checkIn(a.page, morningNote);
    // The service worker holds the app shell, and the copy holds the space, before the signal goes.
    await a.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => copiedItems(a.page)).toBeGreaterThan(0);
  });

  await test.step('with no signal, a reload opens with the passkey and shows what the phone saved', async () => {
    await a.context.setOffline(true);
    await a.page.reload();
    await expect(a.page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await a.page.getByRole('button', { name: 'Unlock with passkey' }).click();
    // It opens where she was, the check-in screen.
    await expect(a.page.getByRole('heading', { name: 'Check in', level: 1 })).toBeVisible();
    await goTo(a.page, 'Today');
    await expect(a.page.getByRole('heading', { level: 1 })).toContainText(ines.name);
    // Chromium under test still says navigator.onLine; the failed requests tell the app instead.
    await expect(banner(a.page)).toContainText(/You're offline|Hearth can't be reached right now/);
    await expectAccessible(a.page, 'today offline');
    await goTo(a.page, 'Talk');
    await expect(a.page.getByRole('region', { name: 'Recent check-ins' }).getByTestId('checkin').filter({ hasText: morningNote })).toBeVisible();
  });

  await test.step('she checks in and says thank you; both wait, and the banner counts them', async () => {
    await checkIn(a.page, trainNote);
    await expect(a.page.getByTestId('checkin').filter({ hasText: trainNote })).toContainText('Waiting to send');
    await thank(a.page, trainThanks);
    await expect(a.page.getByRole('status').filter({ hasText: "It goes to Tomas when you're back online." })).toBeVisible();
    await expect(a.page.getByTestId('support-thanks').filter({ hasText: trainThanks })).toContainText('Waiting to send');
    await expect(banner(a.page)).toContainText(/2 writes (will be sent|waiting to send)/);
    await expectAccessible(a.page, 'appreciation offline');
    await a.page.close();
  });

  await test.step('back in signal, opening Hearth sends both, and the banner goes', async () => {
    await a.context.setOffline(false);
    a.page = await a.context.newPage();
    await a.page.goto('/app/today');
    // The outbox goes as the page opens, before any unlock: only the cookie is needed to send sealed writes.
    await expect(a.page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await expect.poll(() => outboxLength(a.page)).toBe(0);
    // The virtual passkey lived in the closed tab, so the password opens this one.
    await a.page.getByRole('button', { name: 'Use your password instead' }).click();
    await a.page.getByLabel('Password', { exact: true }).fill(ines.password);
    await a.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(a.page.getByRole('heading', { level: 1 })).toContainText(ines.name, { timeout: KDF_TIMEOUT_MS });
    await expect(banner(a.page)).toHaveCount(0);
  });

  await test.step('Tomas sees the check-in and the thank-you, once each', async () => {
    await b.page.reload();
    await signInIfLocked(b.page, tomas);
    await goTo(b.page, 'Talk');
    const recent = b.page.getByRole('region', { name: 'Recent check-ins' });
    await expect(recent.getByTestId('checkin').filter({ hasText: trainNote })).toHaveCount(1);
    await expect(recent.getByTestId('checkin').filter({ hasText: morningNote })).toHaveCount(1);
    await goTo(b.page, 'Support');
    await openTool(b.page, 'Appreciation');
    await expect(b.page.getByTestId('support-thanks').filter({ hasText: trainThanks })).toHaveCount(1);
  });

  await test.step('a thank-you written while the server restarts arrives once it is back', async () => {
    await server.stop();
    await thank(a.page, restartThanks);
    await expect(banner(a.page)).toContainText('1 write waiting to send');
    const note = a.page.getByTestId('support-thanks').filter({ hasText: restartThanks });
    await expect(note).toContainText('Waiting to send');
    await server.restart();
    await expect(banner(a.page)).toHaveCount(0, { timeout: 90_000 });
    await expect(note).not.toContainText('Waiting to send');
    await b.page.reload();
    await signInIfLocked(b.page, tomas);
    await goTo(b.page, 'Support');
    await openTool(b.page, 'Appreciation');
    await expect(b.page.getByTestId('support-thanks').filter({ hasText: restartThanks })).toHaveCount(1);
    await expect(b.page.getByTestId('support-thanks').filter({ hasText: trainThanks })).toHaveCount(1);
  });

  await test.step('signing out leaves nothing of Hearth in the browser', async () => {
    await signOutFrom(a.page);
    await expect(a.page.getByRole('heading', { name: 'Sign in' }).or(a.page.getByRole('link', { name: 'Sign in' })).first()).toBeVisible();
    expect(await storedRecords(a.page)).toEqual([]);
  });

  await a.context.close();
  await b.context.close();
});

const rosa = { email: 'rosa.twoversions@example.com', password: 'the fig tree by the gate', name: 'Rosa' };

async function renameRitual(page: Page, from: string, to: string): Promise<void> {
  await goTo(page, 'Together');
  await page.getByRole('link', { name: `Edit ${from}` }).click();
  await page.getByLabel('Title').fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Together', level: 1 })).toBeVisible();
  await expect(page.getByRole('listitem', { name: to })).toBeVisible();
}

test('an edit made offline that meets a newer one elsewhere asks which to keep; Quick exit forgets the device only when asked', async ({ browser }) => {
  const phone = await openBrowser(browser, server, problems);
  await phone.page.goto('/app/sign-up');
  await signUp(phone.page, rosa);
  await phone.page.getByRole('button', { name: 'Create our space' }).click();
  await expect(phone.page.getByLabel('Invitation link')).toBeVisible();

  await test.step('Rosa plans a ritual on her phone', async () => {
    await goTo(phone.page, 'Together');
    await phone.page.getByRole('link', { name: 'Add a ritual' }).click();
    const form = phone.page.getByRole('form', { name: 'A new ritual' });
    await form.getByLabel('Title').fill('Sunday dinner');
    await form.getByLabel('First time (date)').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await form.getByLabel('Time', { exact: true }).fill('19:00');
    await form.getByRole('button', { name: 'Add ritual' }).click();
    await expect(phone.page.getByRole('listitem', { name: 'Sunday dinner' })).toBeVisible();
    await expect.poll(() => copiedItems(phone.page)).toBeGreaterThan(0);
  });

  await test.step('offline on the phone she renames it; on her laptop, online, she renames it too', async () => {
    await phone.context.setOffline(true);
    await renameRitual(phone.page, 'Sunday dinner', 'Sunday dinner at the fig tree');
    const laptop = await openBrowser(browser, server, problems);
    await laptop.page.goto('/app/sign-in');
    await laptop.page.getByLabel('Email').fill(rosa.email);
    await laptop.page.getByLabel('Password', { exact: true }).fill(rosa.password);
    await laptop.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(mainNav(laptop.page)).toBeVisible({ timeout: KDF_TIMEOUT_MS });
    await renameRitual(laptop.page, 'Sunday dinner', 'Sunday roast');
    await laptop.context.close();
  });

  await test.step('back online, the phone shows both versions and keeps the one she picks', async () => {
    await phone.context.setOffline(false);
    const line = banner(phone.page);
    await expect(line).toContainText('Something you changed offline was also changed elsewhere.', { timeout: 90_000 });
    await line.getByRole('button', { name: 'Choose' }).click();
    const sheet = phone.page.getByRole('dialog', { name: 'Two versions of one thing' });
    await expect(sheet.getByRole('region', { name: 'Your edit' })).toContainText('Sunday dinner at the fig tree');
    await expect(sheet.getByRole('region', { name: 'The other version' })).toContainText('Sunday roast');
    await expectAccessible(phone.page, 'two versions');
    await sheet.getByRole('button', { name: 'Keep my edit' }).click();
    await expect(sheet).toHaveCount(0);
    await expect(line).toHaveCount(0);
    await phone.page.reload();
    await signInIfLocked(phone.page, rosa);
    await goTo(phone.page, 'Together');
    await expect(phone.page.getByRole('listitem', { name: 'Sunday dinner at the fig tree' })).toBeVisible();
    await expect(phone.page.getByRole('listitem', { name: 'Sunday roast' })).toHaveCount(0);
  });

  await test.step('Quick exit alone keeps the copy sealed and locked; with "forget this device" it leaves nothing', async () => {
    const page = phone.page;
    await goTo(page, 'Settings');
    await openTool(page, 'This device');
    const card = page.getByRole('region', { name: 'Unlock and lock' });
    await card.getByRole('button', { name: 'Use a 6-digit PIN' }).click();
    await card.getByLabel('New 6-digit PIN').fill('248135');
    await card.getByLabel('The same PIN again').fill('248135');
    await card.getByRole('button', { name: 'Save PIN' }).click();
    await expect(card.getByText('This device now opens with your PIN.')).toBeVisible();

    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expect(page).toHaveURL(/\/recipes\//);
    await page.goto('/app/today');
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    expect(await copiedItems(page)).toBeGreaterThan(0);
    await page.getByLabel('Your 6-digit PIN').fill('248135');
    await expect(mainNav(page)).toBeVisible();

    await goTo(page, 'Settings');
    await openTool(page, 'This device');
    await page.getByRole('checkbox', { name: 'Quick exit also forgets this device' }).check();
    await expect(card.getByText('Quick exit will sign out and delete what this device keeps.')).toBeVisible();
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await expect(page).toHaveURL(/\/recipes\//);
    await expect.poll(() => storedRecords(page)).toEqual([]);
    await page.goto('/app/today');
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toHaveCount(0);
  });

  await phone.context.close();
});
