import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { expectFitsWidth, tabTo } from './support/keyboard.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { watchContext } from './support/watch.ts';

/**
 * Jordan uses Hearth with the keyboard alone, on a small phone-sized screen: signs up,
 * creates a space, checks in, opens the notifications, moves around the header and
 * leaves with Quick exit — only Tab, Shift+Tab, Enter, Space and the arrow keys, never
 * a click. Every stop checks that focus is visible, the screen fits the width and axe
 * finds nothing.
 */

const jordan = { email: 'jordan.keys@example.com', password: 'tea by the window at dawn', name: 'Jordan Lee' };
const note = 'A slow morning, and that was fine';

const server = useHearthServer();
const problems: string[] = [];

test.use({ viewport: { width: 375, height: 740 } });

test('a whole visit by keyboard alone, at phone width', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 375, height: 740 } });
  watchContext(context, server.url, problems);
  const page = await context.newPage();
  const key = (k: string) => page.keyboard.press(k);
  const screen = async (name: string) => {
    await expectFitsWidth(page, name);
    await expectAccessible(page, name);
  };

  await test.step('signs up', async () => {
    await page.goto('/app/sign-up');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await screen('sign-up');
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(jordan.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(jordan.password);
    await tabTo(page, page.getByLabel('Display name'));
    await page.keyboard.type(jordan.name);
    await tabTo(page, page.getByRole('button', { name: 'Create account' }));
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 60_000 });
    await screen('recovery key');
    await tabTo(page, page.getByLabel("I've saved it"));
    await key('Space');
    await expect(page.getByLabel("I've saved it")).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await key('Enter');
  });

  await test.step('creates the space and comes back to Today from the header', async () => {
    await screen('today without a space');
    await tabTo(page, page.getByRole('button', { name: 'Create our space' }));
    await key('Enter');
    await expect(page.getByLabel('Invitation link')).toBeVisible();
    await screen('invite');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The header comes before the page: back up to it.
    await tabTo(page, nav.getByRole('link', { name: 'Today' }), { backwards: true });
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Waiting for your partner' })).toBeVisible();
    await screen('today, waiting for a partner');
  });

  await test.step('checks in', async () => {
    await tabTo(page, page.getByRole('link', { name: 'Check in today' }));
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Check in', level: 1 })).toBeVisible();
    await screen('check in');
    const moods = page.getByRole('group', { name: 'How are you feeling?' }).getByRole('radio');
    await tabTo(page, moods.first());
    // Arrow keys move through a radio group and choose as they go.
    await key('ArrowRight');
    await expect(moods.nth(1)).toBeChecked();
    await tabTo(page, page.getByRole('checkbox', { name: 'tired', exact: true }));
    await key('Space');
    await expect(page.getByRole('checkbox', { name: 'tired', exact: true })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'some quiet', exact: true }));
    await key('Enter');
    await expect(page.getByLabel('I need…')).toHaveValue('some quiet');
    await tabTo(page, page.getByLabel('Note'));
    await page.keyboard.type(note);
    await tabTo(page, page.getByRole('button', { name: 'Check in', exact: true }));
    await key('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Checked in.' })).toBeVisible();
    await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your check-in' })).toBeFocused();
    await screen('after checking in');
  });

  await test.step('opens the notifications and settings from "More", and Today from the tab bar', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: 'More' });
    const sheet = page.getByRole('dialog', { name: 'More' });
    await tabTo(page, more, { backwards: true });
    await key('Enter');
    await expect(sheet).toBeVisible();
    await screen('more');
    // Escape closes the sheet and gives focus back to "More".
    await key('Escape');
    await expect(sheet).toHaveCount(0);
    await expect(more).toBeFocused();
    await key('Enter');
    await tabTo(page, sheet.getByRole('link', { name: 'Notifications' }));
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    await expect(sheet).toHaveCount(0);
    await screen('notifications');
    await tabTo(page, more, { backwards: true });
    await key('Enter');
    await tabTo(page, sheet.getByRole('link', { name: 'Settings' }));
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await screen('settings');
    await tabTo(page, nav.getByRole('link', { name: 'Today' }), { backwards: true });
    await key('Enter');
    await expect(page.getByRole('heading', { name: 'Waiting for your partner' })).toBeVisible();
    await expect(page.getByText("You've checked in today.")).toBeVisible();
  });

  await test.step('leaves with Quick exit', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Quick exit' }), { backwards: true });
    await key('Enter');
    await expect(page).toHaveURL(/\/recipes\/lentil-soup$/);
  });

  expect(problems).toEqual([]);
  await context.close();
});
