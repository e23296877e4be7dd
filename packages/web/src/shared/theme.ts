import type { Theme } from '@hearth/core/api';

/** "system" leaves the choice to prefers-color-scheme in the stylesheet. */
export function applyTheme(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme);
}
