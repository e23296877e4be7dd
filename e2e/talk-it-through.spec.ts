import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * Alex and Sam keep arguing about money. Alex opens a topic; her first draft comes out
 * harsh and the coach offers a gentler start, which she takes. Sam can't see her side
 * until he has written his. They each say back what they heard (Sam needs a second
 * try), Alex takes a break when it gets heavy, and they end with ideas they can both
 * live with and an agreement to check in on.
 */

const alex = { email: 'alex.talk@example.com', password: 'lanterns over the lake', name: 'Alex' };
const sam = { email: 'sam.talk@example.com', password: 'the kettle is always on', name: 'Sam' };

const harshSide = 'You never listen to me about money';
const samSide = 'I feel checked on when every purchase gets questioned, and I need us to trust each other with small things.';
const alexHeard = 'You feel watched over small purchases and want to be trusted.';
const samHeardFirst = 'You think I spend too much.';
const alexCorrection = 'Not too much. I get anxious when money goes out and we have not talked about it.';
const samHeardSecond = 'You get anxious when money leaves the account without us talking first.';
const alexIdea = 'A money date every Sunday evening';
const samIdea = 'Talk first about anything over 100 euros';

const server = useHearthServer();
const problems: string[] = [];

/** From Today through the Talk page to the list of conversations, as a person would go. */
async function openConversations(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await goTo(page, 'Talk');
  await openTool(page, 'Talk it through');
  await expect(page.getByRole('heading', { name: 'Talk it through', level: 1 })).toBeVisible();
  await expectAccessible(page, 'talk it through: topics');
}

const currentStep = (page: Page) => page.locator('[aria-current="step"]');

