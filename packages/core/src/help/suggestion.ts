import { PULSE_THRESHOLD } from './pulse.ts';

/**
 * When Hearth suggests talking to a couples counselor (DESIGN §2, practice 5). Pure:
 * the app gathers scores, conversations and asks, and shows the reasons in plain words.
 * The suggestion itself is always reachable from Help; these rules only decide when
 * to bring it forward.
 */

/** A drop this large from the average of the previous three pulses counts as falling. */
export const PULSE_DROP = 4;
/** A Talk-it-through conversation paused this many times without an agreement. */
export const PAUSES_WITHOUT_AGREEMENT = 3;

export type ScorePoint = { readonly score: number; readonly takenAt: string };

/** What one Talk-it-through conversation contributes (from conversationState). */
export type ConversationSignal = { readonly pauseCount: number; readonly hasAgreement: boolean };

export type SuggestionInput = {
  /** My own pulses, any order. */
  readonly mine: readonly ScorePoint[];
  /** The pulses my partner chose to share with me, any order. */
  readonly partners: readonly ScorePoint[];
  readonly conversations: readonly ConversationSignal[];
  readonly iAsked: boolean;
  readonly partnerAsked: boolean;
  readonly threshold?: number;
};

export type SuggestionReason =
  | { readonly kind: 'low-twice'; readonly whose: 'mine' | 'partner' }
  | { readonly kind: 'drop'; readonly whose: 'mine' | 'partner'; readonly by: number }
  | { readonly kind: 'stuck-conversation'; readonly count: number }
  | { readonly kind: 'asked'; readonly whose: 'mine' | 'partner' };

const chronological = (points: readonly ScorePoint[]): ScorePoint[] =>
  [...points].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));

/** The latest two pulses are both under the threshold. */
export function lowTwiceInARow(points: readonly ScorePoint[], threshold: number = PULSE_THRESHOLD): boolean {
  const s = chronological(points);
  const last = s[s.length - 1];
  const before = s[s.length - 2];
  return last !== undefined && before !== undefined && last.score < threshold && before.score < threshold;
}

/** How far the latest pulse fell below the average of the three before it; null with fewer than four pulses. */
export function dropFromRecent(points: readonly ScorePoint[]): number | null {
  const s = chronological(points);
  if (s.length < 4) return null;
  const last = s[s.length - 1];
  if (last === undefined) return null;
  const previous = s.slice(-4, -1);
  const average = previous.reduce((sum, p) => sum + p.score, 0) / previous.length;
  return average - last.score;
}

function pulseReasons(points: readonly ScorePoint[], whose: 'mine' | 'partner', threshold: number): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  if (lowTwiceInARow(points, threshold)) reasons.push({ kind: 'low-twice', whose });
  const drop = dropFromRecent(points);
  if (drop !== null && drop >= PULSE_DROP) reasons.push({ kind: 'drop', whose, by: Math.round(drop * 10) / 10 });
  return reasons;
}

/** Every reason that applies now; an empty list means no trigger (the suggestion stays reachable anyway). */
export function suggestionReasons(input: SuggestionInput): SuggestionReason[] {
  const threshold = input.threshold ?? PULSE_THRESHOLD;
  const reasons = [...pulseReasons(input.mine, 'mine', threshold), ...pulseReasons(input.partners, 'partner', threshold)];
  const stuck = input.conversations.filter((c) => c.pauseCount >= PAUSES_WITHOUT_AGREEMENT && !c.hasAgreement).length;
  if (stuck > 0) reasons.push({ kind: 'stuck-conversation', count: stuck });
  if (input.iAsked) reasons.push({ kind: 'asked', whose: 'mine' });
  if (input.partnerAsked) reasons.push({ kind: 'asked', whose: 'partner' });
  return reasons;
}

/** The reason in words, kind and without blame. */
export function describeReason(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'low-twice':
      return reason.whose === 'mine'
        ? 'Your last two pulses were both on the low side.'
        : 'Your partner shared two pulses in a row that were on the low side.';
    case 'drop':
      return reason.whose === 'mine'
        ? `Your latest pulse dropped by ${reason.by} points from your recent average.`
        : `Your partner's latest shared pulse dropped by ${reason.by} points from their recent average.`;
    case 'stuck-conversation':
      return reason.count === 1
        ? 'One of your Talk-it-through conversations has been paused three times without an agreement.'
        : `${reason.count} of your Talk-it-through conversations have been paused three times without an agreement.`;
    case 'asked':
      return reason.whose === 'mine' ? 'You said you would like to see a counselor together.' : 'Your partner would like the two of you to see a counselor.';
  }
}

export const COUNSELING_EXPLAINED = [
  'A couples counselor is a trained, neutral person who helps you both talk about hard things safely. They do not take sides or decide who is right.',
  'Sessions usually last about an hour. The first ones are mostly about listening to each of you and understanding what you want to change. Many couples go for a few months; some only need a handful of sessions.',
  'Going is a sign of commitment, not failure. Couples who get help earlier, before resentment settles in, tend to do better.',
  'Look for someone trained in couples or family therapy. It is fine to have a short call first and ask how they work, and to try someone else if the fit is not right.',
] as const;
