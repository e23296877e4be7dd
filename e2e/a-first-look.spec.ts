import { expect, test, type Locator, type Page } from '@playwright/test';
import { pairUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';
import { expectAccessible } from './support/accessibility.ts';

/**
 * A first look on a phone (issue 19): Mia and Leo have just paired, nothing written
 * yet. Every place the navigation leads fits in two screens of a 390×844 phone, and a
 * hub's first thing to do is in the first screen, under the header, above the tab bar.
 * Every screen, each tool of each hub too, passes axe in light and dark and has no
 * control under 44 × 44 px.
 */

const mia = { email: 'mia.firstlook@example.com', password: 'a lighthouse on the point', name: 'Mia' };
const leo = { email: 'leo.firstlook@example.com', password: 'pebbles in a jam jar', name: 'Leo' };

const PHONE = { width: 390, height: 844 } as const;
const MAX_HEIGHT = PHONE.height * 2;

const server = useHearthServer();
const problems: string[] = [];

/** Every destination, and for a hub the one action that must be in the first screen. */
const DESTINATIONS: readonly [label: string, heading: string | RegExp, primary?: (page: Page) => Locator][] = [
  // Before 5 am Today says "Hello" rather than "Good …".
  ['Today', /^(Good|Hello)/, (page) => page.getByRole('link', { name: 'Check in today' })],
  ['Talk', 'Talk', (page) => page.getByRole('link', { name: 'Check in', exact: true })],
  ['Together', 'Together', (page) => page.getByRole('link', { name: 'Add a ritual' })],
  ['Support', 'Support', (page) => page.getByRole('link', { name: 'Say thank you' })],
  ['Touch', 'Touch'],
  ['Help', 'Help'],
  ['Spark', 'Spark'],
  ['Our week', 'Our week'],
  ['Notifications', 'Notifications'],
  ['Settings', 'Settings'],
];

/** The hubs whose tools each have their own screen. */
const HUBS = ['Talk', 'Together', 'Support', 'Help', 'Settings'] as const;

/**
 * Controls a thumb must hit that are smaller than 44 × 44 CSS px (WCAG 2.5.5's size, which
 * issue 19 asks for). Links inside running text are exempt, as WCAG's inline exception says.
 */
const SMALL_TARGETS = `(() => {
  const targets = document.querySelectorAll(
    'main button, main a.button, main .tool-row, main .back-link, main select, main input:not([type=checkbox]):not([type=radio]):not([type=hidden]), main .check, .app-header button, nav[aria-label=Main] a, nav[aria-label=Main] button',
  );
  const small = [];
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.height < 43.5 || box.width < 43.5) small.push((el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
  }
  return small;
})()`;

async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(SMALL_TARGETS);
}

/** The page's full height once nothing is loading any more. */
async function settledHeight(page: Page): Promise<number> {
  await expect(page.locator('main [aria-busy="true"], main progress:not([value])')).toHaveCount(0);
  return page.evaluate('document.documentElement.scrollHeight');
}

test('a couple with an empty space finds every screen short and the next step in view', async ({ browser }) => {
  const { first: a, second: b } = await pairUp(browser, server, problems, { first: mia, second: leo });
  await a.page.setViewportSize(PHONE);

  for (const [label, heading, primary] of DESTINATIONS) {
    await test.step(`${label} fits two screens`, async () => {
      await goTo(a.page, label);
      await expect(a.page.getByRole('heading', { level: 1 })).toContainText(heading);
      const height = await settledHeight(a.page);
      expect(height, `${label} is ${String(height)} px tall`).toBeLessThanOrEqual(MAX_HEIGHT);
      expect.soft(await smallTargets(a.page), `${label}: tap targets under 44 px`).toEqual([]);
      await expectAccessible(a.page, `${label} at 390 px`);
      if (!primary) return;
      const action = primary(a.page);
      await expect(action).toBeVisible();
      // Scrolled to the top, the action sits between the sticky header and the tab bar.
      await a.page.evaluate('window.scrollTo(0, 0)');
      const box = await action.boundingBox();
      const header = await a.page.locator('.app-header').boundingBox();
      const nav = await a.page.getByRole('navigation', { name: 'Main' }).boundingBox();
      expect(box && header && nav, 'the action, header and tab bar are on screen').toBeTruthy();
      if (!box || !header || !nav) return;
      expect(box.y, `${label}: the first thing to do is below the header`).toBeGreaterThanOrEqual(header.y + header.height);
      expect(box.y + box.height, `${label}: the first thing to do is above the tab bar`).toBeLessThanOrEqual(nav.y);
    });
  }

  for (const hub of HUBS) {
    await test.step(`every tool under ${hub} fits two screens and leads back`, async () => {
      await goTo(a.page, hub);
      const rows = a.page.locator('main .tool-row .tool-name');
      await expect(rows.first()).toBeVisible();
      const names = await rows.allInnerTexts();
      for (const name of names) {
        await goTo(a.page, hub);
        await openTool(a.page, name);
        const height = await settledHeight(a.page);
        expect.soft(height, `${hub} › ${name} is ${String(height)} px tall`).toBeLessThanOrEqual(MAX_HEIGHT);
        expect.soft(await smallTargets(a.page), `${hub} › ${name}: tap targets under 44 px`).toEqual([]);
        await expect(a.page.locator('.back-link'), `${hub} › ${name} leads back`).toHaveAccessibleName(hub);
        await expectAccessible(a.page, `${hub} › ${name} at 390 px`);
      }
    });
  }

  await a.context.close();
  await b.context.close();
  expect(problems).toEqual([]);
});
