import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool, unreadIn } from './support/nav.ts';

/**
 * Robin adds a key date whose reminder is already due; the server's worker (polling
 * every second here) puts one neutral reminder in both partners' notification centers,
 * exactly once, and each can open it and mark everything read.
 */

const robin = { email: 'robin.notify@example.com', password: 'paper boats on the canal', name: 'Robin' };
const kai = { email: 'kai.notify@example.com', password: 'a lamp left on upstairs', name: 'Kai' };
const dateTitle = 'Our first flat, moving day';

const server = useHearthServer({ WORKER_POLL_SECONDS: '1' });
const problems: string[] = [];

async function openNotifications(page: Page, unread: number): Promise<void> {
  // The worker polls every second and the header refreshes on each screen change.
  await expect(async () => {
    await goTo(page, 'Settings');
    await goTo(page, 'Today');
    await expect(unreadIn(page, unread)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await goTo(page, 'Notifications');
  await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
}

test('a due reminder reaches both partners in the notification center, once', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: robin, second: kai });

  await test.step('Robin adds a key date whose reminder is already due', async () => {
    // Robin's device believes it is the morning before a day in 2020: the reminder it
    // computes (9:00 the day before, in her zone) has long passed for the real server.
    await a.page.clock.setFixedTime(new Date(2020, 2, 10, 8, 0));
    await goTo(a.page, 'Today');
    await goTo(a.page, 'Support');
    await openTool(a.page, 'Key dates');
    const form = a.page.getByRole('form', { name: 'Add a key date' });
    await expect(form).toBeVisible();
    await expectAccessible(a.page, 'support');
    await form.getByRole('textbox', { name: 'What is it?' }).fill(dateTitle);
    await form.getByLabel('Date', { exact: true }).fill('2020-03-12');
    await form.getByRole('button', { name: 'Add date' }).click();
    await expect(form.getByRole('status')).toHaveText('Key date saved.');
  });

  await test.step('Kai finds one discreet reminder and opens the right screen', async () => {
    await openNotifications(b.page, 1);
    const list = b.page.getByRole('list', { name: 'Notifications' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('A reminder in Hearth');
    await expect(list).not.toContainText(dateTitle);
    await expect(list).not.toContainText(robin.name);
    await expectAccessible(b.page, 'notification center');
    await list.getByRole('link', { name: 'A reminder in Hearth' }).click();
    await expect(b.page.getByRole('heading', { name: 'Key dates', level: 1 })).toBeVisible();
    await expect(unreadIn(b.page, 0)).toBeVisible();
  });

  await test.step('Robin sees hers too, still only once, and marks all as read', async () => {
    await openNotifications(a.page, 1);
    // A few more polls go by; the reminder is never delivered twice.
    await a.page.waitForTimeout(2500);
    const listed: unknown = await (await a.page.request.get('/api/notifications')).json();
    expect(JSON.stringify(listed)).not.toContain(dateTitle);
    expect(listed).toMatchObject({ unread: 1, notifications: [{ title: 'A reminder in Hearth', itemKind: 'support-date', readAt: null }] });
    await a.page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(unreadIn(a.page, 0)).toBeVisible();
    await expect(a.page.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();
    await expect(a.page.getByRole('list', { name: 'Notifications' }).getByRole('listitem')).toHaveCount(1);
  });

  expect(problems).toEqual([]);
});
