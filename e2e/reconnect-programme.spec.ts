import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { openBrowser, pairUp, signInIfLocked, signUp } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { goTo, openTool } from './support/nav.ts';
import { useHearthServer } from './support/use-hearth.ts';

/**
 * Alex starts Reconnect from Help and takes the pulse as a starting point; Sam is
 * invited on his Today and joins. Both do week 1 through the real tools — a check-in,
 * today's question, one small topic talked through — and each sees the other's
 * "done" without ticking anything, then week 1 complete on Today. Alex writes a
 * shared reflection that the database holds only sealed. Jo, whose partner has not
 * joined Hearth, finishes week 1 alone with its solo variants and, five weeks on,
 * reaches the check-up with her pulse at the start and now.
 */

const alex = { email: 'alex.reconnect@example.com', password: 'slow mornings by the sea', name: 'Alex' };
const sam = { email: 'sam.reconnect@example.com', password: 'a map of the old town', name: 'Sam' };
const jo = { email: 'jo.reconnect@example.com', password: 'paper boats on the river', name: 'Jo' };
const reflection = 'Saying how I felt before the dishes came up made it a calm evening.';

const server = useHearthServer();
const problems: string[] = [];

async function openReconnect(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await page.getByRole('region', { name: /^Reconnect/ }).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Reconnect', level: 1 })).toBeVisible();
}

async function exercise(page: Page, name: string): Promise<void> {
  await page.getByRole('list').getByRole('link', { name, exact: true }).click();
}

async function checkIn(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'How are you feeling?' }).getByRole('radio', { name: 'Okay' }).check();
  await page.getByRole('checkbox', { name: 'hopeful', exact: true }).check();
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Checked in.' })).toBeVisible();
}

