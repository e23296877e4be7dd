import { deriveKey } from '../crypto/kdf.ts';
import { toHex } from '../daily-question/hex.ts';
import { levelAllowed, type SparkLevel } from '../spark/consent.ts';
import { ROUND_SIZE, type PlayGame } from './bodies.ts';
import type { RoundView } from './round-state.ts';
import { KNOW_ME_QUESTIONS } from './know-me-catalog.ts';
import type { PlayLevel } from './levels.ts';
import { THIS_OR_THAT_PAIRS } from './this-or-that-catalog.ts';

/**
 * Play's rules as pure functions (issue 22): which questions a round gets, what a round's
 * state is from the items the device holds, and what the reveal shows.
 *
 * A couple walks each catalog in its own order, derived from the space key, as with the
 * daily question: the server can neither predict nor learn which questions they got.
 */

/** One question of either game, as a round shows it: the options to pick from. */
export type PlayQuestion = { readonly id: string; readonly level: PlayLevel; readonly text: string; readonly options: readonly string[] };

const CATALOG: Readonly<Record<PlayGame, readonly PlayQuestion[]>> = {
  'know-me': KNOW_ME_QUESTIONS,
  'this-or-that': THIS_OR_THAT_PAIRS.map((p) => ({ id: p.id, level: p.level, text: `${p.a} or ${p.b}?`, options: [p.a, p.b] })),
};

const BY_ID = new Map<string, PlayQuestion>(Object.values(CATALOG).flatMap((list) => list.map((q) => [q.id, q] as const)));

export function playQuestion(id: string): PlayQuestion | null {
  return BY_ID.get(id) ?? null;
}

export function playCatalog(game: PlayGame): readonly PlayQuestion[] {
  return CATALOG[game];
}

/**
 * Whether a question of this warmth may be shown: everyday ones always; flirty and
 * spicy ones only while Spark is on for both (`spark` is the couple's effective level,
 * null otherwise) and never above it. Spark's "sweet" allows neither.
 */
export function playLevelAllowed(level: PlayLevel, spark: SparkLevel | null): boolean {
  if (level === 'everyday') return true;
  return spark !== null && levelAllowed(level, spark);
}

const ORDER_LABEL = 'hearth/play/order/v1';
const ROUND_LABEL = 'hearth/play/round/v1';

/** The couple's order of a game's catalog: every question ranked by a keyed hash of its id. */
export function playOrder(spaceKey: Uint8Array, game: PlayGame): readonly PlayQuestion[] {
  const seed = deriveKey(spaceKey, `${ORDER_LABEL}/${game}`);
  const ranked = CATALOG[game].map((q) => ({ q, rank: toHex(deriveKey(seed, q.id, 8)) }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.map((r) => r.q);
}

/**
 * The id of a game's round `number`. Both partners derive the same one, so whoever
 * writes second gets 409 and plays the first one's round: one open round per game,
 * even when both start at once.
 */
export function playRoundId(spaceKey: Uint8Array, game: PlayGame, number: number): string {
  const b = deriveKey(spaceKey, `${ROUND_LABEL}/${game}/${String(number)}`, 16);
  // RFC 9562 version 8 (custom) and variant bits, so it is a well-formed UUID.
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x80;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The questions of a new round: the first ones in the couple's order that Spark allows
 * and that no earlier round used; once the catalog is used up, it starts over from the
 * least recently used.
 */
export function pickRoundQuestions(spaceKey: Uint8Array, game: PlayGame, used: readonly string[], spark: SparkLevel | null): string[] {
  const allowed = playOrder(spaceKey, game).filter((q) => playLevelAllowed(q.level, spark));
  const size = ROUND_SIZE[game];
  const seen = new Set(used);
  const fresh = allowed.filter((q) => !seen.has(q.id));
  if (fresh.length >= size) return fresh.slice(0, size).map((q) => q.id);
  // Least recently used first: an id's last use, earliest first; never-used ones before all.
  const lastUse = new Map<string, number>();
  used.forEach((id, i) => lastUse.set(id, i));
  const again = allowed.filter((q) => seen.has(q.id)).sort((a, b) => (lastUse.get(a.id) ?? 0) - (lastUse.get(b.id) ?? 0));
  return [...fresh, ...again].slice(0, size).map((q) => q.id);
}

export type RevealRow = {
  readonly question: PlayQuestion;
  readonly mine: number | null;
  readonly theirs: number | null;
  /** Know-me: my guess of their answer, and theirs of mine. */
  readonly myGuess: number | null;
  readonly theirGuess: number | null;
  /** Know-me: someone guessed wrong. This-or-that: we picked differently. */
  readonly surprise: boolean;
};

export type Reveal = {
  readonly game: PlayGame;
  /** Surprises first, then the rest in the round's order. */
  readonly rows: readonly RevealRow[];
  /** Know-me: how many of their answers I guessed; this-or-that: how many picks we share. */
  readonly iKnew: number;
  readonly theyKnew: number;
  readonly agreed: number;
  readonly total: number;
  /** Questions of the round Spark no longer allows: not shown, and said so. */
  readonly hidden: number;
  /** This-or-that: one question to talk about, from a pick where we differ. */
  readonly talkAbout: { readonly mine: string; readonly theirs: string } | null;
};

/** What both see once a round is revealed; null before. The same for both partners, seen from each side. */
export function revealRound(round: RoundView, spark: SparkLevel | null): Reveal | null {
  if (!round.revealed || round.mine === null || round.theirs === null) return null;
  const mine = round.mine;
  const theirs = round.theirs;
  const questions = round.questionIds.map(playQuestion).filter((q): q is PlayQuestion => q !== null);
  const shown = questions.filter((q) => playLevelAllowed(q.level, spark));
  const rows: RevealRow[] = shown.map((question) => {
    const m = mine.answers[question.id] ?? null;
    const t = theirs.answers[question.id] ?? null;
    const myGuess = mine.guesses?.[question.id] ?? null;
    const theirGuess = theirs.guesses?.[question.id] ?? null;
    const surprise = round.game === 'know-me' ? myGuess !== t || theirGuess !== m : m !== t;
    return { question, mine: m, theirs: t, myGuess, theirGuess, surprise };
  });
  const ordered = [...rows.filter((r) => r.surprise), ...rows.filter((r) => !r.surprise)];
  const differ = rows.find((r) => round.game === 'this-or-that' && r.surprise && r.mine !== null && r.theirs !== null);
  const option = (q: PlayQuestion, i: number | null) => (i === null ? '' : (q.options[i] ?? ''));
  return {
    game: round.game,
    rows: ordered,
    iKnew: rows.filter((r) => r.myGuess !== null && r.myGuess === r.theirs).length,
    theyKnew: rows.filter((r) => r.theirGuess !== null && r.theirGuess === r.mine).length,
    agreed: rows.filter((r) => r.mine !== null && r.mine === r.theirs).length,
    total: rows.length,
    hidden: questions.length - shown.length,
    talkAbout: differ === undefined ? null : { mine: option(differ.question, differ.mine), theirs: option(differ.question, differ.theirs) },
  };
}
