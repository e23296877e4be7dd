import { z } from 'zod/mini';
import type { DayKey } from '../talk/checkin-history.ts';
import { isoWeekKey, stableHash, weekIndex } from './weeks.ts';
import { deckAnswersRecord } from './deck.ts';

/**
 * Interests (DESIGN §2, practice 2): each partner lists hobbies, passions and goals,
 * and once a week the other is prompted to ask about one of them ("Ask Alex how the
 * pottery class went"). Curiosity about each other's world is the point; the prompt
 * is a nudge, never a test.
 */

export const INTEREST_TYPES = ['hobby', 'passion', 'goal'] as const;
export type InterestType = (typeof INTEREST_TYPES)[number];
export const INTEREST_TYPE_LABEL: Record<InterestType, string> = { hobby: 'Hobby', passion: 'Passion', goal: 'Goal' };

/** One interest, sealed and shared (`together-interest`), written by the person it belongs to. */
export const togetherInterestBody = z.object({
  type: z.enum(INTEREST_TYPES),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  /** How the partner could ask about it, finishing "Ask Alex …": "how the pottery class went". */
  ask: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
});
export type TogetherInterestBody = z.infer<typeof togetherInterestBody>;

/** "I asked about it this week": hides the week's prompt on my devices (a private record, below). */
export const interestAskedRecord = z.object({
  type: z.literal('interest-asked'),
  /** ISO week, "2026-W48". */
  week: z.string().check(z.regex(/^\d{4}-W\d\d$/)),
  interestId: z.string().check(z.maxLength(64)),
});
export type InterestAskedRecord = z.infer<typeof interestAskedRecord>;

/**
 * Bodies of `together-private` items, sealed under the author's personal key: my
 * ideas-deck answers and the interest prompts I have acted on. One kind for both, so
 * the server sees only that I keep some private Together records.
 */
export const togetherPrivateBody = z.discriminatedUnion('type', [deckAnswersRecord, interestAskedRecord]);
export type TogetherPrivateBody = z.infer<typeof togetherPrivateBody>;

/**
 * The partner's interest to ask about this week, or null when they have listed none.
 * Deterministic: the same all week on every device, then the next one in turn, so each
 * interest comes up before any repeats. `salt` (the asker's user id) staggers where the
 * rotation starts, so a new interest does not always come up first.
 */
export function pickInterestToAsk<T extends { readonly id: string; readonly createdAt: string }>(interests: readonly T[], today: DayKey, salt: string): T | null {
  const week = weekIndex(today);
  if (week === null || interests.length === 0) return null;
  const ordered = [...interests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const n = ordered.length;
  const index = (((week + (stableHash(salt) % n)) % n) + n) % n;
  return ordered[index] ?? null;
}

/** The week key a prompt belongs to, for the "asked" record. */
export const interestWeek = (today: DayKey): string | null => isoWeekKey(today);

/** "Ask Alex how the pottery class went", from the owner's own wording or a gentle default per type. */
export function askAboutText(name: string, interest: TogetherInterestBody): string {
  const ask = interest.ask.trim().replace(/[.?!]+$/, '');
  if (ask !== '') return `Ask ${name} ${ask}`;
  switch (interest.type) {
    case 'hobby':
      return `Ask ${name} how ${interest.title} has been going lately`;
    case 'passion':
      return `Ask ${name} what they love about ${interest.title} at the moment`;
    case 'goal':
      return `Ask ${name} how ${interest.title} is going, and whether anything would help`;
  }
}
