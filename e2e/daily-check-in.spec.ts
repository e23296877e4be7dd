import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp, signInIfLocked } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo } from './support/nav.ts';

/**
 * A rough Tuesday: Alex checks in on how she is, shares it with Sam and keeps a
 * second, private check-in for herself. Sam sees the shared one on Today, says he
 * heard her and replies; Alex sees that, and her month of moods in the history.
 */

const alex = { email: 'alex.checkin@example.com', password: 'lanterns over the lake', name: 'Alex Rivera' };
const sam = { email: 'sam.checkin@example.com', password: 'the kettle is always on', name: 'Sam Okafor' };
const sharedNote = 'The deadline moved up again and I barely slept';
const privateNeed = 'to figure out whether to ask for a new role';
const samReply = 'I will cook tonight and keep the evening quiet for you';

const server = useHearthServer();
const problems: string[] = [];

test('a shared check-in is heard and answered; a private one stays private', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('Today invites Alex to check in', async () => {
    const card = a.page.getByRole('region', { name: 'Check-ins' });
    await expect(card.getByText('How are you today?')).toBeVisible();
    await expectAccessible(a.page, 'today before checking in');
    await card.getByRole('link', { name: 'Check in today' }).click();
    await expect(a.page.getByRole('heading', { name: 'Check in', level: 1 })).toBeVisible();
    await expectAccessible(a.page, 'check in');
  });

  await test.step('Alex checks in and shares it with Sam', async () => {
    const page = a.page;
    await page.getByRole('group', { name: 'How are you feeling?' }).getByRole('radio', { name: 'Low' }).check();
    await page.getByRole('checkbox', { name: 'tired', exact: true }).check();
    await page.getByRole('checkbox', { name: 'worried', exact: true }).check();
    await page.getByRole('button', { name: 'a quiet evening', exact: true }).click();
    await expect(page.getByLabel('I need…')).toHaveValue('a quiet evening');
    await page.getByLabel('Note').fill(sharedNote);
    await page.getByRole('radio', { name: 'Both of us' }).check();
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Checked in. ${sam.name} can see it.` })).toBeVisible();
    // The form gives way to the check-in just made, and focus follows it.
    await expect(page.getByRole('heading', { name: 'Your check-in' })).toBeFocused();
    await expect(page.getByTestId('checkin').filter({ hasText: sharedNote })).toContainText('Low — tired, worried');
    await expect(page.getByRole('link', { name: 'Back to Today' })).toBeVisible();
  });

  await test.step('and keeps a second one to herself, with at most three feelings', async () => {
    const page = a.page;
    await page.getByRole('button', { name: 'Check in again' }).click();
    await expect(page.getByRole('checkbox', { name: 'tired', exact: true })).toHaveCount(0);
    await page.getByRole('radio', { name: 'Okay' }).check();
    await page.getByRole('checkbox', { name: 'hopeful', exact: true }).check();
    // "nervous" is not among the dozen words for Okay: the full list has it.
    await expect(page.getByRole('checkbox', { name: 'nervous', exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'More feelings' }).click();
    await page.getByRole('checkbox', { name: 'nervous', exact: true }).check();
    await page.getByRole('checkbox', { name: 'curious', exact: true }).check();
    await expect(page.getByRole('checkbox', { name: 'calm', exact: true })).toBeDisabled();
    await expect(page.getByText('You picked three')).toBeVisible();
    await page.getByLabel('I need…').fill(privateNeed);
    await page.getByRole('radio', { name: 'Only me' }).check();
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checked in. Only you can see this one.' })).toBeVisible();
    await expect(page.getByText(`Needs: ${privateNeed}`)).toBeVisible();
    await expectAccessible(page, 'after checking in');
  });

  await test.step('the Talk hub says she has checked in and shows the latest ones', async () => {
    await goTo(a.page, 'Talk');
    await expect(a.page.getByRole('heading', { name: "You've checked in today" })).toBeVisible();
    await expect(a.page.getByRole('link', { name: 'Check in again' })).toHaveAttribute('href', '/app/talk/check-in');
    await expect(a.page.getByRole('link', { name: /Talk it through/ })).toHaveAttribute('href', '/app/talk/topics');
    await expect(a.page.getByRole('region', { name: 'Recent check-ins' }).getByTestId('checkin')).toHaveCount(2);
    await expectAccessible(a.page, 'talk');
  });

  await test.step('Sam sees the shared check-in on Today, not the private one', async () => {
    await b.page.reload();
    await signInIfLocked(b.page, sam);
    const checkin = b.page.getByTestId('checkin').filter({ hasText: `${alex.name} checked in` });
    await expect(checkin).toHaveCount(1);
    await expect(checkin).toContainText(`${alex.name} checked in: Low — tired, worried.`);
    await expect(checkin).toContainText('Needs: a quiet evening');
    await expect(checkin).toContainText(sharedNote);
    await expect(b.page.getByText(privateNeed)).toHaveCount(0);
    await expect(b.page.getByText('hopeful')).toHaveCount(0);
    await expectAccessible(b.page, "today with Alex's check-in");
  });

  await test.step('Sam says he heard her and replies, once', async () => {
    const checkin = b.page.getByTestId('checkin').filter({ hasText: `${alex.name} checked in` });
    await checkin.getByRole('button', { name: 'Heard you' }).click();
    await expect(checkin.getByText(`You heard ${alex.name}`)).toBeVisible();
    await checkin.getByRole('button', { name: 'Reply', exact: true }).click();
    await checkin.getByLabel('Your reply').fill(samReply);
    await expectAccessible(b.page, 'reply form');
    await checkin.getByRole('button', { name: 'Send reply' }).click();
    await expect(checkin.getByText(`You replied: ${samReply}`)).toBeVisible();
    await expect(checkin.getByLabel('Your reply')).toHaveCount(0);
    await expect(checkin.getByRole('button', { name: 'Reply', exact: true })).toHaveCount(0);
  });

  await test.step('Alex sees that Sam heard her, and his reply', async () => {
    await goTo(a.page, 'Today');
    const mine = a.page.getByTestId('checkin').filter({ hasText: sharedNote });
    await expect(mine.getByText(`${sam.name} heard you`)).toBeVisible();
    await expect(mine.getByText(`${sam.name} replied: ${samReply}`)).toBeVisible();
    await expect(a.page.getByText("You've checked in today.")).toBeVisible();
    await expectAccessible(a.page, 'today after being heard');
  });

  await test.step("Alex's history shows today's moods, the private one marked", async () => {
    await a.page.getByRole('link', { name: 'See your check-ins' }).click();
    const calendar = a.page.getByRole('table');
    await expect(calendar.locator('caption')).not.toBeEmpty();
    const today = calendar.locator('td.today');
    await expect(today).toContainText('Low');
    await expect(today).toContainText('Okay');
    await expect(today.getByText('(private)')).toHaveCount(1);
    const day = a.page.locator('section.day-list');
    await expect(day.getByTestId('checkin')).toHaveCount(2);
    await expect(day.getByText(`${sam.name} replied: ${samReply}`)).toBeVisible();
    await expectAccessible(a.page, 'check-in history');
    await a.page.getByRole('button', { name: 'Previous month' }).click();
    await expect(today).toHaveCount(0);
    await a.page.getByRole('button', { name: 'Next month' }).click();
    await expect(calendar.locator('td.today')).toContainText('Low');
  });

  await test.step('on a phone-sized screen in dark mode the Talk page stays usable and accessible', async () => {
    await goTo(a.page, 'Talk');
    await a.page.setViewportSize({ width: 360, height: 740 });
    await a.page.emulateMedia({ colorScheme: 'dark' });
    const overflow = await a.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(a.page, 'talk, 360 px, dark');
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds none of what they wrote', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [sharedNote, privateNeed, samReply, 'a quiet evening']) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      expect(dump.rows, `row hex contains "${secret}"`).not.toContain(Buffer.from(secret).toString('hex'));
      for (const file of dump.files) expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
  });
});
