import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { answerDesire, desireText, openSpark, optIn } from './support/spark.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo } from './support/nav.ts';

/**
 * Alex and Sam open Spark at different comfort levels (flirty wins). They answer the
 * desire list privately: only ideas both said yes or maybe to appear, nothing spicy is
 * ever shown, and when Sam changes a yes to no that match disappears for Alex. Alex
 * keeps a private rhythm log Sam never sees; each states a wish, and both see only where
 * the wishes meet, never the other's number.
 */

const alex = { email: 'alex.desires@example.com', password: 'moonlight on the harbour', name: 'Alex' };
const sam = { email: 'sam.desires@example.com', password: 'a quiet cup of cocoa', name: 'Sam' };
const logNote = 'Slow Sunday morning, sunlight through the curtains';

const hugs = desireText('desire-001');
const note = desireText('desire-013');
const doorHugs = desireText('desire-003');
const teasing = desireText('desire-024');
const spicy = desireText('desire-045');

const server = useHearthServer();
const problems: string[] = [];

async function turnOn(page: Page, level: 'Sweet' | 'Flirty' | 'Spicy'): Promise<void> {
  await openSpark(page);
  await optIn(page, level);
}

/** Leaves Spark and comes back, as a person returning to it would: everything loads afresh (keys stay in memory). */
async function reopen(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await expect(page.getByRole('heading', { name: 'Spark', level: 1 })).toHaveCount(0);
  await openSpark(page);
}

function matchesOf(page: Page) {
  return page.getByRole('list', { name: 'Desire matches' });
}

