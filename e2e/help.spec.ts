import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { pairUp, signInIfLocked } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool, backTo } from './support/nav.ts';

/**
 * A hard month. Jo answers the relationship pulse twice, both times low, and Help
 * suggests a counselor. Jo also takes the private safety check: a worrying answer
 * shows confidential services, and nothing of it reaches Kai — not on his screens,
 * not in the API he can call, not in readable form in the database. Jo leaves with
 * Quick exit, and Back does not bring Hearth back. Finally a counselor summary is
 * printed and downloaded as a PDF, with shared content only once both agreed.
 */

const jo = { email: 'jo.help@example.com', password: 'a window onto the harbour', name: 'Jo Marsh' };
const kai = { email: 'kai.help@example.com', password: 'rain on the tin roof again', name: 'Kai Lindqvist' };
const askNote = 'I think someone neutral could help us listen to each other';

const server = useHearthServer();
const problems: string[] = [];

async function takePulse(page: Page, answers: [string, string, string, string], share: boolean) {
  await page.getByRole('link', { name: 'Take the pulse' }).click();
  await expect(page.getByRole('heading', { name: 'Relationship pulse', level: 1 })).toBeVisible();
  await expectAccessible(page, 'pulse');
  const groups = page.getByRole('group');
  for (const [i, label] of answers.entries()) await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
  if (share) await page.getByRole('checkbox', { name: `Share this score with ${kai.name} (never your answers)` }).check();
  await page.getByRole('button', { name: 'Save my pulse' }).click();
}

