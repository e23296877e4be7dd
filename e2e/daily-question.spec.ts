import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * Alex and Sam get the same question today. Alex answers first; Sam is told she has
 * answered but cannot read it — not in the app, not from the API — until he answers
 * too. Then both answers open for both, Alex reacts and adds a follow-up, and the
 * count of questions answered together goes to one.
 */

const alex = { email: 'alex.question@example.com', password: 'lanterns over the lake', name: 'Alex' };
const sam = { email: 'sam.question@example.com', password: 'the kettle is always on', name: 'Sam' };

const alexAnswer = 'The way you hummed while we painted the hallway.';
const samAnswer = 'Your terrible umbrella that you refused to throw away.';
const alexFollowUp = 'I still have that umbrella, by the way.';

const server = useHearthServer();
const problems: string[] = [];

/** Back to Today and in again through its card: keys live only in memory, so a reload would lock the app. */
async function reopen(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await page.locator('.dq-today-card').getByRole('link', { name: "Open today's question" }).click();
  await expect(page.getByRole('heading', { name: "Today's question", level: 1 })).toBeVisible();
}

test('both answer today’s question, and the answers open only after the second', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });
  let question = '';

  await test.step('Alex finds today’s question through Talk', async () => {
    await goTo(a.page, 'Talk');
    await openTool(a.page, "Today's question");
    await expect(a.page.getByRole('heading', { name: "Today's question", level: 1 })).toBeVisible();
    const heading = a.page.locator('.dq-today .dq-question');
    await expect(heading).toHaveText(/\?$/);
    const skipped = (await heading.innerText()).trim();
    await expect(a.page.getByText('Questions answered together: 0')).toBeVisible();
    await expectAccessible(a.page, 'daily question: unanswered');

    // Not this one today: the next question takes its place for both.
    await a.page.getByRole('button', { name: 'Skip this question' }).click();
    await expect(heading).not.toHaveText(skipped);
    await expect(heading).toHaveText(/\?$/);
    question = (await heading.innerText()).trim();
  });

  await test.step('Sam gets the same question on Today', async () => {
    await goTo(b.page, 'Talk');
    await goTo(b.page, 'Today');
    const card = b.page.locator('.dq-today-card');
    await expect(card.getByRole('heading', { name: "Today's question" })).toBeVisible();
    await expect(card.getByText(question, { exact: true })).toBeVisible();
  });

  await test.step('Alex answers and waits for Sam', async () => {
    await a.page.getByRole('textbox', { name: 'Your answer' }).fill(alexAnswer);
    await a.page.getByRole('button', { name: 'Share my answer' }).click();
    await expect(a.page.getByText("Waiting for Sam's answer")).toBeVisible();
    await expect(a.page.getByText(alexAnswer)).toBeVisible();
    await expect(a.page.getByRole('button', { name: 'Skip this question' })).toHaveCount(0);
  });

  await test.step('Sam is told Alex answered, but cannot read it, not even from the server', async () => {
    await b.page.locator('.dq-today-card').getByRole('link', { name: "Open today's question" }).click();
    await expect(b.page.getByRole('heading', { name: "Today's question", level: 1 })).toBeVisible();
    await expect(b.page.getByText('Alex has answered — answer to see theirs')).toBeVisible();
    await expect(b.page.locator('.dq-today .dq-question')).toHaveText(question);
    await expect(b.page.getByText(alexAnswer)).toHaveCount(0);
    const answers = await b.page.request.get('/api/items?kind=daily-question-answer');
    expect(answers.status()).toBe(200);
    expect(await answers.json()).toEqual({ items: [], nextCursor: null });
    await expectAccessible(b.page, 'daily question: partner answered');
  });

  await test.step('Sam answers; both answers open for both', async () => {
    await b.page.getByRole('textbox', { name: 'Your answer' }).fill(samAnswer);
    await b.page.getByRole('button', { name: 'Share my answer' }).click();
    await expect(b.page.getByText(samAnswer)).toBeVisible();
    await expect(b.page.getByText(alexAnswer)).toBeVisible();
    await expect(b.page.getByText("Alex's answer")).toBeVisible();
    await expect(b.page.getByText('Questions answered together: 1')).toBeVisible();

    await reopen(a.page);
    await expect(a.page.getByText(samAnswer)).toBeVisible();
    await expect(a.page.getByText("Waiting for Sam's answer")).toHaveCount(0);
    await expect(a.page.getByText('Questions answered together: 1')).toBeVisible();
  });

  await test.step('Alex reacts and adds one follow-up; Sam sees both', async () => {
    const reactions = a.page.getByRole('group', { name: "React to Sam's answer" });
    await reactions.getByRole('button', { name: 'Love this' }).click();
    await expect(reactions.getByRole('button', { name: 'Love this' })).toHaveAttribute('aria-pressed', 'true');
    await a.page.getByRole('textbox', { name: 'A follow-up to Sam' }).fill(alexFollowUp);
    await a.page.getByRole('button', { name: 'Send follow-up' }).click();
    await expect(a.page.getByText(`You: ${alexFollowUp}`)).toBeVisible();
    await expect(a.page.getByRole('textbox', { name: 'A follow-up to Sam' })).toHaveCount(0);
    await expectAccessible(a.page, 'daily question: revealed');

    await reopen(b.page);
    await expect(b.page.getByText('Alex: Love this')).toBeVisible();
    await expect(b.page.getByText(`Alex: ${alexFollowUp}`)).toBeVisible();
  });

  await test.step('Sam sets a reminder time for himself', async () => {
    await b.page.getByText('Question settings').click();
    await b.page.getByLabel('My daily reminder (optional)').fill('08:30');
    await b.page.getByRole('button', { name: 'Save settings' }).click();
    await expect(b.page.getByText('Settings saved.')).toBeVisible();
    const reminders = await b.page.request.get('/api/items?kind=daily-question-reminder');
    expect(await reminders.text()).toContain('"remindAt":"20');
    const forAlex = await a.page.request.get('/api/items?kind=daily-question-reminder');
    expect(await forAlex.json()).toEqual({ items: [], nextCursor: null });
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);
});
