import { expect, test, type Page } from '@playwright/test';
import { KNOW_ME_QUESTIONS, THIS_OR_THAT_PAIRS } from '@hearth/core';
import { expectAccessible } from './support/accessibility.ts';
import { openBrowser, pairUp, signInIfLocked, signUp } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { goTo, openTool } from './support/nav.ts';
import { useHearthServer } from './support/use-hearth.ts';

/**
 * On the sofa with two minutes: Alex starts "How well do you know me?" from Together's
 * Play, answers five questions about himself and guesses Sam's. Sam finds "your turn" on
 * Today, plays, and both see the same reveal from their own side. Then Sam starts "This
 * or that", Alex plays it, and both see where they agree and one difference to talk
 * about. With Spark off, no flirty or spicy question ever appears, and the database holds
 * none of the questions or answers. Jo, whose partner has not joined yet, answers about
 * herself; when Kim arrives, those are the first round's answers and Jo only guesses.
 */

const alex = { email: 'alex.play@example.com', password: 'kites over the dunes', name: 'Alex' };
const sam = { email: 'sam.play@example.com', password: 'a jar of sea glass', name: 'Sam' };

const jo = { email: 'jo.play@example.com', password: 'lanterns along the canal', name: 'Jo' };
const kim = { email: 'kim.play@example.com', password: 'a radio in the attic', name: 'Kim' };

const server = useHearthServer();
const problems: string[] = [];

const everyday = new Set([...KNOW_ME_QUESTIONS.filter((q) => q.level === 'everyday').map((q) => q.text), ...THIS_OR_THAT_PAIRS.filter((p) => p.level === 'everyday').map((p) => `${p.a} or ${p.b}?`)]);
/** Every question and option text the two saw, to look for in the database afterwards. */
const seen = new Set<string>();
/** The questions alone: long and unlike anything else, so they can be looked for in PostgreSQL's files too (its catalogs hold plenty of ordinary words). */
const questions = new Set<string>();

/** Plays the open round to the end: `pick(i)` is the option chosen at step i (0-based). */
async function playRound(page: Page, steps: number, pick: (i: number) => number, last: string): Promise<void> {
  for (let i = 0; i < steps; i += 1) {
    const form = page.locator('form.play-round');
    await expect(form.getByText(new RegExp(`· ${String(i + 1)} of ${String(steps)}$`))).toBeVisible();
    const question = (await form.locator('legend').innerText()).split('\n').at(-1)?.trim() ?? '';
    expect(everyday.has(question), `"${question}" is an everyday question`).toBe(true);
    seen.add(question);
    questions.add(question);
    const option = form.getByRole('radio').nth(pick(i));
    const label = await form.locator('.play-option label').nth(pick(i)).innerText();
    if (label.length >= 8) seen.add(label);
    await option.check();
    await form.getByRole('button', { name: i === steps - 1 ? last : 'Next' }).click();
  }
}

test('someone alone answers about themselves; those become the first round when the partner arrives', async ({ browser }) => {
  const j = await openBrowser(browser, server, problems);
  await j.page.goto('/app/sign-up');
  await signUp(j.page, jo);
  await j.page.getByRole('button', { name: 'Create our space' }).click();
  const link = await j.page.getByLabel('Invitation link').inputValue();

  await test.step('Jo answers five questions about herself while she waits', async () => {
    await goTo(j.page, 'Together');
    await openTool(j.page, 'Play');
    await j.page.getByRole('region', { name: 'How well do you know me?' }).getByRole('link', { name: 'Start a round' }).click();
    await expect(j.page.getByText('they become your first round’s answers when they arrive')).toBeVisible();
    await j.page.getByRole('button', { name: 'Start a round' }).click();
    await playRound(j.page, 5, () => 2, 'Save my answers');
    await expect(j.page.getByRole('status').filter({ hasText: 'these become your first round’s answers' })).toBeVisible();
  });

  const k = await openBrowser(browser, server, problems);
  await test.step('Kim joins and plays the round Jo started', async () => {
    await k.page.goto(link);
    await k.page.getByRole('link', { name: 'Create an account' }).or(k.page.getByRole('button', { name: 'Create an account' })).click();
    await signUp(k.page, kim);
    await expect(k.page.getByRole('heading', { name: 'Kim & Jo' })).toBeVisible();
    await goTo(k.page, 'Together');
    await openTool(k.page, 'Play');
    await expect(k.page.getByRole('region', { name: 'How well do you know me?' })).toContainText('A round is waiting for you.');
    await k.page.getByRole('region', { name: 'How well do you know me?' }).getByRole('link', { name: 'Continue' }).click();
    // Kim guesses Jo's third option each time: right every time.
    await playRound(k.page, 10, (i) => (i < 5 ? 0 : 2), 'Finish');
    await expect(k.page.getByRole('heading', { name: 'Your answers are in' })).toBeVisible();
  });

  await test.step('Jo only has her guesses left, and both see the reveal', async () => {
    await j.page.reload();
    await signInIfLocked(j.page, jo);
    await goTo(j.page, 'Today');
    await j.page.getByRole('region', { name: 'How well do you know me?' }).getByRole('link', { name: 'Play your turn' }).click();
    await expect(j.page.getByText('Guess Kim’s answer · 6 of 10')).toBeVisible();
    for (let i = 0; i < 5; i += 1) {
      const form = j.page.locator('form.play-round');
      await expect(form.getByText(`Guess Kim’s answer · ${String(i + 6)} of 10`)).toBeVisible();
      await form.getByRole('radio').nth(1).check();
      await form.getByRole('button', { name: i === 4 ? 'Finish' : 'Next' }).click();
    }
    await expect(j.page.getByRole('heading', { name: 'You knew 0 of 5, Kim knew 5 of 5', level: 2 })).toBeVisible();
    await expect(k.page.getByRole('heading', { name: 'You knew 5 of 5, Jo knew 0 of 5', level: 2 })).toBeVisible();
  });

  await j.context.close();
  await k.context.close();
  expect(problems).toEqual([]);
});

