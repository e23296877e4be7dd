import { deriveKey } from '../crypto/kdf.ts';
import { toHex } from './hex.ts';
import { QUESTIONS, QUESTION_CATEGORIES, QUESTION_DEPTHS, RETIRED_IDS, type Question, type QuestionCategory, type QuestionDepth } from './catalog.ts';

/**
 * Which question a couple gets, as pure functions.
 *
 * Each couple walks the catalog in its own order, derived from the space key, so the
 * server (which never holds that key) can neither predict nor learn the question; the
 * question id lives only in sealed day items. Each day takes the first question in
 * that order that matches the couple's categories and depths and was not used (asked
 * or skipped) in the past year.
 */

export type QuestionPrefs = { readonly categories: readonly QuestionCategory[]; readonly depths: readonly QuestionDepth[] };
export const DEFAULT_PREFS: QuestionPrefs = { categories: QUESTION_CATEGORIES, depths: QUESTION_DEPTHS };

const ORDER_LABEL = 'hearth/daily-question/order/v1';
const DAY_LABEL = 'hearth/daily-question/day/v1';

/** The couple's catalog order: every question, ranked by a keyed hash of its id. */
export function questionOrder(spaceKey: Uint8Array, questions: readonly Question[] = QUESTIONS): readonly Question[] {
  const seed = deriveKey(spaceKey, ORDER_LABEL);
  const ranked = questions.map((q) => ({ q, rank: toHex(deriveKey(seed, q.id, 8)) }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.map((r) => r.q);
}

/**
 * The id of the couple's day item for a date and round. Both partners derive the same
 * id, so whoever writes second gets 409 and reads the first one's item instead: the
 * day's question is fixed by one write, even when both open the app at once.
 */
export function questionDayId(spaceKey: Uint8Array, date: string, round: number): string {
  const b = deriveKey(spaceKey, `${DAY_LABEL}/${date}/${String(round)}`, 16);
  // RFC 9562 version 8 (custom) and variant bits, so it is a well-formed UUID.
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x80;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A question used on a date (asked, answered or skipped). */
export type UsedQuestion = { readonly questionId: string; readonly date: string };

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** How long a question stays out of the rotation. */
export const NO_REPEAT_DAYS = 365;

export type QuestionPick = {
  readonly question: Question;
  /**
   * 'prefs': matched the couple's choice and unused this year (the usual case).
   * 'widened': the choice is used up for the year, so another category/depth was used rather than a repeat.
   * 'repeat': the whole catalog is used up this year; the least recently used matching question.
   */
  readonly how: 'prefs' | 'widened' | 'repeat';
};

export function pickQuestion(order: readonly Question[], prefs: QuestionPrefs, used: readonly UsedQuestion[], date: string): QuestionPick | null {
  const today = dayNumber(date);
  const lastUsed = new Map<string, number>();
  for (const u of used) {
    const d = dayNumber(u.date);
    if (Number.isNaN(d) || d > today) continue;
    lastUsed.set(u.questionId, Math.max(d, lastUsed.get(u.questionId) ?? -Infinity));
  }
  const retired = new Set(RETIRED_IDS);
  const offered = order.filter((q) => !retired.has(q.id));
  const fresh = (q: Question) => {
    const d = lastUsed.get(q.id);
    return d === undefined || today - d >= NO_REPEAT_DAYS;
  };
  const matches = (q: Question) => prefs.categories.includes(q.category) && prefs.depths.includes(q.depth);

  const preferred = offered.find((q) => matches(q) && fresh(q));
  if (preferred) return { question: preferred, how: 'prefs' };
  const widened = offered.find(fresh);
  if (widened) return { question: widened, how: 'widened' };
  const pool = offered.filter(matches);
  let best: Question | null = null;
  for (const q of pool.length > 0 ? pool : offered) {
    if (best === null || (lastUsed.get(q.id) ?? -Infinity) < (lastUsed.get(best.id) ?? -Infinity)) best = q;
  }
  return best ? { question: best, how: 'repeat' } : null;
}
