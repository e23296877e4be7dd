/**
 * `npm run screens`: the screen gallery (issue 19). Starts Hearth on a fresh embedded
 * database, pairs a couple, and photographs every screen for a phone (390×844) and a
 * desktop (1280×800), light and dark, into docs/screens/. The pages are reached inside
 * the app (no reload, so the keys stay in memory), as a person tapping through would.
 * Look at every picture before saying a screen is done.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.ts';
import { openBrowser, pairUp } from './support/couple.ts';
import { removeDataDir, startHearth } from './support/hearth-server.ts';

const OUT = 'docs/screens';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
const THEMES = ['light', 'dark'] as const;

/** Every destination a signed-in person can reach, by the name the gallery files use. */
const SCREENS: readonly [name: string, path: string, ready: string, prepare?: (page: Page, partner: Page) => Promise<void>][] = [
  ['today', '/app/today', 'main h1'],
  ['talk', '/app/talk', 'main h1'],
  ['talk-check-in', '/app/talk/check-in', 'main h1'],
  ['talk-history', '/app/talk/history', 'main h1'],
  ['talk-question', '/app/talk/question', 'main h1'],
  ['together', '/app/together', 'main h1'],
  ['together-new-ritual', '/app/together/rituals/new', 'main h1'],
  ['together-ideas', '/app/together/ideas', 'main h1'],
  ['together-firsts', '/app/together/firsts', 'main h1'],
  ['together-interests', '/app/together/interests', 'main h1'],
  ['together-calendar', '/app/together/calendar', 'main h1'],
  ['touch', '/app/touch', 'main h1'],
  ['support', '/app/support', 'main h1'],
  ['support-thanks', '/app/support/thanks', 'main h1'],
  ['support-plate', '/app/support/plate', 'main h1'],
  ['help', '/app/help', 'main h1'],
  ['help-pulse', '/app/help/pulse', 'main h1'],
  ['programme', '/app/help/reconnect', 'main h1'],
  [
    'programme-week',
    '/app/help/reconnect',
    'main h1',
    async (page) => {
      await page.getByRole('button', { name: 'Start Reconnect' }).click();
      await page.getByRole('heading', { name: 'Talk without blame', level: 2 }).waitFor();
      await page.getByText('Read the lesson').click();
    },
  ],
  ['play', '/app/together/play', 'main h1'],
  [
    'play-question',
    '/app/together/play/know-me',
    'main h1',
    async (page) => {
      await page.getByRole('button', { name: 'Start a round' }).click();
      await page.getByText('About you · 1 of 10').waitFor();
      await page.locator('form.play-round').getByRole('radio').nth(1).check();
    },
  ],
  [
    'play-reveal',
    '/app/together/play/know-me',
    'main h1',
    async (page, partner) => {
      await answerAll(page, [0, 1, 2, 0, 1, 1, 1, 2, 0, 0]);
      await goInside(partner, '/app/together/play/know-me');
      await answerAll(partner, [1, 1, 0, 0, 2, 0, 1, 2, 1, 0]);
      await page.getByRole('heading', { name: /^You knew/ }).waitFor();
    },
  ],
  ['spark', '/app/spark', 'main h1'],
  ['week', '/app/week', 'main h1'],
  ['notifications', '/app/notifications', 'main h1'],
  ['settings', '/app/settings', 'main h1'],
  ['settings-reminders', '/app/settings/reminders', 'main h1'],
  ['settings-device', '/app/settings/device', 'main h1'],
  ['settings-data', '/app/settings/data', 'main h1'],
  // An edit made offline that met a newer one (issue 23): the banner's choice, opened.
  ['two-versions', '/app/together/rituals/new', 'main h1', showTwoVersions],
  // Offline, with a thank-you waiting to send.
  [
    'offline-thanks',
    '/app/support/thanks',
    'main h1',
    async (page) => {
      const sheet = page.getByRole('dialog', { name: 'Two versions of one thing' });
      if (await sheet.isVisible()) {
        await sheet.getByRole('button', { name: 'Keep my edit' }).click();
        await sheet.waitFor({ state: 'detached' });
      }
      await page.context().setOffline(true);
      const section = page.getByRole('region', { name: 'Appreciation' });
      await section.getByRole('textbox', { name: 'Thank you for…' }).fill('Thank you for the soup when I was ill');
      await section.getByRole('button', { name: 'Send thank-you' }).click();
      await page.getByText('Waiting to send').first().waitFor();
    },
  ],
  // Last, because it moves the page's clock five weeks on (after programme-week started Reconnect).
  [
    'programme-checkup',
    '/app/help',
    'main h1',
    async (page) => {
      await page.context().setOffline(false);
      await takePulse(page, ['Happy enough', 'Somewhat true', 'A little true', 'Somewhat true']);
      await page.clock.install({ time: new Date(Date.now() + 36 * 24 * 60 * 60_000) });
      await takePulse(page, ['Quite happy', 'Mostly true', 'Mostly true', 'Mostly true']);
      await goInside(page, '/app/help/reconnect');
      await page.getByRole('heading', { name: 'Your check-up', level: 2 }).waitFor();
    },
  ],
];

