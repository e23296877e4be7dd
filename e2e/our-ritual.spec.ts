import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * Our ritual: Noor sets up a weekly lunch that started last week. Kai sees it on Today
 * and in Together, marks last week's lunch "we did it" with a small memory, and the
 * calendar file made in the browser carries the real title.
 */

const noor = { email: 'noor.ritual@example.com', password: 'bread rising slowly', name: 'Noor' };
const kai = { email: 'kai.ritual@example.com', password: 'window seat at noon', name: 'Kai' };

const title = 'Lunch, just us';
const place = 'The little bakery';
const memory = 'We tried the rye and talked about the summer.';

const server = useHearthServer();
const problems: string[] = [];

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

async function openTogether(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await goTo(page, 'Together');
  await expect(page.getByRole('heading', { name: 'Together', level: 1 })).toBeVisible();
}

test('a weekly ritual reaches both partners, is marked "we did it" and exports with its title', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: noor, second: kai });
  // A week ago in the browser's own zone: last week's lunch has happened, next week's is coming.
  const lastWeek = await a.page.evaluate(() => {
    const d = new Date(Date.now() - 7 * 86_400_000);
    return { date: `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`, weekday: d.getDay() };
  });
  const weekday = WEEKDAY[lastWeek.weekday] ?? 'Sunday';

  await test.step('Noor adds a weekly ritual', async () => {
    await openTogether(a.page);
    await expect(a.page.getByText('Nothing planned yet.', { exact: false })).toBeVisible();
    await expectAccessible(a.page, 'together hub, empty');
    await a.page.getByRole('link', { name: 'Add a ritual' }).click();
    const form = a.page.getByRole('form', { name: 'A new ritual' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Place (optional)').fill(place);
    await form.getByLabel('First time (date)').fill(lastWeek.date);
    await form.getByLabel('Time', { exact: true }).fill('12:30');
    await form.getByLabel('Reminder').selectOption({ label: '1 hour before' });
    await expect(form.getByRole('group', { name: 'On these days' }).getByRole('checkbox', { name: weekday })).toBeChecked();
    await expect(form.getByText(`Every ${weekday}.`, { exact: false })).toBeVisible();
    await expectAccessible(a.page, 'new ritual form');
    await form.getByRole('button', { name: 'Add ritual' }).click();
    await expect(a.page.getByRole('heading', { name: 'Together', level: 1 })).toBeVisible();
    const plan = a.page.getByRole('listitem', { name: title });
    await expect(plan.getByText(`Every ${weekday} · ${place} · added by you`)).toBeVisible();
  });

  await test.step('Kai sees it on Today', async () => {
    await goTo(b.page, 'Settings');
    await goTo(b.page, 'Today');
    const card = b.page.getByRole('region', { name: 'Next time together' });
    await expect(card.getByText(title)).toBeVisible();
    await expectAccessible(b.page, 'today with the next ritual');
  });

  await test.step('Kai marks last week "we did it" with a memory', async () => {
    await openTogether(b.page);
    const plan = b.page.getByRole('listitem', { name: title });
    await expect(plan.getByText('added by Noor')).toBeVisible();
    await expect(plan.getByText('Not marked yet', { exact: false })).toBeVisible();
    await expectAccessible(b.page, 'together hub with a ritual to mark');
    await plan.getByLabel('A memory of it (optional)').fill(memory);
    await plan.getByRole('button', { name: 'We did it' }).click();
    await expect(plan.getByText('Kept once')).toBeVisible();
    await expect(plan.getByRole('button', { name: 'We did it' })).toHaveCount(0);
  });

  await test.step('Our week counts it as time together, with a gentle next step', async () => {
    await goTo(b.page, 'Today');
    await goTo(b.page, 'Our week');
    const row = b.page.getByRole('row', { name: /Times together/ });
    await expect(row.getByRole('cell').first()).toHaveText('1');
    await expect(b.page.getByRole('region', { name: 'A gentle next step' })).toBeVisible();
    await expectAccessible(b.page, 'our week');
  });

  await test.step('Noor sees it kept, and downloads the calendar with the real title', async () => {
    await openTogether(a.page);
    const plan = a.page.getByRole('listitem', { name: title });
    await expect(plan.getByText('Kept once')).toBeVisible();
    await plan.getByText('Memories (1)').click();
    await expect(plan.getByText(memory)).toBeVisible();
    await openTool(a.page, 'Calendar');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Download calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('hearth-together.ics');
    const path = await download.path();
    const ics = await readFile(path, 'utf8');
    expect(ics).toContain(`SUMMARY:${title.replace(',', '\\,')}`);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=');
  });

  await test.step('Noor makes a feed address; the feed never shows the title', async () => {
    await a.page.getByRole('button', { name: 'Make a feed address' }).click();
    const url = await a.page.getByLabel('Your feed address (shown once)').inputValue();
    expect(url).toMatch(/\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await a.page.request.get(url);
    expect(feed.status()).toBe(200);
    const text = await feed.text();
    expect(text).toContain('SUMMARY:Hearth: time together');
    expect(text).not.toContain('Lunch');
    expect(text).not.toContain('bakery');
    await expectAccessible(a.page, 'calendar with a feed address');
  });

  expect(problems).toEqual([]);
});