test('low pulses suggest a counselor; the private check leaves no trace; quick exit; the summary', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: jo, second: kai });

  await test.step('Help is one tap from Today, and the counselor card is there without any trigger', async () => {
    await goTo(a.page, 'Help');
    await expect(a.page.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
    await expect(a.page.getByRole('heading', { name: 'Talking to a counselor' })).toBeVisible();
    await expect(a.page.getByRole('button', { name: 'Quick exit' })).toBeVisible();
    await expectAccessible(a.page, 'help');
  });

  await test.step('two pulses under the threshold bring the suggestion forward', async () => {
    await takePulse(a.page, ['A little unhappy', 'A little true', 'Somewhat true', 'A little true'], true);
    await expect(a.page.getByRole('heading', { name: 'Your pulse: 6 out of 21' })).toBeVisible();
    await expect(a.page.getByText('This is a reflection aid, not a diagnosis.')).toBeVisible();
    await a.page.getByRole('link', { name: 'See your trend' }).click();
    await expect(a.page.getByRole('heading', { name: 'It may help to talk to a counselor' })).toHaveCount(0);

    await takePulse(a.page, ['Quite unhappy', 'Somewhat true', 'Somewhat true', 'A little true'], false);
    await expect(a.page.getByRole('heading', { name: 'Your pulse: 6 out of 21' })).toBeVisible();
    await a.page.getByRole('link', { name: 'See your trend' }).click();
    const card = a.page.getByRole('region', { name: 'It may help to talk to a counselor' });
    await expect(card).toBeVisible();
    await expect(card.getByText('Your last two pulses were both on the low side.')).toBeVisible();
    await expect(card.getByRole('link', { name: 'Psychology Today therapist directory' })).toBeVisible();
    await expect(a.page.getByRole('img', { name: /Pulse scores over time/ })).toBeVisible();
    await a.page.getByText('Show the scores as a table').click();
    await expect(a.page.getByRole('table', { name: 'Pulse scores, oldest first' }).getByRole('row')).toHaveCount(3);
    await card.getByLabel(`A note for ${kai.name} (optional)`).fill(askNote);
    await card.getByRole('button', { name: `Ask ${kai.name} to see a counselor together` }).click();
    await expect(card.getByText(`You have told ${kai.name} you would like to see a counselor together.`)).toBeVisible();
    await expectAccessible(a.page, 'help with the suggestion');
  });

  await test.step('the private check: a worrying answer shows confidential services and individual help', async () => {
    await openTool(a.page, 'Feeling safe');
    await expect(a.page.getByRole('heading', { name: 'A private check', level: 1 })).toBeVisible();
    await expect(a.page).toHaveURL(/\/app\/help\/private$/);
    // Browsers keep page titles in their history: this one says only "Help".
    await expect(a.page).toHaveTitle('Help · Hearth');
    const groups = a.page.getByRole('group');
    await groups.nth(0).getByRole('radio', { name: 'Yes', exact: true }).check();
    for (const i of [1, 2, 3, 4]) await groups.nth(i).getByRole('radio', { name: 'No', exact: true }).check();
    await a.page.getByRole('checkbox', { name: 'Keep a sealed copy of my answers that only I can read' }).check();
    await expectAccessible(a.page, 'private check');
    await a.page.getByRole('button', { name: 'See what might help' }).click();
    await expect(a.page.getByRole('heading', { name: 'What you said matters' })).toBeVisible();
    await expect(a.page.getByText(/couples counseling is not recommended/)).toBeVisible();
    await expect(a.page.getByRole('heading', { name: 'Planning for safety' })).toBeVisible();
    await a.page.getByLabel('Show services for').selectOption('GB');
    await expect(a.page.getByRole('link', { name: '0808 2000 247' })).toBeVisible();
    await a.page.getByLabel('Show services for').selectOption('AU');
    await expect(a.page.getByRole('link', { name: '1800 737 732' })).toBeVisible();
    await a.page.getByLabel('Show services for').selectOption('INTL');
    await expect(a.page.getByText('Hot Peach Pages')).toBeVisible();
    await expectAccessible(a.page, 'private check result');
  });

  await test.step("Kai sees Jo's shared score and ask, and nothing of the check — on screen or through the API", async () => {
    await b.page.reload();
    await signInIfLocked(b.page, kai);
    await expect(b.page.getByRole('heading', { level: 1 })).toContainText(kai.name.split(' ')[0] ?? '');
    await expect(b.page.getByText(/private check|safety|afraid/i)).toHaveCount(0);
    await expect(b.page.getByRole('region', { name: 'Help' }).getByRole('link', { name: `${jo.name} would like the two of you to see a counselor` })).toBeVisible();
    await goTo(b.page, 'Help');
    const card = b.page.getByRole('region', { name: 'It may help to talk to a counselor' });
    await expect(card.getByText('Your partner would like the two of you to see a counselor.')).toBeVisible();
    await expect(card.getByText(`${jo.name} wrote: ${askNote}`)).toBeVisible();
    await b.page.getByText('Show the scores as a table').click();
    const table = b.page.getByRole('table', { name: 'Pulse scores, oldest first' });
    // Only the pulse Jo chose to share.
    await expect(table.getByRole('row').filter({ hasText: jo.name })).toHaveCount(1);
    await expect(b.page.getByText('What you said matters')).toHaveCount(0);
    const kinds = await b.page.evaluate(async () => {
      const res = await fetch('/api/items?limit=500');
      const body: unknown = await res.json();
      return JSON.stringify(body);
    });
    expect(kinds).not.toContain('private-record');
    expect(kinds).not.toMatch(/safety/i);
    await expectAccessible(b.page, "kai's help");
  });

  await test.step('the summary: shared content only once both agree; print and PDF made on the device', async () => {
    await backTo(a.page, 'Help');
    await openTool(a.page, 'Counselor summary');
    await expect(a.page.getByRole('heading', { name: 'Counselor summary', level: 1 })).toBeVisible();
    await a.page.getByRole('checkbox', { name: 'My pulse scores' }).check();
    await a.page.getByRole('checkbox', { name: 'I agree to include our shared things' }).check();
    await expect(a.page.getByText(`Waiting for ${kai.name} to agree in their app.`)).toBeVisible();
    const sheet = a.page.locator('.summary-sheet');
    await expect(sheet.getByRole('heading', { name: `${jo.name}'s relationship pulse (of 21)` })).toBeVisible();
    await expect(sheet.getByRole('heading', { name: 'Recent agreements and follow-ups' })).toHaveCount(0);

    await openTool(b.page, 'Counselor summary');
    await b.page.getByRole('checkbox', { name: 'I agree to include our shared things' }).check();
    await expect(b.page.getByText(`${jo.name} has agreed`).or(b.page.getByText('You both agreed'))).toBeVisible();

    await a.page.reload();
    await signInIfLocked(a.page, jo);
    await expect(a.page.getByText('You both agreed: shared things are included.')).toBeVisible();
    await expect(sheet.getByRole('heading', { name: 'Recent agreements and follow-ups' })).toBeVisible();
    await expectAccessible(a.page, 'summary');

    await a.page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await a.page.getByRole('button', { name: 'Print' }).click();
    await expect(a.page.locator('body')).toHaveAttribute('data-printed', 'yes');
    await a.page.emulateMedia({ media: 'print' });
    await expect(a.page.locator('.app-header')).toBeHidden();
    await expect(sheet).toBeVisible();
    await a.page.emulateMedia({ media: 'screen' });

    const download = a.page.waitForEvent('download');
    await a.page.getByRole('button', { name: 'Download PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('hearth-summary.pdf');
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  await test.step('on a phone in dark mode Help stays usable and accessible', async () => {
    await backTo(a.page, 'Help');
    await a.page.setViewportSize({ width: 360, height: 740 });
    await a.page.emulateMedia({ colorScheme: 'dark' });
    await expect(a.page.getByRole('heading', { name: 'Help', level: 1 })).toBeVisible();
    const overflow = await a.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(a.page, 'help, 360 px, dark');
  });

  await test.step('quick exit: Escape three times leaves for a neutral page, and Back does not return', async () => {
    await openTool(a.page, 'Feeling safe');
    await expect(a.page.getByRole('heading', { name: 'A private check', level: 1 })).toBeVisible();
    await a.page.keyboard.press('Escape');
    await a.page.keyboard.press('Escape');
    await a.page.keyboard.press('Escape');
    await expect(a.page).toHaveURL(/\/recipes\/lentil-soup$/);
    await expect(a.page.getByRole('heading', { name: 'Simple red lentil soup' })).toBeVisible();
    await a.page.goBack();
    await expect(a.page).toHaveURL(/\/recipes\/lentil-soup$/);
    await expect(a.page.getByRole('heading', { name: 'Simple red lentil soup' })).toBeVisible();
    // Opening Hearth on purpose finds it signed out: the keys and the session are gone.
    await a.page.goto('/app/today');
    await expect(a.page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  });

  await test.step('the Quick exit button does the same from any screen', async () => {
    await goTo(b.page, 'Today');
    await b.page.getByRole('button', { name: 'Quick exit' }).click();
    await expect(b.page).toHaveURL(/\/recipes\/lentil-soup$/);
  });

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);

  await test.step('the database holds the check only as an opaque private record', async () => {
    await server.stop();
    const dump = await dumpDatabase(server.dataDir);
    // Words only a sealed body holds (a catalog of the database itself may mention "safety", so look for our field names).
    for (const secret of [askNote, 'safety-check', '"afraid"', '"takenAt"', 'summary-consent']) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      for (const f of dump.files) expect(f.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
    const records = dump.rows.split('\n').filter((line) => line.includes('"kind":"private-record"'));
    // Two pulses and the kept check, all alike to the server: private, no reminder.
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r).toContain('"visibility":"private"');
      expect(r).toContain('"remind_at":null');
    }
  });
});
