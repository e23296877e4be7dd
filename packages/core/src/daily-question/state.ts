import { z } from 'zod/mini';
import { questionById, type Question } from './catalog.ts';
import {
  questionAnswerBody,
  questionCommentBody,
  questionDayBody,
  questionReactionBody,
  type QuestionReaction,
} from './bodies.ts';
import type { UsedQuestion } from './selection.ts';

/**
 * The daily question's state, worked out on the device from decrypted items: which
 * question each day has, who has answered, and what can be shown. The server has
 * already withheld the partner's answer until both answered; this only reads what
 * arrived, so a missing answer here is never taken as "not written".
 */

export const QUESTION_KINDS = [
  'daily-question-day',
  'daily-question-answer',
  'daily-question-answered',
  'daily-question-reaction',
  'daily-question-comment',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** An item as the app has it: metadata plus the decrypted body (unknown until parsed here). */
export type QuestionItem = {
  readonly id: string;
  readonly kind: string;
  readonly authorId: string;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly body: unknown;
};

export type Answer = { readonly id: string; readonly authorId: string; readonly text: string; readonly createdAt: string };
export type Reaction = { readonly id: string; readonly authorId: string; readonly answerId: string; readonly reaction: QuestionReaction };
export type Comment = { readonly id: string; readonly authorId: string; readonly answerId: string; readonly text: string };

export type QuestionDay = {
  readonly id: string;
  readonly date: string;
  readonly round: number;
  readonly questionId: string;
  /** null when this app version does not know the id (a newer catalog wrote it). */
  readonly question: Question | null;
  /** A later round exists for the same date: this question was skipped. */
  readonly skipped: boolean;
  readonly mine: Answer | null;
  /** Only present once both have answered (the server withholds it before). */
  readonly theirs: Answer | null;
  /** The partner has answered (their answer or their marker is here). */
  readonly partnerAnswered: boolean;
  readonly revealed: boolean;
  readonly reactions: readonly Reaction[];
  readonly comments: readonly Comment[];
};

function parse<T>(schema: z.core.$ZodType<T>, body: unknown): T | null {
  const r = z.safeParse(schema, body);
  return r.success ? r.data : null;
}

const byCreated = <T extends { readonly createdAt: string; readonly id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;

/** Every day, newest date first; within a date the current round first. */
export function questionDays(items: readonly QuestionItem[], me: string): QuestionDay[] {
  const sorted = [...items].sort(byCreated);
  const under = new Map<string, QuestionItem[]>();
  for (const item of sorted) {
    if (item.parentId === null) continue;
    const list = under.get(item.parentId);
    if (list) list.push(item);
    else under.set(item.parentId, [item]);
  }
  const days = sorted.flatMap((item) => {
    if (item.kind !== 'daily-question-day') return [];
    const body = parse(questionDayBody, item.body);
    return body ? [{ item, body }] : [];
  });
  const maxRound = new Map<string, number>();
  for (const d of days) maxRound.set(d.body.date, Math.max(d.body.round, maxRound.get(d.body.date) ?? 0));

  const out = days.map(({ item, body }): QuestionDay => {
    const children = under.get(item.id) ?? [];
    const answers = children.flatMap((c): Answer[] => {
      if (c.kind !== 'daily-question-answer') return [];
      const a = parse(questionAnswerBody, c.body);
      return a ? [{ id: c.id, authorId: c.authorId, text: a.text, createdAt: c.createdAt }] : [];
    });
    const mine = answers.find((a) => a.authorId === me) ?? null;
    const theirs = answers.find((a) => a.authorId !== me) ?? null;
    const partnerMarker = children.some((c) => c.kind === 'daily-question-answered' && c.authorId !== me);
    const answerIds = new Set(answers.map((a) => a.id));
    const replies = answers.flatMap((a) => under.get(a.id) ?? []).filter((c) => c.parentId !== null && answerIds.has(c.parentId));
    const reactions = replies.flatMap((c): Reaction[] => {
      if (c.kind !== 'daily-question-reaction' || c.parentId === null) return [];
      const r = parse(questionReactionBody, c.body);
      return r ? [{ id: c.id, authorId: c.authorId, answerId: c.parentId, reaction: r.reaction }] : [];
    });
    const comments = replies.flatMap((c): Comment[] => {
      if (c.kind !== 'daily-question-comment' || c.parentId === null) return [];
      const r = parse(questionCommentBody, c.body);
      return r ? [{ id: c.id, authorId: c.authorId, answerId: c.parentId, text: r.text }] : [];
    });
    return {
      id: item.id,
      date: body.date,
      round: body.round,
      questionId: body.questionId,
      question: questionById(body.questionId),
      skipped: (maxRound.get(body.date) ?? 0) > body.round,
      mine,
      theirs,
      partnerAnswered: theirs !== null || partnerMarker,
      revealed: mine !== null && theirs !== null,
      reactions,
      comments,
    };
  });
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.round - a.round));
}

/** The current (not skipped) day for a date, if its item exists yet. */
export const dayFor = (days: readonly QuestionDay[], date: string): QuestionDay | null =>
  days.find((d) => d.date === date && !d.skipped) ?? null;

/** Questions used so far, for the no-repeat rule: asked and skipped alike. */
export const usedQuestions = (days: readonly QuestionDay[]): UsedQuestion[] => days.map((d) => ({ questionId: d.questionId, date: d.date }));

/**
 * "Questions answered together": days where both answers are here. It only grows
 * (answers cannot be taken back), and it is deliberately not a streak: a missed day
 * costs nothing.
 */
export const answeredTogether = (days: readonly QuestionDay[]): number => days.filter((d) => d.revealed).length;
