import { z } from 'zod/mini';
import { playAnswersBody, playRoundBody, type PlayAnswersBody, type PlayGame } from './bodies.ts';

/**
 * A round's state from the items the device holds (issue 22), apart from the catalogs,
 * so a screen that only needs "whose turn is it" (Today) does not download them.
 */

/** An item as the app has it: metadata plus the decrypted body (unknown until parsed here). */
export type PlayItem = {
  readonly id: string;
  readonly kind: string;
  readonly authorId: string;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly body: unknown;
};

export type RoundView = {
  readonly id: string;
  readonly game: PlayGame;
  readonly number: number;
  readonly questionIds: readonly string[];
  readonly createdAt: string;
  readonly startedByMe: boolean;
  readonly mine: PlayAnswersBody | null;
  /** Only once both have finished; the server withholds it before, and so does this. */
  readonly theirs: PlayAnswersBody | null;
  readonly iFinished: boolean;
  readonly partnerFinished: boolean;
  readonly revealed: boolean;
  /** A round whose body did not decrypt or parse: kept and flagged, never dropped. */
  readonly unreadable: boolean;
};

function parse<T>(schema: z.core.$ZodType<T>, body: unknown): T | null {
  const r = z.safeParse(schema, body);
  return r.success ? r.data : null;
}

const byCreated = (a: PlayItem, b: PlayItem) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

/**
 * Every round, newest first, from the `play-round`, `play-answers` and `play-finished`
 * items the device holds. The partner's answers count only when both have finished —
 * their finished marker and mine, and my own answers — whatever order the items
 * arrived in, so even a server that leaked them early would not spoil a round.
 */
export function playRounds(items: readonly PlayItem[], me: string): RoundView[] {
  const sorted = [...items].sort(byCreated);
  const under = new Map<string, PlayItem[]>();
  for (const item of sorted) {
    if (item.parentId === null) continue;
    under.set(item.parentId, [...(under.get(item.parentId) ?? []), item]);
  }
  const rounds: RoundView[] = [];
  for (const item of sorted) {
    if (item.kind !== 'play-round') continue;
    const body = parse(playRoundBody, item.body);
    const children = under.get(item.id) ?? [];
    const finished = (mine: boolean) => children.some((c) => c.kind === 'play-finished' && (c.authorId === me) === mine);
    const answersOf = (mine: boolean) => {
      const found = children.find((c) => c.kind === 'play-answers' && (c.authorId === me) === mine);
      return found === undefined ? null : parse(playAnswersBody, found.body);
    };
    const mine = answersOf(true);
    const iFinished = finished(true) && mine !== null;
    const partnerFinished = finished(false);
    const revealed = iFinished && partnerFinished;
    const theirs = revealed ? answersOf(false) : null;
    rounds.push({
      id: item.id,
      game: body?.game ?? 'know-me',
      number: body?.number ?? 0,
      questionIds: body?.questionIds ?? [],
      createdAt: item.createdAt,
      startedByMe: item.authorId === me,
      mine,
      theirs,
      iFinished,
      partnerFinished,
      revealed: revealed && theirs !== null,
      unreadable: body === null,
    });
  }
  return rounds.reverse();
}

/** The round of a game still being played (at most one: round ids follow each other), or null. */
export function openRound(rounds: readonly RoundView[], game: PlayGame): RoundView | null {
  return rounds.find((r) => r.game === game && !r.unreadable && !r.revealed) ?? null;
}

/** The number the next round of a game gets. */
export function nextRoundNumber(rounds: readonly RoundView[], game: PlayGame): number {
  return Math.max(0, ...rounds.filter((r) => r.game === game).map((r) => r.number)) + 1;
}

/** Every question id a game's earlier rounds used, oldest first. */
export function usedQuestionIds(rounds: readonly RoundView[], game: PlayGame): string[] {
  return [...rounds]
    .filter((r) => r.game === game)
    .sort((a, b) => a.number - b.number)
    .flatMap((r) => r.questionIds);
}

/** Whether a person's picks cover every question of the round (and, in know-me, every guess). */
export function roundComplete(game: PlayGame, questionIds: readonly string[], answers: Readonly<Record<string, number>>, guesses: Readonly<Record<string, number>>, hasPartner = true): boolean {
  return questionIds.every((id) => answers[id] !== undefined && (game !== 'know-me' || !hasPartner || guesses[id] !== undefined));
}
