import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp, signInIfLocked } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * A heavy week at work: Alex shares it and asks only for comfort; Sam sees that on
 * Today and writes to her, and she marks it eased once it has. Sam's promotion goes
 * on the wins wall and Alex celebrates it from Today. Alex says thank you, starting
 * from one of the suggested openings, and it lands on Sam's appreciation wall.
 */

const alex = { email: 'alex.support@example.com', password: 'lanterns over the lake', name: 'Alex' };
const sam = { email: 'sam.support@example.com', password: 'the kettle is always on', name: 'Sam' };

const challenge = 'The audit at work is eating every evening';
const samMessage = 'I am right here with you, and I will keep the evenings quiet this week.';
const win = 'Got the team lead role';
const thanks = 'Thank you for listening when the audit got too much.';
const birthday = 'Alex turns thirty-two';

const server = useHearthServer();
const problems: string[] = [];

async function openSupport(page: Page, tool?: string): Promise<void> {
  await goTo(page, 'Today');
  await goTo(page, 'Support');
  await expect(page.getByRole('heading', { name: 'Support', level: 1 })).toBeVisible();
  if (tool) {
    await openTool(page, tool);
    await expect(page.getByRole('heading', { name: tool, level: 1 })).toBeVisible();
  }
}

/** Today loads afresh when opened from another screen, as a person coming back to it would. */
async function openToday(page: Page): Promise<void> {
  await goTo(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await goTo(page, 'Today');
  await expect(page.getByRole('heading', { name: 'Practices' })).toBeVisible();
}

test('a challenge is met with comfort, a win is celebrated and a thank-you reaches the wall', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('Alex shares what is on her plate and asks for comfort', async () => {
    await openSupport(a.page);
    await expect(a.page.getByRole('link', { name: /^On my plate/ })).toContainText('Nothing on either plate right now.');
    await expectAccessible(a.page, 'support hub, empty');
    await openTool(a.page, 'On my plate');
    await expectAccessible(a.page, 'on my plate, empty');
    const form = a.page.getByRole('form', { name: "Share what's on your plate" });
    await form.getByRole('group', { name: 'What is it about?' }).getByRole('radio', { name: 'Work' }).check();
    await form.getByRole('textbox', { name: "What's going on?" }).fill(challenge);
    await form.getByRole('group', { name: 'How heavy does it feel?' }).getByRole('radio', { name: 'Heavy', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Comfort (just listen)' }).check();
    await form.getByRole('button', { name: 'Share it' }).click();
    await expect(form.getByRole('status')).toHaveText('Shared with Sam.');
    const mine = a.page.getByRole('article', { name: 'Your challenge' });
    await expect(mine.getByText(challenge)).toBeVisible();
    await expect(mine.getByText('You asked for just listen and be there.')).toBeVisible();
    await expect(mine.getByText('No response yet.')).toBeVisible();
  });

  await test.step('Sam sees it on Today with the wish made clear, and writes to her', async () => {
    await openToday(b.page);
    const card = b.page.getByRole('region', { name: "On Alex's plate" });
    await expect(card.getByText(challenge)).toBeVisible();
    await expect(card.getByText('Alex would like just listen and be there.')).toBeVisible();
    await expectAccessible(b.page, 'today with a challenge');
    await card.getByRole('button', { name: 'Write a message' }).click();
    await card.getByRole('textbox', { name: 'Your message' }).fill(samMessage);
    await card.getByRole('button', { name: 'Send message' }).click();
    await expect(card.getByRole('status')).toHaveText('Sent. Alex will see it.');
    await expect(card.getByRole('list', { name: 'Responses' })).toContainText(samMessage);
  });

  await test.step('Alex reads it and marks the challenge eased', async () => {
    await a.page.reload();
    await signInIfLocked(a.page, alex);
    await openSupport(a.page, 'On my plate');
    const mine = a.page.getByRole('article', { name: 'Your challenge' });
    await expect(mine.getByRole('list', { name: 'Responses' })).toContainText(`Sam: ${samMessage}`);
    await mine.getByRole('button', { name: 'It has eased' }).click();
    const weathered = a.page.getByRole('region', { name: 'Weathered together' });
    await expect(weathered.getByText(challenge)).toBeVisible();
    await expect(weathered).toContainText('1 response');
    await expect(a.page.getByText('Nothing on either plate right now.')).toBeVisible();
  });

  await test.step('Sam logs a win', async () => {
    await openSupport(b.page, 'On my plate');
    await expect(b.page.getByRole('region', { name: 'Weathered together' }).getByText(challenge)).toBeVisible();
    await goTo(b.page, 'Support');
    await b.page.getByRole('link', { name: 'Log a win' }).click();
    await expect(b.page.getByRole('heading', { name: 'Wins wall', level: 1 })).toBeVisible();
    const form = b.page.getByRole('form', { name: 'Log a win' });
    await form.getByRole('textbox', { name: 'Your win' }).fill(win);
    await form.getByRole('radio', { name: 'A big one' }).check();
    await form.getByRole('button', { name: 'Add to the wall' }).click();
    await expect(form.getByRole('status')).toContainText('Added to the wall.');
    await expect(b.page.getByRole('article', { name: 'Your win' }).getByText(win)).toBeVisible();
  });

  await test.step('Alex celebrates it from Today', async () => {
    await openToday(a.page);
    const card = a.page.getByRole('region', { name: 'A win to celebrate' });
    await expect(card.getByText(win)).toBeVisible();
    await card.getByRole('radio', { name: 'So proud of you' }).check();
    await card.getByRole('textbox', { name: 'A note (optional)' }).fill('Dinner is on me');
    await expectAccessible(a.page, 'today with a win');
    await card.getByRole('button', { name: 'Celebrate' }).click();
    await expect(card.getByRole('list', { name: 'Celebrations' })).toContainText('You: So proud of you — Dinner is on me');
    await expect(card.getByRole('button', { name: 'Celebrate' })).toHaveCount(0);
  });

  await test.step('Alex says thank you, from a suggested start', async () => {
    await openSupport(a.page);
    await a.page.getByRole('link', { name: 'Say thank you' }).click();
    await expect(a.page.getByRole('heading', { name: 'Appreciation', level: 1 })).toBeVisible();
    const section = a.page.getByRole('region', { name: 'Appreciation' });
    await section.getByRole('button', { name: 'Thank you for listening when' }).click();
    const field = section.getByRole('textbox', { name: 'Thank you for…' });
    await expect(field).toHaveValue('Thank you for listening when ');
    await expect(field).toBeFocused();
    await field.fill(thanks);
    await section.getByRole('button', { name: 'Send thank-you' }).click();
    await expect(section.getByRole('status').first()).toContainText('Sam will find it on their appreciation wall');
    await expect(section.getByText('You, to Sam')).toBeVisible();
    await expectAccessible(a.page, 'appreciation, full');
    await goTo(a.page, 'Support');
    await expect(a.page.getByRole('link', { name: /^Appreciation/ })).toContainText('1 thank-you on the wall.');
    await openTool(a.page, 'This week');
    const balance = a.page.getByRole('region', { name: 'This week' });
    await expect(balance).toContainText('Thank-yous you gave1');
    await expect(balance).toContainText('Wins you celebrated1');
    await expectAccessible(a.page, 'this week');
  });

  await test.step('the thank-you appears on Sam’s wall and on his Today', async () => {
    await b.page.reload();
    await signInIfLocked(b.page, sam);
    await openSupport(b.page, 'Appreciation');
    const wall = b.page.getByRole('region', { name: 'Appreciation' });
    await expect(wall.getByTestId('support-thanks').filter({ hasText: thanks })).toContainText('From Alex');
    await openSupport(b.page, 'Wins wall');
    await expect(b.page.getByRole('article', { name: 'Your win' })).toContainText('Alex: So proud of you — Dinner is on me');
    await openToday(b.page);
    await expect(b.page.getByRole('region', { name: 'Thank-yous for you' }).getByText(thanks)).toBeVisible();
    await expect(b.page.getByRole('region', { name: "On Alex's plate" })).toHaveCount(0);
  });

  await test.step('Sam adds Alex’s birthday and a prompt day; Today reminds him of both', async () => {
    await openSupport(b.page, 'Key dates');
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const form = b.page.getByRole('form', { name: 'Add a key date' });
    await form.getByRole('textbox', { name: 'What is it?' }).fill(birthday);
    await form.getByLabel('Date', { exact: true }).fill(inFiveDays);
    await form.getByLabel('Who it concerns').selectOption('partner');
    await form.getByRole('button', { name: 'Add date' }).click();
    await expect(form.getByRole('status')).toHaveText('Key date saved.');
    await expect(b.page.getByTestId('support-date')).toContainText(new RegExp(`${birthday} — .* \\(in [45] days\\)`));
    await expect(b.page.getByTestId('support-date')).toContainText('for Alex · every year');

    // The server holds when to remind (the next reminder, in Sam's zone), never what or which date.
    const listed: unknown = await (await b.page.request.get('/api/items?kind=support-date')).json();
    const text = JSON.stringify(listed);
    expect(text).not.toContain(birthday);
    expect(text).not.toContain(inFiveDays);
    const remindAt = /"remindAt":"([^"]+)"/.exec(text)?.[1];
    expect(Date.parse(remindAt ?? '')).toBeGreaterThan(Date.now());

    await openSupport(b.page, 'Appreciation');
    const weekday = await b.page.evaluate(() => (new Date().getDay() + 6) % 7);
    await b.page.getByLabel('Weekly thank-you prompt').selectOption(String(weekday));
    await b.page.getByRole('button', { name: 'Save prompt day' }).click();
    await expect(b.page.getByText("You'll be asked every")).toBeVisible();

    await openToday(b.page);
    await expect(b.page.getByRole('region', { name: 'Coming up' })).toContainText(new RegExp(`${birthday} is in [45] days`));
    const prompt = b.page.getByRole('region', { name: "This week's thank-you" });
    await expect(prompt).toContainText('What did Alex do this week that you appreciated?');
    await expectAccessible(b.page, 'today with reminders');
  });

  await test.step('the hub fits a phone in dark mode', async () => {
    await b.page.setViewportSize({ width: 360, height: 740 });
    await b.page.emulateMedia({ colorScheme: 'dark' });
    await openSupport(b.page);
    await expect(b.page.getByRole('link', { name: /^Key dates/ })).toContainText(`Next: ${birthday}, in`);
    await expectAccessible(b.page, 'support hub, 360 px, dark');
    await openTool(b.page, 'Wins wall');
    await expect(b.page.getByRole('region', { name: 'Wins wall' }).getByText(win)).toBeVisible();
    const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(b.page, 'wins wall, 360 px, dark');
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds none of what they wrote', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [challenge, samMessage, win, thanks, 'Dinner is on me', birthday]) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      expect(dump.rows, `row hex contains "${secret}"`).not.toContain(Buffer.from(secret).toString('hex'));
      for (const file of dump.files) expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
  });
});