async function answerQuestion(page: Page, answer: string): Promise<void> {
  await expect(page.getByRole('heading', { name: "Today's question", level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Your answer' }).fill(answer);
  await page.getByRole('button', { name: 'Share my answer' }).click();
  await expect(page.getByText(answer)).toBeVisible();
}

async function openTopicWithSide(page: Page, topic: string, side: string): Promise<void> {
  await page.getByLabel('Topic', { exact: true }).fill(topic);
  await page.getByLabel('Why it matters').fill('It comes up every week.');
  await page.getByRole('button', { name: 'Open topic' }).click();
  await expect(page.getByRole('heading', { name: topic, level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Your side', exact: true }).fill(side);
  await page.getByRole('button', { name: 'Share my side' }).click();
}

async function takePulse(page: Page, link = 'Take the pulse'): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Relationship pulse', level: 1 })).toBeVisible();
  const groups = page.getByRole('group');
  for (const [i, label] of ['Happy enough', 'Somewhat true', 'Mostly true', 'Somewhat true'].entries()) await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: 'Save my pulse' }).click();
  await expect(page.getByRole('heading', { name: /^Your pulse: \d+ out of 21$/ })).toBeVisible();
}

function exerciseRow(page: Page, name: string) {
  return page.locator('.exercise').filter({ has: page.getByRole('link', { name, exact: true }) });
}

test('a couple starts Reconnect and finishes week 1 through the real tools; one person does it alone', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('Alex finds Reconnect on Today and starts it with a private pulse', async () => {
    await goTo(a.page, 'Help');
    await openTool(a.page, 'Reconnect');
    await expectAccessible(a.page, 'reconnect: before the start');
    await a.page.getByRole('button', { name: 'Start Reconnect' }).click();
    await expect(a.page.getByRole('heading', { name: 'First, your starting point' })).toBeVisible();
    await takePulse(a.page);
    await openReconnect(a.page);
    await expect(a.page.getByRole('heading', { name: 'First, your starting point' })).toHaveCount(0);
    await expect(a.page.getByRole('heading', { name: 'Talk without blame', level: 2 })).toBeVisible();
    await expect(a.page.getByText('Sam has not joined Reconnect yet.')).toBeVisible();
    await expectAccessible(a.page, 'reconnect: week 1');
  });

  await test.step('Sam is invited on Today, gently, and joins', async () => {
    await goTo(b.page, 'Today');
    await expect(b.page.getByRole('region', { name: 'Reconnect' })).toContainText('Alex started Reconnect. Join when you are ready.');
    await openReconnect(b.page);
    await b.page.getByRole('button', { name: 'Join Reconnect' }).click();
    await expect(b.page.getByRole('heading', { name: 'Talk without blame', level: 2 })).toBeVisible();
  });

  await test.step('Alex does week 1: a check-in, today’s question, a small topic', async () => {
    await exercise(a.page, 'Check in with how you are');
    await checkIn(a.page);
    await openReconnect(a.page);
    await expect(exerciseRow(a.page, 'Check in with how you are')).toContainText('You: done');
    await exercise(a.page, 'Answer the daily question');
    await answerQuestion(a.page, 'Our walk by the canal last spring.');
    await openReconnect(a.page);
    await exercise(a.page, 'Talk one small topic through');
    await openTopicWithSide(a.page, 'Dishes', 'I feel tired when the kitchen waits for me after work; could we do it together?');
    await expect(a.page.getByText("Waiting for Sam's side.")).toBeVisible();
    await openReconnect(a.page);
    for (const name of ['Check in with how you are', 'Answer the daily question', 'Talk one small topic through']) await expect(exerciseRow(a.page, name)).toContainText('You: done · Sam: not yet');
    await goTo(a.page, 'Today');
    await expect(a.page.getByRole('region', { name: /^Reconnect/ })).toContainText('Week 1 complete.');
  });

  await test.step('Sam does week 1 too and sees Alex’s progress', async () => {
    await openReconnect(b.page);
    await expect(exerciseRow(b.page, 'Check in with how you are')).toContainText('You: not yet · Alex: done');
    await exercise(b.page, 'Check in with how you are');
    await checkIn(b.page);
    await openReconnect(b.page);
    await exercise(b.page, 'Answer the daily question');
    await answerQuestion(b.page, 'The first time you laughed at my cooking.');
    await openReconnect(b.page);
    await exercise(b.page, 'Talk one small topic through');
    await b.page.getByRole('link', { name: /Dishes/ }).click();
    await b.page.getByRole('textbox', { name: 'Your side', exact: true }).fill('I would like us to pick one evening each for the kitchen.');
    await b.page.getByRole('button', { name: 'Share my side' }).click();
    await expect(b.page.getByText('I feel tired when the kitchen waits for me after work')).toBeVisible();
    await goTo(b.page, 'Today');
    await expect(b.page.getByRole('region', { name: /^Reconnect/ })).toContainText('Week 1 complete. Week 2 is open: Time together and first firsts.');
  });

  await test.step('Alex sees both done, week 2 open early, and writes a shared reflection', async () => {
    await goTo(a.page, 'Today');
    await expect(a.page.getByRole('region', { name: /^Reconnect/ })).toContainText('Week 1 complete. Week 2 is open');
    await openReconnect(a.page);
    await expect(a.page.getByRole('heading', { name: 'Time together and first firsts', level: 2 })).toBeVisible();
    await a.page.getByRole('button', { name: /^Week 1/ }).click();
    for (const name of ['Check in with how you are', 'Answer the daily question', 'Talk one small topic through']) await expect(exerciseRow(a.page, name)).toContainText('You: done · Sam: done');
    await a.page.getByLabel('Weekly reminder').selectOption('19:00');
    await a.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(a.page.getByText('Saved: each week at 19:00')).toBeVisible();
    // The server holds two private reminders with times, and nothing that says what they are for: the weekly one,
    // and the mid-week nudge, because nothing of week 2 is done yet.
    const reminderTimes = async () => {
      const res = await a.page.request.get('/api/items?kind=programme-reminder');
      const listed: { items: { remindAt: string | null; visibility: string }[] } = await res.json();
      return listed.items.filter((i) => i.visibility === 'private' && i.remindAt !== null && Date.parse(i.remindAt) > Date.now()).length;
    };
    await expect.poll(reminderTimes).toBe(2);
    await a.page.getByRole('textbox', { name: 'What did you notice this week?' }).fill(reflection);
    await a.page.getByRole('button', { name: 'Save reflection' }).click();
    await expect(a.page.getByText(reflection)).toBeVisible();
    await expect(a.page.getByText('(shared with Sam)')).toBeVisible();
  });

  const j = await openBrowser(browser, server, problems);
  await test.step('Jo, whose partner has not joined, does week 1 alone', async () => {
    await j.page.goto('/app/sign-up');
    await signUp(j.page, jo);
    await j.page.getByRole('button', { name: 'Create our space' }).click();
    await goTo(j.page, 'Help');
    await openTool(j.page, 'Reconnect');
    await expect(j.page.getByText('You can do it alone and bring your partner in at any week.')).toBeVisible();
    await j.page.getByRole('button', { name: 'Start Reconnect' }).click();
    await takePulse(j.page);
    await openReconnect(j.page);
    await exercise(j.page, 'Check in with how you are');
    await checkIn(j.page);
    await openReconnect(j.page);
    await exercise(j.page, 'Answer the daily question for yourself');
    await answerQuestion(j.page, 'A quiet Sunday with nothing planned.');
    await openReconnect(j.page);
    await exercise(j.page, 'Write your side of one small topic');
    await openTopicWithSide(j.page, 'Weekends', 'I feel rushed on Saturdays and would love one slow morning a week.');
    await goTo(j.page, 'Today');
    await expect(j.page.getByRole('region', { name: /^Reconnect/ })).toContainText('Week 1 complete. Week 2 is open');
  });

  await test.step('five weeks on, Jo reaches the check-up, takes the pulse again and sees the start and now', async () => {
    // The weeks open on the device's clock: move it on, as five weeks of life would.
    await j.page.clock.install({ time: new Date(Date.now() + 36 * 24 * 60 * 60_000) });
    await j.page.reload();
    await signInIfLocked(j.page, jo);
    await goTo(j.page, 'Help');
    await openTool(j.page, 'Reconnect');
    await expect(j.page.getByRole('heading', { name: 'Check-up and when to get help', level: 2 })).toBeVisible();
    const checkUp = j.page.getByRole('region', { name: 'Your check-up' });
    await expect(checkUp).toContainText('Take the pulse again this week');
    await takePulse(j.page, 'Take the pulse again');
    await goTo(j.page, 'Help');
    await openTool(j.page, 'Reconnect');
    await expect(checkUp).toContainText('Your pulse at the start and now.');
    await expect(checkUp.getByRole('link', { name: 'Help' })).toBeVisible();
    await expectAccessible(j.page, 'reconnect: the check-up');
    await j.context.close();
  });

  // Closed first: stopping the server under an open event stream is a network error in the page, not the app's.
  await a.context.close();
  await b.context.close();

  await test.step('the database holds no reflection, no lesson title and no programme state in the clear', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [reflection, 'Talk without blame', 'programme-progress', 'programme-reflection', '"programme"']) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      for (const f of dump.files) expect(f.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
  });

  expect(problems).toEqual([]);
});
