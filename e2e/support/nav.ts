import { expect, type Locator, type Page } from '@playwright/test';

/** The one main navigation: a tab bar on a phone, a side bar on a wide screen (issue 19). */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** A destination's name, with or without the unread count it may carry ("Notifications, 2 unread"). */
function named(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(, \\d+ unread)?$`);
}

/** Opens the "More" sheet if it is shown (a phone) and returns where its extra destinations are. */
async function destinationsOf(page: Page, label: RegExp, role: 'link' | 'button'): Promise<Locator> {
  const nav = mainNav(page);
  await expect(nav).toBeVisible();
  const direct = nav.getByRole(role, { name: label });
  if (await direct.isVisible()) return direct;
  await nav.getByRole('button', { name: /^More/ }).click();
  const sheet = page.getByRole('dialog', { name: 'More' });
  await expect(sheet).toBeVisible();
  return sheet.getByRole(role, { name: label });
}

/** Goes to a destination the way a person would: its tab or side-bar link, or through "More". */
export async function goTo(page: Page, label: string): Promise<void> {
  await (await destinationsOf(page, named(label), 'link')).click();
  await expect(page.getByRole('dialog', { name: 'More' })).toHaveCount(0);
}

/** Signs out from the side bar, or from the "More" sheet on a phone. */
export async function signOutFrom(page: Page): Promise<void> {
  await (await destinationsOf(page, /^Sign out$/, 'button')).click();
}

/**
 * Where the unread count shows in the navigation: on the Notifications link when it is
 * in view (a wide screen), otherwise on "More". Zero means neither carries a count.
 */
export function unreadIn(page: Page, count: number): Locator {
  const nav = mainNav(page);
  if (count === 0) {
    return nav.getByRole('link', { name: 'Notifications', exact: true }).or(nav.getByRole('button', { name: 'More', exact: true }));
  }
  const text = `, ${count} unread`;
  return nav.getByRole('link', { name: `Notifications${text}`, exact: true }).or(nav.getByRole('button', { name: `More${text}`, exact: true }));
}

/** Opens one of a hub's tools by its row ("Ideas deck", "Calendar"): the row's name starts with the tool's. */
export async function openTool(page: Page, name: string): Promise<void> {
  const hub = page.url();
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = page.getByRole('link', { name: new RegExp(`^${escaped}\\b`) }).and(page.locator('.tool-row'));
  // A hub's first section can still be arriving and push the rows down under the pointer: a click that
  // landed beside the row is made again, as a person would tap again once the screen settled.
  for (let attempt = 0; attempt < 3 && page.url() === hub; attempt += 1) {
    await row.click();
    await page.waitForURL((url) => url.href !== hub, { timeout: 3000 }).catch(() => undefined);
  }
  await expect(page).not.toHaveURL(hub);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
}

/** Goes back from a tool's screen to its hub by the link above the title ("‹ Settings"). */
export async function backTo(page: Page, hub: string): Promise<void> {
  await page.locator('.back-link').and(page.getByRole('link', { name: hub, exact: true })).click();
  await expect(page.getByRole('heading', { name: hub, level: 1 })).toBeVisible();
}
