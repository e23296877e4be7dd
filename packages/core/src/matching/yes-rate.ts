import type { MatchAnswer } from './tokens.ts';

/** Anything a deck can match on: a catalog entry or a couple's own item, with the category it is counted in. */
export type MatchItem = { readonly id: string; readonly category: string };

export type MatchAnswers = ReadonlyMap<string, MatchAnswer>;

/**
 * DESIGN §5.4: someone who says yes to nearly everything in a category would learn
 * every one of their partner's yeses there, so that category's matches are withheld
 * from them. Kept as a fraction so the comparison is exact integer maths.
 */
export const YES_RATE_LIMIT = { numerator: 9, denominator: 10 } as const;

export type CategoryYesRate = {
  readonly category: string;
  /** "yes" answers to items in this category. */
  readonly yes: number;
  /** Every item in the category, answered or not: skipping items must not lower the bar. */
  readonly items: number;
  /** yes / items, for display; decisions use `overLimit`. */
  readonly rate: number;
  /** yes / items > 9/10 — strictly more than 90%; exactly 90% is allowed. */
  readonly overLimit: boolean;
  /** The most yeses this category allows before its matches are withheld. */
  readonly maxYes: number;
};

/** Yes-rate per category, in the order categories first appear in `items`. Duplicate item ids count once. */
export function yesRates(items: readonly MatchItem[], answers: MatchAnswers): CategoryYesRate[] {
  const counts = new Map<string, { yes: number; items: number }>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const count = counts.get(item.category) ?? { yes: 0, items: 0 };
    count.items += 1;
    if (answers.get(item.id) === 'yes') count.yes += 1;
    counts.set(item.category, count);
  }
  const { numerator, denominator } = YES_RATE_LIMIT;
  return [...counts].map(([category, { yes, items: n }]) => ({
    category,
    yes,
    items: n,
    rate: n === 0 ? 0 : yes / n,
    overLimit: yes * denominator > n * numerator,
    maxYes: Math.floor((n * numerator) / denominator),
  }));
}

export type WithheldCategory = CategoryYesRate & {
  /** Plain words for the app to show next to the hidden matches. */
  readonly reason: string;
};

/**
 * Categories whose matches are withheld from the person who gave `answers`, each with
 * the reason to show them. `labels` maps category ids to the names the app shows.
 */
export function withheldCategories(
  items: readonly MatchItem[],
  answers: MatchAnswers,
  labels: ReadonlyMap<string, string> = new Map(),
): WithheldCategory[] {
  return yesRates(items, answers)
    .filter((r) => r.overLimit)
    .map((r) => ({ ...r, reason: withheldReason(labels.get(r.category) ?? r.category, r) }));
}

function withheldReason(label: string, r: CategoryYesRate): string {
  const allowed =
    r.maxYes === 0
      ? 'This category is too small to match privately on a yes.'
      : `Change a few to maybe or no (at most ${r.maxYes} yes) to see matches here.`;
  return (
    `Matches in “${label}” are hidden: you said yes to ${r.yes} of ${r.items}. ` +
    'Saying yes to nearly everything would show you all of your partner’s answers, ' +
    `so Hearth keeps them private when more than 90% are yes. ${allowed}`
  );
}
