import { matchToken, type MatchDeck } from './tokens.ts';
import { withheldCategories, type MatchAnswers, type MatchItem, type WithheldCategory } from './yes-rate.ts';

/** strong: both said yes. soft: both said yes or maybe, at least one of them maybe. */
export type MatchStrength = 'strong' | 'soft';
export type Match = { readonly itemId: string; readonly category: string; readonly strength: MatchStrength };

export type Matches = {
  /** In the order of `items`. */
  readonly matches: readonly Match[];
  /** Categories whose matches this person cannot see, with the reason to show. */
  readonly withheld: readonly WithheldCategory[];
};

/**
 * Turns the tokens the server says both uploaded into matches. Only tokens this person
 * would have uploaded themself are recognised — their own yes and maybe answers — so
 * even a server that sent back the partner's whole upload could not reveal an answer
 * the partner gave to an item this person said no to or skipped. The 90% rule is
 * applied here as well, so the app shows the same thing whether or not the server
 * held the tokens back.
 */
export function matchesFromTokens(
  matchKey: Uint8Array,
  deck: MatchDeck,
  items: readonly MatchItem[],
  ownAnswers: MatchAnswers,
  returnedTokens: Iterable<string>,
  labels?: ReadonlyMap<string, string>,
): Matches {
  const returned = new Set(returnedTokens);
  const withheld = withheldCategories(items, ownAnswers, labels);
  const hidden = new Set(withheld.map((w) => w.category));
  const matches: Match[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id) || hidden.has(item.category)) continue;
    seen.add(item.id);
    const answer = ownAnswers.get(item.id);
    if (answer !== 'yes' && answer !== 'maybe') continue;
    if (!returned.has(matchToken(matchKey, deck, item.id, 'maybe-or-yes'))) continue;
    // A yes-level token can only come back if both said yes, and only a "yes" uploads one.
    const strong = answer === 'yes' && returned.has(matchToken(matchKey, deck, item.id, 'yes'));
    matches.push({ itemId: item.id, category: item.category, strength: strong ? 'strong' : 'soft' });
  }
  return { matches, withheld };
}
