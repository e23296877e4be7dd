import { z } from 'zod/mini';
import { ok, type Result } from '../result.ts';
import { buildMatchUpload, type BuildUploadError, type MatchUpload } from '../matching/upload.ts';
import { categoryTag } from '../matching/tokens.ts';
import { matchesFromTokens, type Matches } from '../matching/matches.ts';
import type { MatchAnswers, MatchItem } from '../matching/yes-rate.ts';
import { levelAllowed } from './consent.ts';
import { DESIRE_CATEGORIES, DESIRES, type Desire, type DesireLevel } from './desires-catalog.ts';
import type { desireAnswer, DesireAnswersRecord } from './desire-answers.ts';

export * from './desires-catalog.ts';
export * from './desire-answers.ts';

/**
 * The desire list's rules (DESIGN §2 b3, §5.4): which ideas a couple sees at their
 * effective Spark level, how answers are kept, and how they become an upload for the
 * blind-matching deck `desires`. The matching itself is the shared core matching.
 */

/** Whether an idea at `level` may be shown at the couple's effective level (the lower of the two comfort levels). */
export function desireLevelAllows(effective: DesireLevel, level: DesireLevel): boolean {
  return levelAllowed(level, effective);
}

/** Ideas at or below the effective level, in catalog order. Nothing above it is shown, asked or uploaded. */
export function visibleDesires(effective: DesireLevel, catalog: readonly Desire[] = DESIRES): Desire[] {
  return catalog.filter((desire) => desireLevelAllows(effective, desire.level));
}

export const DESIRE_CATEGORY_LABELS: ReadonlyMap<string, string> = new Map(DESIRE_CATEGORIES.map((c) => [c.id, c.label]));

export function desireAnswersMap(record: Pick<DesireAnswersRecord, 'answers'> | null): Map<string, z.infer<typeof desireAnswer>> {
  return new Map(Object.entries(record?.answers ?? {}));
}

/**
 * The upload for the `desires` deck at the effective level. Only visible ideas produce
 * tokens; every catalog category is listed (empty when above the level), so the number
 * of groups — which the server sees — is the same at every level and does not tell the
 * server how far the couple has opted in (decision 0036).
 */
export function buildDesireUpload(
  matchKey: Uint8Array,
  effective: DesireLevel,
  answers: MatchAnswers,
  catalog: readonly Desire[] = DESIRES,
): Result<MatchUpload, BuildUploadError> {
  const visible: MatchItem[] = visibleDesires(effective, catalog);
  const built = buildMatchUpload(matchKey, 'desires', visible, answers);
  if (!built.ok) return built;
  const present = new Set(built.value.groups.map((g) => g.category));
  const padding = [...new Set(catalog.map((c) => c.category))]
    .map((category) => categoryTag(matchKey, 'desires', category))
    .filter((tag) => !present.has(tag))
    .map((tag) => ({ category: tag, overYesLimit: false, tokens: [] }));
  // Sorted by tag, so group order cannot hint at which categories are in use.
  const groups = [...built.value.groups, ...padding].sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return ok({ deck: 'desires', groups });
}

/** Mutual matches at the effective level, with the 90% rule's explanations, from the tokens the server returned. */
export function desireMatches(
  matchKey: Uint8Array,
  effective: DesireLevel,
  answers: MatchAnswers,
  returnedTokens: Iterable<string>,
  catalog: readonly Desire[] = DESIRES,
): Matches {
  return matchesFromTokens(matchKey, 'desires', visibleDesires(effective, catalog), answers, returnedTokens, DESIRE_CATEGORY_LABELS);
}

/** The next idea to answer at this level (catalog order), or null when all are answered. */
export function nextUnanswered(effective: DesireLevel, answers: MatchAnswers, catalog: readonly Desire[] = DESIRES): Desire | null {
  return visibleDesires(effective, catalog).find((desire) => !answers.has(desire.id)) ?? null;
}