test('a couple plays a round of each game and both see the same reveal', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('Alex finds Play in Together and plays a round about himself and Sam', async () => {
    await goTo(a.page, 'Together');
    await openTool(a.page, 'Play');
    await expect(a.page.getByRole('heading', { name: 'How well do you know me?', level: 2 })).toBeVisible();
    await expectAccessible(a.page, 'play: the hub');
    await a.page.getByRole('region', { name: 'How well do you know me?' }).getByRole('link', { name: 'Start a round' }).click();
    await a.page.getByRole('button', { name: 'Start a round' }).click();
    await expect(a.page.getByText('About you · 1 of 10')).toBeVisible();
    await expectAccessible(a.page, 'play: a question');
    // About himself: always the first option; his guesses of Sam: the first option too.
    await playRound(a.page, 10, () => 0, 'Finish');
    await expect(a.page.getByRole('heading', { name: 'Your answers are in' })).toBeVisible();
  });

  await test.step('Sam sees his turn on Today, plays, and sees the reveal', async () => {
    await goTo(b.page, 'Today');
    const card = b.page.getByRole('region', { name: 'How well do you know me?' });
    await expect(card).toContainText('Alex played. Your turn.');
    await card.getByRole('link', { name: 'Play your turn' }).click();
    await expect(b.page.getByText('Alex has played. Your turn, then you both see the reveal.')).toBeVisible();
    // About himself: the second option each time; his guesses of Alex: the first, which is right.
    await playRound(b.page, 10, (i) => (i < 5 ? 1 : 0), 'Finish');
    await expect(b.page.getByRole('heading', { name: 'You knew 5 of 5, Alex knew 0 of 5', level: 2 })).toBeVisible();
    await expect(b.page.locator('.play-reveal-list li')).toHaveCount(5);
    await expect(b.page.locator('.play-reveal-list .play-badge').first()).toHaveText('Surprise');
    await expectAccessible(b.page, 'play: the reveal');
  });

  await test.step('Alex’s open screen shows the same reveal from his side, without a reload', async () => {
    await expect(a.page.getByRole('heading', { name: 'You knew 0 of 5, Sam knew 5 of 5', level: 2 })).toBeVisible();
    await expect(a.page.locator('.play-reveal-list li')).toHaveCount(5);
  });

  await test.step('Sam starts This or that; Alex plays it; both see where they agree', async () => {
    await goTo(b.page, 'Together');
    await openTool(b.page, 'Play');
    await b.page.getByRole('region', { name: 'This or that' }).getByRole('link', { name: 'Start a round' }).click();
    await b.page.getByRole('button', { name: 'Start a round' }).click();
    await playRound(b.page, 10, () => 0, 'Finish');
    await expect(b.page.getByRole('heading', { name: 'Your answers are in' })).toBeVisible();

    await goTo(a.page, 'Together');
    await openTool(a.page, 'Play');
    await expect(a.page.getByRole('region', { name: 'This or that' })).toContainText('Sam played. Your turn.');
    await a.page.getByRole('region', { name: 'This or that' }).getByRole('link', { name: 'Play your turn' }).click();
    await playRound(a.page, 10, (i) => (i < 7 ? 0 : 1), 'Finish');
    for (const page of [a.page, b.page]) await expect(page.getByRole('heading', { name: 'You agreed on 7 of 10', level: 2 })).toBeVisible();
    await expect(a.page.locator('.play-talk')).toContainText('What draws each of you to yours?');
  });

  await test.step('the hub keeps both rounds with their scores', async () => {
    await goTo(a.page, 'Together');
    await openTool(a.page, 'Play');
    const history = a.page.getByRole('region', { name: 'Rounds you have played' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history).toContainText('You knew 0 of 5, Sam knew 5 of 5');
    await expect(history).toContainText('You agreed on 7 of 10');
  });

  // Closed first: stopping the server under an open event stream is a network error in the page, not the app's.
  await a.context.close();
  await b.context.close();

  await test.step('the database holds none of the questions or answers', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    expect(seen.size).toBeGreaterThan(10);
    for (const secret of seen) expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
    for (const secret of questions) for (const f of dump.files) expect(f.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
  });

  expect(problems).toEqual([]);
});