test('desire-list matches show only mutual yeses, a changed no removes one, and the rhythm stays private', async ({ browser }) => {
  // Two people, several Argon2id derivations and a dozen screens on a shared 2-core machine.
  test.setTimeout(600_000);
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: alex, second: sam });

  await test.step('both opt in at different levels; together they are at flirty', async () => {
    await turnOn(a.page, 'Flirty');
    await expect(a.page.getByRole('heading', { name: 'Waiting for your partner' })).toBeVisible();
    await turnOn(b.page, 'Spicy');
    await expect(b.page.getByRole('region', { name: 'Desire list' })).toBeVisible();
    await reopen(a.page);
    await expect(a.page.getByRole('region', { name: 'Desire list' })).toBeVisible();
    await expectAccessible(a.page, 'spark with desire list and rhythm');
  });

  await test.step('each answers privately; the first card can be answered with a button', async () => {
    const card = a.page.getByRole('group', { name: hugs });
    await expect(card).toBeVisible();
    await card.getByRole('button', { name: 'Yes' }).click();
    await expect(a.page.getByRole('group', { name: desireText('desire-002') })).toBeVisible();
    await answerDesire(a.page, note, 'maybe');
    await answerDesire(a.page, doorHugs, 'no');
    await answerDesire(a.page, teasing, 'yes');
    // Nothing above the shared level is ever shown.
    await expect(a.page.getByText(spicy)).toHaveCount(0);
    await expect(b.page.getByText(spicy)).toHaveCount(0);
    await expect(a.page.getByRole('region', { name: 'Desire list' }).getByText('No matches yet.')).toBeVisible();

    await answerDesire(b.page, hugs, 'yes');
    await answerDesire(b.page, note, 'yes');
    await answerDesire(b.page, doorHugs, 'yes');
    await answerDesire(b.page, teasing, 'no');
    await expect(matchesOf(b.page).getByRole('listitem')).toHaveCount(2);
    await expect(matchesOf(b.page)).toContainText(hugs);
    await expect(matchesOf(b.page)).toContainText('you both said yes');
    await expect(matchesOf(b.page)).toContainText(note);
    await expect(matchesOf(b.page)).not.toContainText(doorHugs);
    await expect(matchesOf(b.page)).not.toContainText(teasing);
    await expectAccessible(b.page, 'desire list with matches');
  });

  await test.step('Alex sees the same two matches', async () => {
    await reopen(a.page);
    await expect(matchesOf(a.page).getByRole('listitem')).toHaveCount(2);
    await expect(matchesOf(a.page)).toContainText(hugs);
    await expect(matchesOf(a.page)).toContainText(note);
  });

  await test.step('Sam changes a yes to no, and that match is gone for both', async () => {
    await answerDesire(b.page, hugs, 'no');
    await expect(matchesOf(b.page).getByRole('listitem')).toHaveCount(1);
    await reopen(a.page);
    await expect(matchesOf(a.page).getByRole('listitem')).toHaveCount(1);
    await expect(matchesOf(a.page)).toContainText(note);
    await expect(matchesOf(a.page)).not.toContainText(hugs);
  });

  await test.step('Alex logs privately and states a wish; Sam sees neither', async () => {
    const rhythm = a.page.getByRole('region', { name: 'Our rhythm' });
    await rhythm.getByRole('radio', { name: '4 out of 5' }).check();
    await rhythm.getByRole('textbox', { name: 'Note (optional, only for you)' }).fill(logNote);
    await rhythm.getByRole('button', { name: 'Add to my log' }).click();
    await expect(rhythm.getByRole('list', { name: 'My private log' })).toContainText(logNote);
    await rhythm.getByRole('spinbutton', { name: 'How many times a month would you like to be intimate?' }).fill('8');
    await rhythm.getByRole('button', { name: 'Save my wish' }).click();
    await expect(rhythm.getByText('Your partner hasn’t shared theirs yet')).toBeVisible();

    await reopen(b.page);
    const samRhythm = b.page.getByRole('region', { name: 'Our rhythm' });
    await expect(samRhythm.getByText('Nothing logged yet.')).toBeVisible();
    await expect(b.page.getByText(logNote)).toHaveCount(0);
    await expect(samRhythm.getByText('Say privately how often you would like')).toBeVisible();
  });

  await test.step('once both have a wish, each sees only where they meet', async () => {
    const samRhythm = b.page.getByRole('region', { name: 'Our rhythm' });
    await samRhythm.getByRole('spinbutton', { name: 'How many times a month would you like to be intimate?' }).fill('3');
    await samRhythm.getByRole('button', { name: 'Save my wish' }).click();
    // Bands: 8 → about twice a week, 3 → two or three a month; they meet at about once a week.
    await expect(samRhythm.getByRole('status').filter({ hasText: 'Your wishes meet at' })).toContainText('about once a week');
    await expect(samRhythm).not.toContainText('8 a month');
    await expectAccessible(b.page, 'rhythm with a meeting point');

    await reopen(a.page);
    const rhythm = a.page.getByRole('region', { name: 'Our rhythm' });
    await expect(rhythm.getByRole('status').filter({ hasText: 'Your wishes meet at' })).toContainText('about once a week');
    await expect(rhythm).toContainText('By your own log (1 in the last 30 days), you are a little below where your wishes meet.');
    await expect(rhythm).not.toContainText('your partner 3');
  });

  await test.step('numbers show only once both choose to reveal them', async () => {
    const rhythm = a.page.getByRole('region', { name: 'Our rhythm' });
    await rhythm.getByRole('checkbox', { name: /Show my number to my partner/ }).check();
    await rhythm.getByRole('button', { name: 'Save my wish' }).click();
    await expect(rhythm.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(rhythm).not.toContainText('You both chose to show your numbers');

    await reopen(b.page);
    const samRhythm = b.page.getByRole('region', { name: 'Our rhythm' });
    await expect(samRhythm).not.toContainText('You both chose to show your numbers');
    await samRhythm.getByRole('checkbox', { name: /Show my number to my partner/ }).check();
    await samRhythm.getByRole('button', { name: 'Save my wish' }).click();
    await expect(samRhythm).toContainText('you would like 3 a month, your partner 8');
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds no idea, answer or log note', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [logNote, hugs, note, teasing, 'desire-001', 'rhythm-entry', 'desire-answers']) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      expect(dump.rows, `row hex contains "${secret}"`).not.toContain(Buffer.from(secret).toString('hex'));
      for (const file of dump.files) expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
  });
});
