import { expect, test, type Page } from '@playwright/test';
import { SPARK_PROMPTS } from '@hearth/core';
import { itemListResponse } from '@hearth/core/api';
import { expectAccessible } from './support/accessibility.ts';
import { KDF_TIMEOUT_MS, pairUp, signInIfLocked } from './support/couple.ts';
import { dumpDatabase } from './support/hearth-server.ts';
import { answerDesire, desireText, openSpark, optIn } from './support/spark.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, unreadIn } from './support/nav.ts';

/**
 * Spark, consent first: Jo turns it on at "spicy", Ren at "flirty", so both get
 * flirty and nothing above it, and neither is shown the other's choice. Jo sends a
 * message from a prompt; Ren is told only "Something new in Hearth", reads it behind
 * a device PIN, reacts and replies. On the desire list only what both said yes to
 * shows up. Then Ren pauses: both see only "Spark is paused" and nothing more gets
 * through.
 */

const jo = { email: 'jo.spark@example.com', password: 'a window seat in the rain', name: 'Jo' };
const ren = { email: 'ren.spark@example.com', password: 'oranges on the windowsill', name: 'Ren' };
const reply = 'Come home early and find out.';
const pin = '482913';

const bothYes = desireText('desire-001');
const onlyJo = desireText('desire-003');
const onlyRen = desireText('desire-013');

const server = useHearthServer();
const problems: string[] = [];

/** Every suggested prompt, over a few rounds of "Other ideas", is at or below flirty. */
async function expectOnlyFlirtyOrMilder(page: Page): Promise<void> {
  const allowed = new Set(SPARK_PROMPTS.filter((p) => p.level !== 'spicy').map((p) => p.text));
  const ideas = page.getByRole('list', { name: 'Prompt ideas' });
  for (let round = 0; round < 4; round += 1) {
    await expect(ideas.getByRole('listitem')).toHaveCount(4);
    for (const text of await ideas.getByRole('listitem').locator('p').allTextContents()) expect(allowed.has(text), text).toBe(true);
    await page.getByRole('button', { name: 'Other ideas' }).click();
  }
}

