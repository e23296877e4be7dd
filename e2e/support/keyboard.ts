import { expect, type Locator, type Page } from '@playwright/test';

/** How many Tab presses we allow before saying the control cannot be reached. */
const MAX_TABS = 150;

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, the way a keyboard user
 * moves through a page, and checks on arrival that the focus is visible: the
 * control itself, or (for an input hidden behind a styled label) its label or chip,
 * draws an outline. Fails if the control is never reached.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectFocusVisible(target);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} was not reached with ${MAX_TABS} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

export async function expectFocusVisible(target: Locator): Promise<void> {
  const visible = await target.evaluate((el) => {
    const drawn = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    return drawn(el) || drawn(label) || drawn(el.closest('.chip, .mood-option'));
  });
  expect(visible, `focus is visible on ${String(target)}`).toBe(true);
}

/** Nothing on the screen is wider than the phone it is on (no sideways scrolling). */
export async function expectFitsWidth(page: Page, screen: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow, `${screen} fits the screen width`).toEqual({ scroll: 0, wide: [] });
}
