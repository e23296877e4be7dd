import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp, signInIfLocked } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * Planning a date from the ideas deck. Alex and Sam each swipe privately; Alex adds an
 * idea of her own. Only what both liked shows up, for both. Alex filters the matches,
 * turns one into a date, and it reaches both Today screens and her calendar file. Sam
 * lists a hobby and Alex is prompted to ask about it; a first first is written down.
 */

const alex = { email: 'alex.dates@example.com', password: 'a lantern on the porch', name: 'Alex' };
const sam = { email: 'sam.dates@example.com', password: 'pancakes on a tuesday', name: 'Sam' };

const cookAbroad = 'Cook a dish from a country neither of you has visited, and eat it with music from there';
const blanketFort = 'Blanket fort, fairy lights and a film you both loved as kids';
const letters = 'Write each other a letter to open on your next anniversary, then seal them away';
const ramen = 'Try the new ramen place on Elm Street';
const pottery = 'Pottery on Thursdays';
const potteryAsk = 'how the pottery class went';
const memory = 'The chef let us taste the broth before it was ready';

const server = useHearthServer();
const problems: string[] = [];

async function openTogether(page: Page): Promise<void> {
  await goTo(page, 'Today');
  // Today's cards arrive one by one and push the practice links down; a click in that
  // instant can land between links, so try again as a person would.
  await expect(async () => {
    await goTo(page, 'Together');
    await expect(page.getByRole('heading', { name: 'Together', level: 1 })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
}

async function openDeck(page: Page): Promise<void> {
  await openTogether(page);
  await openTool(page, 'Ideas deck');
  await expect(page.getByRole('heading', { name: 'Ideas together', level: 1 })).toBeVisible();
}

/** Today loads afresh when opened from another screen, as a person coming back to it would. */
async function openToday(page: Page): Promise<void> {
  await goTo(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await goTo(page, 'Today');
  await expect(page.getByRole('heading', { name: 'Practices' })).toBeVisible();
}

async function answer(page: Page, idea: string, choice: 'Yes' | 'Maybe' | 'No'): Promise<void> {
  const card = page.getByTestId('idea-card');
  await expect(card.getByText(idea, { exact: true })).toBeVisible();
  await card.getByRole('group', { name: `Your answer to “${idea}”` }).getByRole('button', { name: choice, exact: true }).click();
  await expect(page.getByRole('region', { name: 'Date ideas' }).getByRole('status').first()).toContainText(`${choice} to “${idea}”`);
}

test('both swipe, a match becomes a date on both Today screens and in the calendar file', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('Alex answers three ideas privately and adds one of her own', async () => {
    await openDeck(a.page);
    await expect(a.page.getByText('Matches show up here once Sam has answered some ideas too.')).toBeVisible();
    await expectAccessible(a.page, 'ideas deck');
    await answer(a.page, cookAbroad, 'Yes');
    await answer(a.page, blanketFort, 'Maybe');
    await answer(a.page, letters, 'No');

    await a.page.getByRole('button', { name: 'Add your own idea' }).click();
    const form = a.page.getByRole('dialog', { name: 'Add your own idea' }).getByRole('form', { name: 'Add your own idea' });
    await form.getByRole('textbox', { name: 'The idea' }).fill(ramen);
    await form.getByRole('group', { name: 'Cost' }).getByRole('radio', { name: 'Medium cost' }).check();
    await form.getByRole('group', { name: 'Where' }).getByRole('radio', { name: 'Out and about' }).check();
    await form.getByRole('group', { name: 'Energy' }).getByRole('radio', { name: 'Low energy' }).check();
    await expect(form.getByRole('checkbox', { name: 'Count it as my yes' })).toBeChecked();
    await expectAccessible(a.page, 'adding an own idea');
    await form.getByRole('button', { name: 'Add to our deck' }).click();
    await expect(a.page.getByRole('dialog', { name: 'Add your own idea' })).toHaveCount(0);
    await expect(a.page.getByRole('region', { name: 'Your own ideas' }).getByText('Added to your deck.')).toHaveText('Added to your deck. Sam will find it among the ideas to answer.');
    await expect(a.page.getByText('4 of 101 answered')).toBeVisible();

    // Answers are sealed on the server, so they come back after a reload.
    await a.page.reload();
    await signInIfLocked(a.page, alex);
    await expect(a.page.getByText('4 of 101 answered')).toBeVisible();
  });

  await test.step('Sam sees Alex’s idea first, answers, and finds only what they both liked', async () => {
    await openDeck(b.page);
    await answer(b.page, ramen, 'Yes');
    await answer(b.page, cookAbroad, 'Yes');
    await answer(b.page, blanketFort, 'Yes');
    await answer(b.page, letters, 'Yes');
    const matches = b.page.getByRole('region', { name: 'Ideas you both like' });
    await expect(matches.getByTestId('idea-match')).toHaveCount(3);
    await expect(matches.getByText(ramen)).toBeVisible();
    await expect(matches.getByText(cookAbroad)).toBeVisible();
    await expect(matches.getByText(blanketFort)).toBeVisible();
    // Alex's "no" stays hers: the letters idea is not a match and nothing says why.
    await expect(matches.getByText(letters)).toHaveCount(0);
    await expectAccessible(b.page, 'ideas deck with matches');
  });

  await test.step('Alex sees the same matches in the deck and narrows them by tag', async () => {
    await openDeck(a.page);
    const matches = a.page.getByRole('region', { name: 'Ideas you both like' });
    await expect(matches.getByTestId('idea-match')).toHaveCount(3);
    await expect(matches.getByTestId('idea-match').filter({ hasText: ramen })).toContainText('You both said yes.');
    await expect(matches.getByTestId('idea-match').filter({ hasText: blanketFort })).toContainText('A yes and a maybe');
    await matches.getByRole('group', { name: 'Where' }).getByRole('checkbox', { name: 'At home' }).check();
    await expect(matches.getByRole('status')).toHaveText('2 of 3 matches shown.');
    await expect(matches.getByText(ramen)).toHaveCount(0);
    await matches.getByRole('checkbox', { name: 'Only ideas likely to be a first for you' }).check();
    await expect(matches.getByRole('status')).toHaveText('1 of 3 matches shown.');
    await expect(matches.getByTestId('idea-match')).toContainText(cookAbroad);
    await expectAccessible(a.page, 'ideas deck with filtered matches');
    await matches.getByRole('group', { name: 'Where' }).getByRole('checkbox', { name: 'At home' }).uncheck();
    await matches.getByRole('checkbox', { name: 'Only ideas likely to be a first for you' }).uncheck();
    await matches.getByRole('group', { name: 'Cost' }).getByRole('checkbox', { name: 'Medium cost' }).check();
    await expect(matches.getByRole('status')).toHaveText('1 of 3 matches shown.');
    await expect(matches.getByTestId('idea-match')).toContainText(ramen);
  });

  await test.step('Alex makes the ramen idea a date; the form arrives filled in', async () => {
    await a.page.getByRole('link', { name: `Make it a date: ${ramen}` }).click();
    await expect(a.page).toHaveURL(/\/app\/together\/dates\/new\?title=.+&idea=[0-9a-f-]{36}$/);
    await expect(a.page.getByRole('textbox', { name: 'Title' })).toHaveValue(ramen);
    await expectAccessible(a.page, 'date form from a match');
    await a.page.getByRole('button', { name: 'Add date' }).click();
    await expect(a.page.getByRole('heading', { name: 'Together', level: 1 })).toBeVisible();
    await expect(a.page.getByRole('region', { name: 'Rituals and dates' }).getByText(ramen)).toBeVisible();
  });

  await test.step('the date is on both Today screens', async () => {
    await openToday(a.page);
    await expect(a.page.getByText(ramen).first()).toBeVisible();
    await openToday(b.page);
    await expect(b.page.getByText(ramen).first()).toBeVisible();
  });

  await test.step('Alex’s calendar file has the date with its real title', async () => {
    await openTogether(a.page);
    await openTool(a.page, 'Calendar');
    const download = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
    const ics = readFileSync(await (await download).path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:${ramen}`);
  });

  await test.step('Sam lists a hobby; Alex is prompted to ask about it and says she did', async () => {
    await openTogether(b.page);
    await openTool(b.page, 'Interests');
    const interests = b.page.getByRole('region', { name: 'Interests' });
    const form = interests.getByRole('form', { name: 'Add an interest' });
    await form.getByRole('textbox', { name: 'What is it?' }).fill(pottery);
    await form.getByRole('textbox', { name: 'How could Alex ask about it? (optional)' }).fill(potteryAsk);
    await form.getByRole('button', { name: 'Add interest' }).click();
    await expect(form.getByRole('status')).toHaveText('Added. Alex can see it.');
    await expect(interests.getByTestId('interest')).toContainText(pottery);

    await openToday(a.page);
    const card = a.page.getByRole('region', { name: 'Ask about their world' });
    await expect(card.getByText(`Ask Sam ${potteryAsk}.`)).toBeVisible();
    await expectAccessible(a.page, 'today with an ask-about prompt');
    await card.getByRole('button', { name: 'I asked' }).click();
    await expect(card.getByText('Lovely. A new one comes up next week.')).toBeVisible();
    await openToday(a.page);
    await expect(a.page.getByRole('region', { name: 'Ask about their world' })).toHaveCount(0);
  });

  await test.step('Alex writes down a first; both see it counted for the season', async () => {
    await openTogether(a.page);
    await openTool(a.page, 'First firsts');
    const firsts = a.page.getByRole('region', { name: 'First firsts' });
    await expect(firsts.getByText('Nothing new yet this season — there is room for a first.')).toBeVisible();
    const form = firsts.getByRole('form', { name: 'Add a first' });
    await form.getByRole('textbox', { name: 'What did you do for the first time?' }).fill('Ramen on Elm Street');
    await form.getByRole('textbox', { name: 'A memory of it (optional)' }).fill(memory);
    await form.getByRole('button', { name: 'Save this first' }).click();
    await expect(firsts.getByRole('status').last()).toHaveText('Written down. A first to remember.');
    await expect(firsts.getByTestId('firsts-count')).toContainText('1 first this season');
    await expectAccessible(a.page, 'first firsts');
    await openTogether(b.page);
    await openTool(b.page, 'First firsts');
    const samFirsts = b.page.getByRole('region', { name: 'First firsts' });
    await expect(samFirsts.getByTestId('first')).toContainText(memory);
    await expect(samFirsts.getByTestId('firsts-count')).toContainText('1 first this season');
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds none of what they wrote or answered', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [ramen, pottery, potteryAsk, memory, 'Ramen on Elm Street']) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      expect(dump.rows, `row hex contains "${secret}"`).not.toContain(Buffer.from(secret).toString('hex'));
      for (const file of dump.files) expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
    // Only opaque tokens: no catalog id reaches the server either.
    expect(dump.rows).not.toContain('idea-001');
  });
});