test('both opt in, the lower level wins, a message arrives discreetly, and pausing stops it all', async ({ browser }) => {
  // Four sign-ups or unlocks and two PIN derivations, each Argon2id: slow on a shared machine.
  test.setTimeout(600_000);
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: jo, second: ren });
  let sent = '';

  await test.step('Spark is off until both turn it on; Jo picks spicy and waits', async () => {
    await openSpark(a.page);
    await expect(a.page.getByRole('heading', { name: 'Spark is off' })).toBeVisible();
    await expectAccessible(a.page, 'spark off');
    await optIn(a.page, 'Spicy');
    await expect(a.page.getByRole('heading', { name: 'Waiting for your partner' })).toBeVisible();
    await expectAccessible(a.page, 'spark waiting');
  });

  await test.step('Ren picks flirty: both are on at flirty, and only flirty or milder prompts appear', async () => {
    await openSpark(b.page);
    await expect(b.page.getByRole('heading', { name: 'Spark is off' })).toBeVisible();
    await optIn(b.page, 'Flirty');
    await expect(b.page.getByText('Together you are at flirty')).toBeVisible();
    await expectOnlyFlirtyOrMilder(b.page);

    await openSpark(a.page);
    await expect(a.page.getByText('Together you are at flirty')).toBeVisible();
    await expectAccessible(a.page, 'spark on');
    await expectOnlyFlirtyOrMilder(a.page);
  });

  await test.step('Jo sends a message from a prompt', async () => {
    const first = a.page.getByRole('list', { name: 'Prompt ideas' }).getByRole('listitem').first();
    sent = (await first.locator('p').textContent()) ?? '';
    await first.getByRole('button', { name: /^Use this prompt/ }).click();
    await expect(a.page.getByRole('textbox', { name: 'Your message to Ren' })).toHaveValue(sent);
    await a.page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(a.page.getByText('Sent to Ren.')).toBeVisible();
    await expect(a.page.getByRole('list', { name: 'Spark messages' })).toContainText(sent);
  });

  await test.step('Ren is told only "Something new in Hearth", and sets a PIN for Spark on this device', async () => {
    await expect(async () => {
      await goTo(b.page, 'Settings');
      await goTo(b.page, 'Today');
      await expect(unreadIn(b.page, 1)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await goTo(b.page, 'Notifications');
    const list = b.page.getByRole('list', { name: 'Notifications' });
    await expect(list).toContainText('Something new in Hearth');
    await expect(list).not.toContainText(sent);
    await expect(list).not.toContainText('Spark');
    await expect(list).not.toContainText(jo.name);

    await openSpark(b.page);
    const lock = b.page.getByRole('region', { name: 'Lock on this device' });
    await lock.getByRole('button', { name: 'Use a PIN' }).click();
    await lock.getByLabel('New PIN (4 to 8 digits)').fill(pin);
    await lock.getByLabel('The same PIN again').fill(pin);
    await lock.getByRole('button', { name: 'Save PIN' }).click();
    await expect(lock.getByRole('status')).toHaveText('PIN lock is on.', { timeout: KDF_TIMEOUT_MS });
  });

  await test.step('Opening Spark again asks for the PIN; Ren reads, reacts and replies', async () => {
    await goTo(b.page, 'Notifications');
    await b.page.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: 'Something new in Hearth' }).click();
    await expect(b.page.getByRole('heading', { name: 'Locked' })).toBeVisible();
    await expect(b.page.getByText(sent)).toHaveCount(0);
    await expectAccessible(b.page, 'spark locked');
    await b.page.getByLabel('PIN', { exact: true }).fill('000000');
    await b.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(b.page.getByText("That PIN isn't right.")).toBeVisible({ timeout: KDF_TIMEOUT_MS });
    await b.page.getByLabel('PIN', { exact: true }).fill(pin);
    await b.page.getByRole('button', { name: 'Unlock' }).click();

    const message = b.page.getByRole('list', { name: 'Spark messages' }).getByRole('listitem').filter({ hasText: sent });
    await expect(message).toContainText('From Jo', { timeout: KDF_TIMEOUT_MS });
    await message.getByRole('button', { name: 'Made me blush' }).click();
    await expect(message.getByText('You reacted')).toBeVisible();
    await message.getByRole('textbox', { name: 'Reply to Jo' }).fill(reply);
    await message.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(message.getByRole('list', { name: 'Replies' })).toContainText(`You: ${reply}`);
    await expectAccessible(b.page, 'spark inbox');
  });

  await test.step('Jo sees the reaction and the reply', async () => {
    await openSpark(a.page);
    const message = a.page.getByRole('list', { name: 'Spark messages' }).getByRole('listitem').filter({ hasText: sent });
    await expect(message).toContainText('Ren: 😳 Made me blush');
    await expect(message.getByRole('list', { name: 'Replies' })).toContainText(`Ren: ${reply}`);
  });

  await test.step('desire-list matches show only what both said yes to', async () => {
    await answerDesire(a.page, bothYes, 'yes');
    await answerDesire(a.page, onlyJo, 'yes');
    await answerDesire(a.page, onlyRen, 'no');
    await answerDesire(b.page, bothYes, 'yes');
    await answerDesire(b.page, onlyJo, 'no');
    await answerDesire(b.page, onlyRen, 'yes');
    const renMatches = b.page.getByRole('list', { name: 'Desire matches' });
    await expect(renMatches.getByRole('listitem')).toHaveCount(1);
    await expect(renMatches).toContainText(bothYes);
    await expect(renMatches).not.toContainText(onlyJo);
    await expect(renMatches).not.toContainText(onlyRen);

    await a.page.reload();
    await signInIfLocked(a.page, jo);
    const joMatches = a.page.getByRole('list', { name: 'Desire matches' });
    await expect(joMatches.getByRole('listitem')).toHaveCount(1);
    await expect(joMatches).toContainText(bothYes);
    await expect(joMatches).not.toContainText(onlyJo);
  });

  await test.step('Ren pauses: both see only "Spark is paused", and nothing is delivered', async () => {
    await b.page.getByRole('region', { name: 'My Spark settings' }).getByRole('button', { name: 'Pause Spark' }).click();
    await expect(b.page.getByRole('heading', { name: 'Spark is paused' })).toBeVisible();
    await expect(b.page.getByText(sent)).toHaveCount(0);

    await openSpark(a.page);
    await expect(a.page.getByRole('heading', { name: 'Spark is paused' })).toBeVisible();
    await expect(a.page.getByRole('heading', { name: 'Send something flirty' })).toHaveCount(0);
    await expect(a.page.getByText(sent)).toHaveCount(0);
    await expect(a.page.getByRole('button', { name: 'Resume Spark' })).toHaveCount(0);
    await expectAccessible(a.page, 'spark paused');

    // Even a client that ignored the screen is refused, and Ren's list holds no Spark messages.
    const refused = await a.page.evaluate(async () => {
      const res = await fetch('/api/items', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hearth-CSRF': '1' },
        body: JSON.stringify({ id: crypto.randomUUID(), kind: 'spark-message', visibility: 'shared', sparkLevel: 'sweet', body: btoa('x'.repeat(60)).replace(/=+$/, '') }),
      });
      return res.status;
    });
    expect(refused).toBe(409);
    const visible = itemListResponse.parse(JSON.parse(await b.page.evaluate(async () => (await fetch('/api/items?kind=spark-message')).text())));
    expect(visible.items).toEqual([]);
  });

  await test.step('the database holds none of the words', async () => {
    const dump = await dumpDatabase(server.dataDir);
    for (const secret of [sent, reply]) {
      expect(dump.rows, `row text contains "${secret}"`).not.toContain(secret);
      for (const file of dump.files) expect(file.includes(Buffer.from(secret)), `a data file contains "${secret}"`).toBe(false);
    }
  });
});