test('a couple talks a money worry through, from both sides to an agreement', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });
  let topicUrl = '';

  await test.step('Alex opens "Money talk"', async () => {
    await openConversations(a.page);
    await expect(a.page.getByText('No conversations yet')).toBeVisible();
    await a.page.getByLabel('Topic', { exact: true }).fill('Money talk');
    await a.page.getByLabel('Why it matters').fill('We keep circling the same argument about the budget.');
    await a.page.getByRole('button', { name: 'Open topic' }).click();
    await expect(a.page.getByRole('heading', { name: 'Money talk', level: 1 })).toBeVisible();
    await expect(currentStep(a.page)).toContainText('Your side');
    await expect(a.page.getByText('Describe the situation, not the person')).toBeVisible();
    topicUrl = a.page.url();
    await expectAccessible(a.page, 'conversation: your side');
  });

  await test.step('the coach flags a harsh start and Alex takes the I-statement', async () => {
    const side = a.page.getByRole('textbox', { name: 'Your side', exact: true });
    await side.fill(harshSide);
    await expect(a.page.getByText('A gentler start may help')).toBeVisible();
    await expect(a.page.locator('.coach-markers q').first()).toBeVisible();
    await a.page.getByRole('button', { name: 'Try an I-statement' }).click();
    await expect(side).not.toHaveValue(harshSide);
    await expect(side).toHaveValue(/\bI\b/);
    await expect(side).toBeFocused();
    await a.page.getByRole('button', { name: 'Share my side' }).click();
    await expect(a.page.getByText("Waiting for Sam's side.")).toBeVisible();
    await expect(a.page.getByRole('heading', { name: 'Your side', level: 2 })).toBeFocused();
  });
  const alexSide = (await a.page.getByTestId('talk-side').locator('.talk-text').innerText()).trim();
  expect(alexSide.length).toBeGreaterThan(0);

  await test.step('Sam is told it is his turn, but cannot see Alex’s side, not even from the server', async () => {
    await goTo(b.page, 'Talk');
    await goTo(b.page, 'Today');
    const nudge = b.page.getByRole('link', { name: 'Alex has shared their side of "Money talk" — share yours' });
    await expect(nudge).toBeVisible();
    await nudge.click();
    await expect(b.page.getByRole('heading', { name: 'Money talk', level: 1 })).toBeVisible();
    await expect(b.page.getByText("Alex has shared their side. You'll see it once you share yours.")).toBeVisible();
    await expect(b.page.getByText(alexSide)).toHaveCount(0);
    const sides = await b.page.request.get('/api/items?kind=talk-side');
    expect(sides.status()).toBe(200);
    const listed: unknown = await sides.json();
    expect(listed).toEqual({ items: [], nextCursor: null });
  });

  await test.step('Sam writes his side; both sides appear for both', async () => {
    await b.page.getByRole('textbox', { name: 'Your side', exact: true }).fill(samSide);
    await b.page.getByRole('button', { name: 'Share my side' }).click();
    for (const page of [a.page, b.page]) {
      await expect(page.getByText(samSide)).toBeVisible();
      await expect(page.getByText(alexSide)).toBeVisible();
      await expect(currentStep(page)).toContainText('What I heard');
    }
    await expect(a.page.getByText("Waiting for Sam's side.")).toHaveCount(0);
    await expect(a.page.getByRole('heading', { name: "Sam's side", level: 3, exact: true })).toBeVisible();
    await expect(b.page.getByRole('heading', { name: "Alex's side", level: 3, exact: true })).toBeVisible();
  });

  await test.step('each writes what they heard', async () => {
    await a.page.getByRole('textbox', { name: 'What I heard' }).fill(alexHeard);
    await a.page.getByRole('button', { name: 'Send what I heard' }).click();
    await expect(a.page.getByText('Waiting for Sam to say whether you heard them right.')).toBeVisible();
    await b.page.getByRole('textbox', { name: 'What I heard' }).fill(samHeardFirst);
    await b.page.getByRole('button', { name: 'Send what I heard' }).click();
    await expect(b.page.getByText('Waiting for Alex to say whether you heard them right.')).toBeVisible();
  });

  await test.step('Alex says "not quite" to Sam’s first try and says what she meant', async () => {
    const first = a.page.getByTestId('talk-reflection').filter({ hasText: samHeardFirst });
    await expect(first.getByRole('button', { name: 'Yes, that\'s it' })).toBeVisible();
    await expectAccessible(a.page, 'conversation: what I heard');
    await first.getByRole('button', { name: 'Not quite' }).click();
    const meant = a.page.getByLabel('What I meant');
    await expect(meant).toBeFocused();
    await meant.fill(alexCorrection);
    await a.page.getByRole('button', { name: 'Send correction' }).click();
    await expect(b.page.getByText(alexCorrection)).toBeVisible();
  });

  await test.step('it gets heavy: Alex takes a break, and comes back', async () => {
    await a.page.getByRole('button', { name: 'Take a break' }).click();
    await expect(a.page.getByLabel('Come back at')).toBeFocused();
    await expect(a.page.getByLabel('Come back at')).not.toHaveValue('');
    await a.page.getByLabel('Note (optional)').fill('I need a short walk first');
    await a.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(a.page.getByRole('heading', { name: /^Paused until / })).toBeFocused();
    await expect(b.page.getByRole('heading', { name: /^Paused until / })).toBeVisible();
    await expect(b.page.getByText('I need a short walk first')).toBeVisible();
    await expect(b.page.getByRole('textbox', { name: 'What I heard' })).toHaveCount(0);
    await a.page.getByRole('button', { name: 'Resume now' }).click();
    await expect(a.page.getByRole('heading', { name: /^Paused until / })).toHaveCount(0);
    await expect(b.page.getByRole('textbox', { name: 'What I heard' })).toBeVisible();
  });

  await test.step('Sam tries again and Alex feels heard; Sam confirms Alex heard him', async () => {
    await b.page.getByRole('textbox', { name: 'What I heard' }).fill(samHeardSecond);
    await b.page.getByRole('button', { name: 'Send what I heard' }).click();
    const second = a.page.getByTestId('talk-reflection').filter({ hasText: samHeardSecond });
    await second.getByRole('button', { name: 'Yes, that\'s it' }).click();
    await expect(a.page.getByText('You feel heard.')).toBeVisible();

    const alexs = b.page.getByTestId('talk-reflection').filter({ hasText: alexHeard });
    await alexs.getByRole('button', { name: 'Yes, that\'s it' }).click();
    for (const page of [a.page, b.page]) {
      await expect(currentStep(page)).toContainText('Ideas');
    }
    await expect(b.page.getByText('Alex feels heard.')).toBeVisible();
  });

  await test.step('both add ideas and mark the ones they could live with', async () => {
    await a.page.getByLabel('Add an idea').fill(alexIdea);
    await a.page.getByRole('button', { name: 'Add idea' }).click();
    await b.page.getByLabel('Add an idea').fill(samIdea);
    await b.page.getByRole('button', { name: 'Add idea' }).click();

    const idea = (page: Page, text: string) => page.getByTestId('talk-idea').filter({ hasText: text });
    await expect(idea(a.page, samIdea)).toBeVisible();
    await idea(a.page, alexIdea).getByRole('checkbox', { name: 'I could live with this' }).check();
    await idea(a.page, samIdea).getByRole('checkbox', { name: 'I could live with this' }).check();
    await expect(idea(b.page, alexIdea)).toBeVisible();
    await idea(b.page, alexIdea).getByRole('checkbox', { name: 'I could live with this' }).check();
    for (const page of [a.page, b.page]) {
      await expect(idea(page, alexIdea).getByText('You could both live with this')).toBeVisible();
      await expect(idea(page, samIdea).getByText('You could both live with this')).toHaveCount(0);
      await expect(currentStep(page)).toContainText('Agreement');
    }
    await expect(idea(b.page, samIdea).getByText('Alex could live with this')).toBeVisible();
  });

  await test.step('Sam records the agreement with a day to check in; it is due for both', async () => {
    await expect(b.page.getByLabel("What we'll try")).toHaveValue(alexIdea);
    await expectAccessible(b.page, 'conversation: agreement');
    const today = await b.page.evaluate(() => {
      const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      return `${get('year')}-${get('month')}-${get('day')}`;
    });
    await b.page.getByLabel('Check in on').fill(today);
    await b.page.getByRole('button', { name: 'Record agreement' }).click();
    for (const page of [a.page, b.page]) {
      await expect(page.getByTestId('talk-agreement')).toHaveText(alexIdea);
      await expect(page.getByRole('heading', { name: 'How is it going?' })).toBeVisible();
    }
    await expect(b.page.getByRole('heading', { name: 'Agreement', level: 2 })).toBeFocused();
  });

  await test.step('Today reminds Alex to check in, and the list shows where the conversation stands', async () => {
    await goTo(a.page, 'Today');
    const reminder = a.page.getByRole('link', { name: `Check in on: ${alexIdea}` });
    await expect(reminder).toBeVisible();
    await reminder.click();
    await expect(a.page).toHaveURL(topicUrl);
    await openConversations(a.page);
    const row = a.page.getByTestId('talk-topic').filter({ hasText: 'Money talk' });
    await expect(row).toContainText('Step 5 of 5');
    await expect(row).toContainText('Time to check in on your agreement');
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);
});
