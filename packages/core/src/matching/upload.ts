import { err, ok, type Result } from '../result.ts';
import { categoryTag, tokensForAnswer, type MatchDeck } from './tokens.ts';
import { yesRates, type MatchAnswers, type MatchItem } from './yes-rate.ts';

/**
 * What a partner uploads for one deck, and what the server answers. The wire shapes
 * are validated by `matchUploadRequest` / `matchResultResponse` in api/matching.ts;
 * the design behind them is decision 0011.
 *
 * The 90% rule has to be applied by the server — if it only hid matches in the app,
 * the withheld tokens would still reach the over-eager partner's device — yet the
 * server must not learn categories. So tokens travel in groups under an opaque
 * category tag, and each group carries one bit: "my yes-rate here is over the limit".
 * The server learns that bit and nothing else about the rate (no counts, no category
 * sizes, which could identify a category of a public catalog).
 */
export type MatchGroup = {
  readonly category: string;
  readonly overYesLimit: boolean;
  readonly tokens: readonly string[];
};

export type MatchUpload = { readonly deck: MatchDeck; readonly groups: readonly MatchGroup[] };

/** Upper bounds the API enforces; a catalog of 80–200 items plus a couple's own stays far below them. */
export const MAX_MATCH_TOKENS = 2000;
export const MAX_MATCH_CATEGORIES = 100;

export type BuildUploadError = 'too_many_tokens' | 'too_many_categories';

/**
 * The whole upload for one deck. It replaces the previous one, so changing an answer
 * to "no" removes its tokens — and any match — at the next upload. Answers for ids not
 * in `items` (an item since removed from the catalog) are skipped: without the item
 * there is no category to count them in. Every category is listed, even with no
 * tokens, so the server always has this partner's bit for it.
 */
export function buildMatchUpload(
  matchKey: Uint8Array,
  deck: MatchDeck,
  items: readonly MatchItem[],
  answers: MatchAnswers,
): Result<MatchUpload, BuildUploadError> {
  const rates = yesRates(items, answers);
  if (rates.length > MAX_MATCH_CATEGORIES) return err('too_many_categories', `A deck can have at most ${MAX_MATCH_CATEGORIES} categories.`);
  const tokensByCategory = new Map<string, string[]>();
  const seen = new Set<string>();
  let total = 0;
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const answer = answers.get(item.id);
    if (answer === undefined) continue;
    const tokens = tokensForAnswer(matchKey, deck, item.id, answer);
    total += tokens.length;
    const list = tokensByCategory.get(item.category) ?? [];
    list.push(...tokens);
    tokensByCategory.set(item.category, list);
  }
  if (total > MAX_MATCH_TOKENS) return err('too_many_tokens', `At most ${MAX_MATCH_TOKENS} tokens fit in one upload.`);
  const groups = rates.map((r) => ({
    category: categoryTag(matchKey, deck, r.category),
    overYesLimit: r.overLimit,
    // Sorted, so token order cannot hint at catalog order.
    tokens: [...(tokensByCategory.get(r.category) ?? [])].sort(),
  }));
  return ok({ deck, groups });
}

export type MatchResult = {
  /** Tokens both partners uploaded, minus the withheld categories. */
  readonly tokens: readonly string[];
  /** Category tags withheld from the viewer: exactly the ones the viewer flagged, whatever the partner answered. */
  readonly withheld: readonly string[];
};

/**
 * The server's side of matching, pure so every route and test uses the same rule.
 * A token is returned only if both uploaded it and the category the *partner* filed it
 * under is one the viewer reported as within the limit. Using the partner's grouping
 * means a viewer's client cannot dodge the rule by filing tokens under another tag;
 * a viewer that never reported that tag gets nothing (fail closed).
 * `withheld` depends only on the viewer's own upload: listing only categories where a
 * match was actually held back would tell the viewer the partner has a yes there.
 */
export function matchForViewer(viewer: MatchUpload, partner: MatchUpload | null): MatchResult {
  const withheld = viewer.groups.filter((g) => g.overYesLimit).map((g) => g.category);
  if (partner === null || partner.deck !== viewer.deck) return { tokens: [], withheld };
  const viewerOk = new Set(viewer.groups.filter((g) => !g.overYesLimit).map((g) => g.category));
  const viewerTokens = new Set(viewer.groups.flatMap((g) => g.tokens));
  const tokens = partner.groups
    .filter((g) => viewerOk.has(g.category))
    .flatMap((g) => g.tokens)
    .filter((t) => viewerTokens.has(t));
  return { tokens: [...new Set(tokens)].sort(), withheld };
}
