import { z } from 'zod/mini';

/**
 * Relationship pulse (DESIGN §2, practice 5): a short monthly reflection each partner
 * answers privately. Its structure follows short validated satisfaction scales — one
 * overall-happiness item on 0–6 and three agreement items on 0–5, summed to 0–21 —
 * but the wording is Hearth's own. It is a reflection aid, not a diagnosis.
 */

/**
 * The line below which dissatisfaction is notable. The published CSI-4 (Funk, J. L., &
 * Rogge, R. D. (2007). Testing the ruler with item response theory. Journal of Family
 * Psychology, 21(4), 572–583) uses 13.5 on the same 0–21 range; Hearth's questions are
 * its own, so the figure is a sensible default rather than a clinical cut-off.
 */
export const PULSE_THRESHOLD = 13.5;
export const PULSE_MAX = 21;

/** How long after a pulse the next one is suggested ("about once a month"). */
export const PULSE_INTERVAL_DAYS = 30;

export const HAPPINESS_LABELS = [
  'Very unhappy',
  'Quite unhappy',
  'A little unhappy',
  'Happy enough',
  'Quite happy',
  'Very happy',
  'As happy as I can imagine',
] as const;

export const AGREEMENT_LABELS = [
  'Not true at all',
  'A little true',
  'Somewhat true',
  'Mostly true',
  'Almost completely true',
  'Completely true',
] as const;

export const PULSE_QUESTIONS = [
  { id: 'happiness', text: 'Taking everything into account, how happy are you in your relationship these days?', labels: HAPPINESS_LABELS },
  { id: 'warmth', text: 'Our relationship feels warm and close to me.', labels: AGREEMENT_LABELS },
  { id: 'rewarding', text: 'Being with my partner brings good things into my life.', labels: AGREEMENT_LABELS },
  { id: 'satisfied', text: 'All in all, I am content with what we have together.', labels: AGREEMENT_LABELS },
] as const;

export type PulseQuestionId = (typeof PULSE_QUESTIONS)[number]['id'];

export const pulseAnswers = z.object({
  happiness: z.int().check(z.minimum(0), z.maximum(6)),
  warmth: z.int().check(z.minimum(0), z.maximum(5)),
  rewarding: z.int().check(z.minimum(0), z.maximum(5)),
  satisfied: z.int().check(z.minimum(0), z.maximum(5)),
});
export type PulseAnswers = z.infer<typeof pulseAnswers>;

/** The total on 0–21. */
export function pulseScore(a: PulseAnswers): number {
  return a.happiness + a.warmth + a.rewarding + a.satisfied;
}

export const isBelowThreshold = (score: number, threshold: number = PULSE_THRESHOLD): boolean => score < threshold;

/** A plain-words reading of a score, never a label on the person or the relationship. */
export function pulseReading(score: number, threshold: number = PULSE_THRESHOLD): string {
  return isBelowThreshold(score, threshold)
    ? 'Things feel hard right now. That is worth taking seriously, and worth talking about with someone.'
    : 'Things feel mostly good. Keep noticing what helps.';
}

/** The next pulse is due PULSE_INTERVAL_DAYS after the last one; with none, it is due now. */
export function pulseDue(lastTakenAt: string | null, now: Date): boolean {
  if (lastTakenAt === null) return true;
  const last = Date.parse(lastTakenAt);
  if (Number.isNaN(last)) return true;
  return now.getTime() - last >= PULSE_INTERVAL_DAYS * 86_400_000;
}
