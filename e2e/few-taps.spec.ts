import { expect, test, type Locator } from '@playwright/test';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, mainNav } from './support/nav.ts';

/**
 * An ordinary evening on a phone (issue 19): from Today, Lina checks in, answers the
 * day's question, thanks Omar and logs a win, each in a handful of taps. Typing is
 * not a tap; every click on a link, tab, choice or button is, and is counted.
 */

const lina = { email: 'lina.taps@example.com', password: 'a quiet harbour at dusk', name: 'Lina' };
const omar = { email: 'omar.taps@example.com', password: 'figs on the windowsill', name: 'Omar' };

const server = useHearthServer();
const problems: string[] = [];

test('the everyday things take four taps or fewer from Today', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: lina, second: omar });
  const page = a.page;
  await page.setViewportSize({ width: 390, height: 844 });
  let taps = 0;
  const tap = async (target: Locator) => {
    await target.click();
    taps += 1;
  };
  // A mood or feeling is a styled radio or checkbox: checking it is one tap on its label.
  const choose = async (target: Locator) => {
    await target.check();
    taps += 1;
  };
  const fromToday = async () => {
    await goTo(page, 'Today');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(lina.name);
    taps = 0;
  };

  await test.step('a check-in: four taps (the card, a mood, a feeling, Check in)', async () => {
    await fromToday();
    await tap(page.getByRole('region', { name: 'Check-ins' }).getByRole('link', { name: 'Check in today' }));
    await choose(page.getByRole('group', { name: 'How are you feeling?' }).getByRole('radio', { name: 'Okay' }));
    await choose(page.getByRole('checkbox', { name: 'hopeful', exact: true }));
    await tap(page.getByRole('button', { name: 'Check in', exact: true }));
    await expect(page.getByRole('status').filter({ hasText: 'Checked in.' })).toBeVisible();
    expect(taps).toBeLessThanOrEqual(4);
  });

  await test.step("today's question: two taps around the answer", async () => {
    await fromToday();
    await tap(page.locator('.dq-today-card').getByRole('link', { name: "Open today's question" }));
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Teleporting to the bakery before it sells out.');
    await tap(page.getByRole('button', { name: 'Share my answer' }));
    await expect(page.getByText(`Waiting for ${omar.name}'s answer`)).toBeVisible();
    expect(taps).toBeLessThanOrEqual(3);
  });

  await test.step('a thank-you: three taps (Support, Say thank you, Send)', async () => {
    await fromToday();
    await tap(mainNav(page).getByRole('link', { name: 'Support', exact: true }));
    await tap(page.getByRole('link', { name: 'Say thank you' }));
    await page.getByRole('textbox', { name: 'Thank you for…' }).fill('Thank you for the soup when I came home late.');
    await tap(page.getByRole('button', { name: 'Send thank-you' }));
    await expect(page.getByRole('status').filter({ hasText: 'will find it on their appreciation wall' })).toBeVisible();
    expect(taps).toBeLessThanOrEqual(3);
  });

  await test.step('a win: three taps (Support, Log a win, Add to the wall)', async () => {
    await fromToday();
    await tap(mainNav(page).getByRole('link', { name: 'Support', exact: true }));
    await tap(page.getByRole('link', { name: 'Log a win' }));
    const form = page.getByRole('form', { name: 'Log a win' });
    await form.getByRole('textbox', { name: 'Your win' }).fill('Finished the first draft of the grant.');
    await tap(form.getByRole('button', { name: 'Add to the wall' }));
    await expect(form.getByRole('status')).toContainText('Added to the wall.');
    expect(taps).toBeLessThanOrEqual(3);
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);
});
