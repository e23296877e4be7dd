import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DERIVED_ID_KINDS, exportContent, parseExportFile, type ExportedItem } from '@hearth/core';
import { expectAccessible } from './support/accessibility.ts';
import { openBrowser, pairUp, signInIfLocked, signUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, mainNav, openTool } from './support/nav.ts';

/**
 * Robin takes everything with her (issue #10): a JSON export of all she can read and a
 * readable page of what the two of them shared. She brings her own words into a fresh
 * account from the file, then deletes her old account: she is signed out, can't sign
 * in again, and Kai finds the space ended.
 */

const robin = { email: 'robin.data@example.com', password: 'blue kites over the harbour', name: 'Robin' };
const kai = { email: 'kai.data@example.com', password: 'quiet porch in the evening', name: 'Kai' };
const fresh = { email: 'robin.fresh@example.com', password: 'starting over by the sea', name: 'Robin' };

const shared = 'Thank you for the <b>soup</b> & the blanket';
const kept = 'I want to plan a surprise for our anniversary';
const kaiShared = 'That walk in the rain was the best part of my week';

const server = useHearthServer();
const problems: string[] = [];

async function writeNote(page: Page, text: string, audience: 'Both of us' | 'Only me'): Promise<void> {
  await page.getByRole('button', { name: 'Write a note' }).click();
  await page.getByRole('dialog', { name: 'Write a note' }).getByLabel('Note', { exact: true }).fill(text);
  await page.getByRole('radio', { name: audience }).check();
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('dialog', { name: 'Write a note' })).toHaveCount(0);
  await expect(page.getByText(text)).toBeVisible();
}

async function openYourData(page: Page): Promise<void> {
  await goTo(page, 'Settings');
  await openTool(page, 'Your data');
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
}

async function download(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  await expect(page.getByText('Your export has been downloaded.').first()).toBeVisible();
  return (await file.path()) ?? '';
}

test('export, import into a fresh account, and delete the old one', async ({ browser }) => {
  const { first: r, second: k } = await pairUp(browser, server, problems, { first: robin, second: kai });
  let jsonPath = '';

  await test.step('they write a little', async () => {
    await writeNote(r.page, shared, 'Both of us');
    await writeNote(r.page, kept, 'Only me');
    await k.page.reload();
    await signInIfLocked(k.page, kai);
    await writeNote(k.page, kaiShared, 'Both of us');
  });

  await test.step('Robin exports everything as JSON and the shared content as a page', async () => {
    await r.page.reload();
    await signInIfLocked(r.page, robin);
    await openYourData(r.page);
    await expectAccessible(r.page, 'settings: your data');
    jsonPath = await download(r.page, 'Export everything (JSON)');
    const json: unknown = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(json).toMatchObject({ format: 'hearth-export', version: 2, user: { email: robin.email } });
    const text = JSON.stringify(json);
    for (const note of [shared, kept, kaiShared]) expect(text).toContain(JSON.stringify(note).slice(1, -1));

    const html = readFileSync(await download(r.page, 'Export shared content (HTML)'), 'utf8');
    expect(html).toContain('Thank you for the &lt;b&gt;soup&lt;/b&gt; &amp; the blanket');
    expect(html).toContain(kaiShared);
    expect(html).not.toContain(kept);
    expect(html).not.toMatch(/<script|<b>soup/i);
    expect(html).toContain("default-src 'none'");
  });

  await test.step('in a fresh account, the import brings back her own words with progress', async () => {
    const n = await openBrowser(browser, server, problems);
    await n.page.goto('/app/sign-up');
    await signUp(n.page, fresh);
    await expect(n.page.getByRole('button', { name: 'Create our space' })).toBeVisible();
    await openYourData(n.page);
    await n.page.getByLabel('Export file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"hearth-export","version":1}') });
    await n.page.getByRole('button', { name: 'Import' }).click();
    await expect(n.page.getByRole('alert').filter({ hasText: 'version 1' })).toBeVisible();

    await n.page.getByLabel('Export file').setInputFiles(jsonPath);
    await n.page.getByRole('button', { name: 'Import' }).click();
    await expect(n.page.getByText('Imported 2 items into your new space.')).toBeVisible();
    // Kai's note, and the day's question if Kai's Today made it first.
    await expect(n.page.getByText(/[12] items? your partner wrote stay/)).toBeVisible();
    await expectAccessible(n.page, 'settings after import');
    await goTo(n.page, 'Today');
    await expect(n.page.getByText(shared)).toBeVisible();
    await expect(n.page.getByText(kept)).toBeVisible();
    await expect(n.page.getByText(kaiShared)).toHaveCount(0);

    // Round trip: exporting again gives the same content as Robin's own part of the first file.
    await openYourData(n.page);
    const again = parseExportFile(readFileSync(await download(n.page, 'Export everything (JSON)'), 'utf8'));
    const first = parseExportFile(readFileSync(jsonPath, 'utf8'));
    if (!again.ok || !first.ok) throw new Error('an export did not validate');
    // Each space makes its own daily-question days (their ids derive from the space key), so they are not carried over.
    const carried = (item: ExportedItem) => item.mine && !DERIVED_ID_KINDS.some((k) => k === item.kind);
    expect(exportContent(again.value, carried)).toEqual(exportContent(first.value, carried));
    expect(again.value.items.filter(carried).map((i) => i.createdAt).sort()).toEqual(first.value.items.filter(carried).map((i) => i.createdAt).sort());
    await n.context.close();
  });

  await test.step('Robin deletes her old account: a wrong password is refused, the right one signs her out', async () => {
    await r.page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = r.page.getByRole('dialog');
    await expect(dialog.getByText("This can't be undone.", { exact: false })).toBeVisible();
    await expectAccessible(r.page, 'delete account dialog');
    await dialog.getByLabel('Password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect(dialog.getByRole('alert')).toContainText("isn't right");
    await dialog.getByLabel('Password').fill(robin.password);
    await dialog.getByRole('button', { name: 'Delete my account for good' }).click();
    await expect(r.page.getByRole('link', { name: 'Create an account' }).or(r.page.getByRole('button', { name: 'Create an account' }))).toBeVisible();
    await expect(mainNav(r.page)).toHaveCount(0);

    await r.page.goto('/app/sign-in');
    await r.page.getByLabel('Email').fill(robin.email);
    await r.page.getByLabel('Password', { exact: true }).fill(robin.password);
    await r.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(r.page.getByRole('alert').filter({ hasText: /don't match/ })).toBeVisible();
  });

  await test.step('Kai finds the space ended', async () => {
    await k.page.reload();
    await signInIfLocked(k.page, kai);
    await expect(k.page.getByText('Your space has ended')).toBeVisible();
    await expectAccessible(k.page, 'space ended after deletion');
  });

  await r.context.close();
  await k.context.close();
  expect(problems).toEqual([]);
});