const ANA = { email: 'ana.screens@example.com', password: 'the orchard in late summer', name: 'Ana' };

/** Ana renames a ritual offline on this page and online on a second device, then opens the choice. */
async function showTwoVersions(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'A new ritual' });
  await form.getByLabel('Title').fill('Market on Saturday');
  await form.getByLabel('First time (date)').fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
  await form.getByLabel('Time', { exact: true }).fill('10:00');
  await form.getByRole('button', { name: 'Add ritual' }).click();
  await page.getByRole('listitem', { name: 'Market on Saturday' }).waitFor();
  // The device's copy syncs on the live change; give it a moment before the signal goes.
  await page.waitForTimeout(1500);
  const rename = async (on: Page, to: string) => {
    await goInside(on, '/app/together');
    await on.getByRole('link', { name: 'Edit Market on Saturday' }).click();
    await on.getByLabel('Title').fill(to);
    await on.getByRole('button', { name: 'Save changes' }).click();
    await on.getByRole('listitem', { name: to }).waitFor();
  };
  await page.context().setOffline(true);
  await rename(page, 'Market, then coffee at Lola’s');
  const laptop = await openBrowser(browser, server, problems);
  await laptop.page.goto('/app/sign-in');
  await laptop.page.getByLabel('Email').fill(ANA.email);
  await laptop.page.getByLabel('Password', { exact: true }).fill(ANA.password);
  await laptop.page.getByRole('button', { name: 'Sign in' }).click();
  await laptop.page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 90_000 });
  await rename(laptop.page, 'Market and a picnic');
  await laptop.context.close();
  await page.context().setOffline(false);
  await page.getByRole('button', { name: 'Choose' }).click({ timeout: 90_000 });
  await page.getByRole('region', { name: 'The other version' }).getByText('Market and a picnic').waitFor();
}

/** Plays an open Play round to the end with these option numbers. */
async function answerAll(page: Page, picks: readonly number[]): Promise<void> {
  const form = page.locator('form.play-round');
  for (const [i, pick] of picks.entries()) {
    await form.getByText(new RegExp(`· ${String(i + 1)} of ${String(picks.length)}$`)).waitFor();
    await form.getByRole('radio').nth(pick).check();
    await form.getByRole('button', { name: i === picks.length - 1 ? 'Finish' : 'Next' }).click();
  }
}

/** The relationship pulse, one answer per question, as a person taps it. */
async function takePulse(page: Page, answers: readonly string[]): Promise<void> {
  await goInside(page, '/app/help');
  await goInside(page, '/app/help/pulse');
  const groups = page.getByRole('group');
  for (const [i, label] of answers.entries()) await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: 'Save my pulse' }).click();
  await page.getByRole('heading', { name: /^Your pulse: \d+ out of 21$/ }).waitFor();
}

async function goInside(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const problems: string[] = [];
const server = await startHearth();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  // SCREENS_ONLY=today,talk retakes a few while working on them and leaves the others in place.
  const only = process.env['SCREENS_ONLY']?.split(',').filter(Boolean);
  if (!only) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { first, second } = await pairUp(browser, server, problems, {
    first: ANA,
    second: { email: 'ben.screens@example.com', password: 'a kettle on the old stove', name: 'Ben' },
  });
  const page = first.page;
  for (const [name, path, ready, prepare] of SCREENS) {
    if (only && !only.includes(name)) continue;
    await goInside(page, path);
    await page.locator(ready).first().waitFor();
    if (prepare) await prepare(page, second.page);
    // Let lazy parts and their first data arrive before the picture: no spinner or "Loading…" left.
    await page.waitForLoadState('networkidle');
    await page.locator('main [role="status"] progress, main .loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    await page.getByText(/^Loading .*…$/).first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      for (const [device, size] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(size);
        // Phones show the whole page (its height is part of the picture); desktops their first screen.
        await page.screenshot({ path: `${OUT}/${name}-${device}-${theme}.png`, fullPage: device === 'phone' });
      }
    }
    console.log(`screens: ${name}`);
  }
  if (problems.length > 0) throw new Error(`problems while photographing:\n${problems.join('\n')}`);
  console.log(`screens: ${String(SCREENS.length * 4)} pictures in ${OUT}/`);
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
}
