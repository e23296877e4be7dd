import { z } from 'zod/mini';
import { MATCH_ANSWERS, type MatchAnswer } from '../matching/tokens.ts';
import type { MatchItem } from '../matching/yes-rate.ts';
import { DATE_IDEAS, IDEA_COSTS, IDEA_ENERGIES, IDEA_PLACES, type DateIdea, type IdeaCost, type IdeaEnergy, type IdeaPlace } from './ideas.ts';

/**
 * The couple's ideas deck: the catalog plus ideas either partner added, answered
 * yes / maybe / no by each privately and matched blind (DESIGN §5.4, decision 0011).
 * Own ideas are sealed shared items; their match id is derived from the item id
 * (decision 0020), so both partners' devices name the same idea the same way and
 * nothing about its text reaches the server.
 */

/** An idea a partner added to the couple's deck (`together-idea`, shared). Tagged like catalog ideas so it filters and matches the same way. */
export const togetherIdeaBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  cost: z.enum(IDEA_COSTS),
  where: z.enum(IDEA_PLACES),
  energy: z.enum(IDEA_ENERGIES),
  /** Rough time to set aside: five minutes to a fortnight. */
  minutes: z.int().check(z.minimum(5), z.maximum(20_160)),
  firstFirst: z.boolean(),
});
export type TogetherIdeaBody = z.infer<typeof togetherIdeaBody>;

/** Deck ids are catalog ids (`idea-001`) or `own:` and an own idea's item id. */
export const DECK_ID_PATTERN = /^(idea-\d{3}|own:[0-9a-f-]{36})$/;
const deckId = z.string().check(z.regex(DECK_ID_PATTERN));

/** Most answers one record holds: the catalog plus a generous number of own ideas. */
export const MAX_DECK_ANSWERS = 1000;

/**
 * My own answers, sealed under my personal key, so they survive reloads and can be
 * changed. The server never sees them; it sees only the tokens they turn into.
 */
export const deckAnswersRecord = z.object({
  type: z.literal('deck-answers'),
  /** The catalog version the answers were given against (ids are stable across versions). */
  catalogVersion: z.int().check(z.minimum(1)),
  answers: z
    .record(deckId, z.enum(MATCH_ANSWERS))
    .check(z.refine((a) => Object.keys(a).length <= MAX_DECK_ANSWERS, `at most ${String(MAX_DECK_ANSWERS)} answers`)),
});
export type DeckAnswersRecord = z.infer<typeof deckAnswersRecord>;

/** One idea in the couple's deck, catalog or own, in one shape for cards, filters and matching. */
export type DeckIdea = DateIdea & {
  /** Null for a catalog idea; the item id for an own idea. */
  readonly itemId: string | null;
};

export const ownIdeaDeckId = (itemId: string): string => `own:${itemId}`;

/** An own idea as it appears in the deck. */
export function ownDeckIdea(itemId: string, body: TogetherIdeaBody): DeckIdea {
  return { id: ownIdeaDeckId(itemId), text: body.title, cost: body.cost, where: body.where, energy: body.energy, minutes: body.minutes, firstFirst: body.firstFirst, itemId };
}

/** The whole deck: catalog first, then own ideas oldest first (pass them in that order). */
export function deckIdeas(own: readonly { readonly itemId: string; readonly body: TogetherIdeaBody }[], catalog: readonly DateIdea[] = DATE_IDEAS): DeckIdea[] {
  return [...catalog.map((i) => ({ ...i, itemId: null })), ...own.map((o) => ownDeckIdea(o.itemId, o.body))];
}

/**
 * What the matching layer sees: an id and the category for the 90% rule, which is the
 * place (home / out / outdoors), for own ideas as for catalog ones.
 */
export function deckMatchItems(deck: readonly DeckIdea[]): MatchItem[] {
  return deck.map((i) => ({ id: i.id, category: i.where }));
}

/**
 * The id a date made from this idea refers back to: the catalog id, or the own idea's
 * item id. It goes into `/app/together/dates/new?idea=`.
 */
export const ideaRef = (idea: DeckIdea): string => idea.itemId ?? idea.id;

/** The path of the date form, prefilled with this idea. */
export function makeDatePath(idea: DeckIdea): string {
  return `/app/together/dates/new?title=${encodeURIComponent(idea.text)}&idea=${encodeURIComponent(ideaRef(idea))}`;
}

export const answersMap = (record: DeckAnswersRecord | null): Map<string, MatchAnswer> =>
  new Map(Object.entries(record?.answers ?? {}).filter((e): e is [string, MatchAnswer] => MATCH_ANSWERS.some((a) => a === e[1])));

/** Ideas not answered yet, in deck order: what the swipe deck shows next. */
export function unanswered(deck: readonly DeckIdea[], answers: ReadonlyMap<string, MatchAnswer>): DeckIdea[] {
  return deck.filter((i) => !answers.has(i.id));
}

/**
 * What the swipe deck shows, in order: the couple's own ideas first (the newest thing
 * a partner added is the one they are waiting to hear about), then the catalog, with
 * ideas skipped this visit moved to the back.
 */
export function deckQueue(deck: readonly DeckIdea[], answers: ReadonlyMap<string, MatchAnswer>, skipped: readonly string[] = []): DeckIdea[] {
  const open = unanswered(deck, answers);
  const ordered = [...open.filter((i) => i.itemId !== null), ...open.filter((i) => i.itemId === null)];
  return [...ordered.filter((i) => !skipped.includes(i.id)), ...skipped.flatMap((id) => ordered.filter((i) => i.id === id))];
}

export const IDEA_COST_LABEL: Record<IdeaCost, string> = { free: 'Free', $: 'Low cost', $$: 'Medium cost', $$$: 'A treat' };
export const IDEA_PLACE_LABEL: Record<IdeaPlace, string> = { home: 'At home', out: 'Out and about', outdoors: 'Outdoors' };
export const IDEA_ENERGY_LABEL: Record<IdeaEnergy, string> = { low: 'Low energy', medium: 'Some energy', high: 'High energy' };

/** "45 min", "2 h", "2½ h", "a day", "3 days". */
export function timeNeededLabel(minutes: number): string {
  if (minutes < 60) return `${String(minutes)} min`;
  if (minutes < 12 * 60) {
    const halves = Math.round(minutes / 30);
    const hours = Math.floor(halves / 2);
    return `${String(hours)}${halves % 2 === 1 ? '½' : ''} h`;
  }
  const days = Math.max(1, Math.round(minutes / 1440));
  return days === 1 ? 'a day' : `${String(days)} days`;
}
