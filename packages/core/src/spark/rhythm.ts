import { z } from 'zod/mini';
import { deriveKey } from '../crypto/kdf.ts';
import { toHex } from '../daily-question/hex.ts';
import { MAX_WISH_PER_MONTH, wishPerMonth } from './rhythm-records.ts';

export * from './rhythm-records.ts';

/**
 * Intimacy rhythm (DESIGN §2 habit b2, decision 0037). A private log and a privately
 * wished frequency per partner. The app shows where the two wishes meet without
 * showing either number: each wish is reduced on its owner's device to a coarse band,
 * only the band is shared (sealed, and withheld by the server until the partner has
 * stated a wish too), and only the meeting band is ever shown. Numbers are exchanged
 * only when both choose to reveal them.
 */

/**
 * Bands of times per month, each holding at least two whole numbers so a band never
 * pins a number. Edges follow how people talk about it (monthly, weekly, most days).
 */
export const RHYTHM_BANDS = [
  { band: 0, min: 0, max: 1, label: 'up to once a month' },
  { band: 1, min: 2, max: 3, label: 'two or three times a month' },
  { band: 2, min: 4, max: 6, label: 'about once a week' },
  { band: 3, min: 7, max: 10, label: 'about twice a week' },
  { band: 4, min: 11, max: 15, label: 'about three times a week' },
  { band: 5, min: 16, max: 24, label: 'four to six times a week' },
  { band: 6, min: 25, max: MAX_WISH_PER_MONTH, label: 'about every day' },
] as const;
export type RhythmBand = (typeof RHYTHM_BANDS)[number];
export const RHYTHM_BAND_COUNT = RHYTHM_BANDS.length;

export const rhythmBandIndex = z.int().check(z.minimum(0), z.maximum(RHYTHM_BAND_COUNT - 1));

export function rhythmBandOf(perMonth: number): number {
  const clamped = Math.min(Math.max(Math.round(perMonth), 0), MAX_WISH_PER_MONTH);
  return RHYTHM_BANDS.findIndex((b) => clamped >= b.min && clamped <= b.max);
}

export function rhythmBand(index: number): RhythmBand {
  const i = Math.min(Math.max(Math.trunc(index), 0), RHYTHM_BAND_COUNT - 1);
  return RHYTHM_BANDS[i] ?? RHYTHM_BANDS[0];
}

/**
 * Where two wishes meet: the band halfway between the two bands, rounded toward the
 * gentler wish — the same "the lower one wins ties" spirit as Spark's comfort levels.
 * Given one's own band a and the meeting band m, the partner's band is one of
 * {2m−a, 2m−a+1}: at least one whole band of doubt in the middle of the scale, and
 * never a number, since every band spans several (see decision 0037 for the edges).
 */
export function meetingBand(a: number, b: number): number {
  return Math.floor((a + b) / 2);
}

/** The partner bands that are consistent with what a person sees (their own band and the meeting band). */
export function partnerBandsConsistentWith(own: number, meeting: number): number[] {
  return RHYTHM_BANDS.map((b) => b.band).filter((b) => meetingBand(own, b) === meeting);
}

export type RhythmPace = 'below' | 'near' | 'above';

/** How a recent count (times in the last 30 days) compares with the meeting band. */
export function paceAgainst(recentPerMonth: number, meeting: number): RhythmPace {
  const b = rhythmBand(meeting);
  if (recentPerMonth < b.min) return 'below';
  if (recentPerMonth > b.max) return 'above';
  return 'near';
}

/** Days counted as "recent": the last 30 days including today. */
export const RECENT_DAYS = 30;

/** Entries dated within the last RECENT_DAYS days up to `today` (YYYY-MM-DD, the person's own calendar). */
export function recentCount(dates: readonly string[], today: string): number {
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = end - (RECENT_DAYS - 1) * 86_400_000;
  return dates.filter((date) => {
    const t = Date.parse(`${date}T00:00:00Z`);
    return t >= start && t <= end;
  }).length;
}

export type MeetingView =
  | { readonly state: 'no-wish' }
  | { readonly state: 'waiting' }
  | {
      readonly state: 'met';
      readonly meeting: RhythmBand;
      readonly pace: RhythmPace;
      readonly recent: number;
      /** Both numbers, only when both chose to reveal. */
      readonly revealed: { readonly mine: number; readonly theirs: number } | null;
    };

/**
 * What the rhythm screen shows. `partnerBand` is null until the partner has stated a
 * wish (the server withholds it until then); `partnerReveal` is null unless both revealed.
 */
export function meetingView(input: {
  readonly ownWish: number | null;
  readonly partnerBand: number | null;
  readonly recent: number;
  readonly ownReveal: boolean;
  readonly partnerReveal: number | null;
}): MeetingView {
  if (input.ownWish === null) return { state: 'no-wish' };
  if (input.partnerBand === null) return { state: 'waiting' };
  const meeting = rhythmBand(meetingBand(rhythmBandOf(input.ownWish), input.partnerBand));
  const revealed = input.ownReveal && input.partnerReveal !== null ? { mine: input.ownWish, theirs: input.partnerReveal } : null;
  return { state: 'met', meeting, pace: paceAgainst(input.recent, meeting.band), recent: input.recent, revealed };
}

// ——— What is stored (the private records are in rhythm-records.ts) ———

/** Shared thread root both partners' band and reveal items hang under (same id on both devices). */
export const sparkRhythmBody = z.object({ v: z.literal(1) });
/** Only the coarse band leaves the device; the server holds it back from the partner until they have one too. */
export const sparkWishBandBody = z.object({ band: rhythmBandIndex });
/** The exact number, written only when the person chooses to reveal; shown only when both have. */
export const sparkWishRevealBody = z.object({ perMonth: wishPerMonth });

const RHYTHM_LABEL = 'hearth/spark-rhythm';

/** The rhythm thread's id, derived from the space key so both partners write the same item without coordinating. */
export function rhythmThreadId(spaceKey: Uint8Array): string {
  const b = deriveKey(spaceKey, RHYTHM_LABEL, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x80;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
