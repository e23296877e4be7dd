import { expect, type Page } from '@playwright/test';
import { DESIRES } from '@hearth/core';
import { goTo } from './nav.ts';

/** A desire's wording from the catalog, by id: journeys find ideas by what a person reads. */
export function desireText(id: string): string {
  const found = DESIRES.find((d) => d.id === id);
  if (!found) throw new Error(`no desire ${id}`);
  return found.text;
}

/** To Spark through the main navigation, from wherever the person is. */
export async function openSpark(page: Page): Promise<void> {
  await goTo(page, 'Today');
  await goTo(page, 'Spark');
  await expect(page.getByRole('heading', { name: 'Spark', level: 1 })).toBeVisible();
}

/** Chooses a comfort level and turns Spark on, on the Spark screen. */
export async function optIn(page: Page, level: 'Sweet' | 'Flirty' | 'Spicy'): Promise<void> {
  await page.getByRole('group', { name: 'My comfort level' }).getByRole('radio', { name: level, exact: true }).check();
  await page.getByRole('button', { name: 'Turn Spark on' }).click();
}

/** Answers through the desire list's "My answers", where any answer can be set or changed. */
export async function answerDesire(page: Page, idea: string, value: 'yes' | 'maybe' | 'no'): Promise<void> {
  const list = page.getByRole('region', { name: 'Desire list' }).locator('details');
  if ((await list.getAttribute('open')) === null) await list.locator('summary').click();
  const select = list.getByRole('combobox', { name: idea });
  await select.selectOption(value);
  await expect(select).toBeEnabled();
  await expect(select).toHaveValue(value);
}
