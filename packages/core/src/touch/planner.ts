import { err, ok, type Result } from '../result.ts';
import { seededRandom, type Random } from './random.ts';
import { isKnownTimeZone, offsetRuns } from './zone.ts';

/**
 * The affection-nudge planner (practice 3 "Touch", habit b1): the instants at which
 * a partner gets a nudge on one day of their own calendar.
 *
 * Rules that always hold, whatever the seed:
 * - every instant is inside the active hours and outside the quiet hours, read on the
 *   partner's own wall clock;
 * - instants are at least the minimum spacing apart in real time, also across two
 *   consecutive days' plans (see `previousDayBound`);
 * - at most the daily budget; fewer when the window cannot fit more (rules win over
 *   the budget, because notification fatigue is what people leave apps over);
 * - on daylight-saving days a wall time the clock skips is never used, and a wall time
 *   the clock shows twice is used only on its first showing.
 *
 * Times differ from day to day and from person to person (the seed and the date feed
 * the generator), so nudges never become a fixed alarm the brain learns to ignore.
 *
 * Everything runs in whole UTC minutes; offsets come from `Intl` via `zone.ts`.
 */

export const MAX_NUDGE_BUDGET = 5;
export const DEFAULT_NUDGE_BUDGET = 2;
export const DEFAULT_NUDGE_SPACING_MINUTES = 90;
export const DEFAULT_ACTIVE_HOURS: HoursRange = { start: '08:00', end: '22:00' };

/** A daily wall-clock range, 'HH:MM' to 'HH:MM', end excluded. An end before the start crosses midnight. */
export type HoursRange = { readonly start: string; readonly end: string };

export type NudgeSettings = {
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** When the partner is awake and happy to be nudged; defaults to 08:00–22:00. */
  readonly activeHours?: HoursRange;
  /** Never nudge in this range, even inside the active hours (a nap, a shift, a class). */
  readonly quietHours?: HoursRange | null;
  /** Nudges a day, 0–5; 0 turns them off. Defaults to 2. */
  readonly dailyBudget?: number;
  /** Least real time between two nudges, in minutes (1–720). Defaults to 90. */
  readonly minSpacingMinutes?: number;
};

export type NudgePlanError = 'invalid-time-zone' | 'invalid-hours' | 'invalid-budget' | 'invalid-spacing' | 'invalid-date';

const DAY_MINUTES = 1440;
const MAX_SPACING_MINUTES = 720;
/** Offsets in use run from UTC−12 to UTC+14; scanning this far around the day's wall times finds every instant. */
const OFFSET_REACH = 15 * 60;
const RANDOM_LABEL = 'hearth/touch/nudges/v1';

const HM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for 'HH:MM', or null. */
export function parseHm(text: string): number | null {
  const m = HM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Minutes since 1970-01-01 at the wall-clock midnight starting `date` (as if the zone were UTC), or null. */
function wallMidnight(date: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 60_000;
}

type Range = { readonly start: number; readonly end: number };
/** Inclusive runs of allowed UTC minutes, in order and disjoint. */
type Span = readonly [first: number, last: number];

function parseRange(r: HoursRange): Range | null {
  const start = parseHm(r.start);
  const end = parseHm(r.end);
  // Equal ends are ambiguous (all day, or never?), so they are refused rather than guessed.
  if (start === null || end === null || start === end) return null;
  return { start, end };
}

/** Length of a daily range in minutes. */
const rangeLength = (r: Range): number => (r.end > r.start ? r.end - r.start : DAY_MINUTES - r.start + r.end);

/** Wall intervals [from, to) minus the wall intervals in `cut`. */
function subtract(from: readonly Range[], cut: readonly Range[]): Range[] {
  let out = [...from];
  for (const c of cut) {
    const next: Range[] = [];
    for (const r of out) {
      if (c.end <= r.start || c.start >= r.end) next.push(r);
      else {
        if (r.start < c.start) next.push({ start: r.start, end: c.start });
        if (c.end < r.end) next.push({ start: c.end, end: r.end });
      }
    }
    out = next;
  }
  return out;
}

/**
 * The UTC minutes at which a nudge may go out for the session of active hours that
 * starts on `midnight` (a wall minute). A session crossing midnight belongs to the
 * day it starts on, like a night shift: its plan covers 22:00 on that day to 06:00.
 */
function allowedSpans(midnight: number, active: Range, quiet: Range | null, timeZone: string): Span[] {
  const session: Range = { start: midnight + active.start, end: midnight + active.start + rangeLength(active) };
  const quietWalls: Range[] = [];
  if (quiet !== null) {
    // The session touches at most two calendar days; quiet ranges from the day before can reach into it.
    for (const day of [-1, 0, 1]) {
      const m = midnight + day * DAY_MINUTES;
      quietWalls.push({ start: m + quiet.start, end: m + quiet.start + rangeLength(quiet) });
    }
  }
  const walls = subtract([session], quietWalls);
  const spans: Span[] = [];
  // Highest wall minute reached so far: after a fall-back change the clock shows these again, and they are not reused.
  let wallSeen = Number.NEGATIVE_INFINITY;
  for (const run of offsetRuns(session.start - OFFSET_REACH, session.end + OFFSET_REACH, timeZone)) {
    const runStart = Math.max(run.from + run.offset, wallSeen);
    const runEnd = run.to + run.offset;
    wallSeen = Math.max(wallSeen, runEnd);
    for (const w of walls) {
      const start = Math.max(w.start, runStart);
      const end = Math.min(w.end, runEnd);
      if (start < end) spans.push([start - run.offset, end - 1 - run.offset]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

function firstAtOrAfter(spans: readonly Span[], x: number): number | null {
  for (const [a, b] of spans) if (b >= x) return Math.max(a, x);
  return null;
}

function lastAtOrBefore(spans: readonly Span[], x: number): number | null {
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    if (s !== undefined && s[0] <= x) return Math.min(s[1], x);
  }
  return null;
}

function countIn(spans: readonly Span[], lo: number, hi: number): number {
  let n = 0;
  for (const [a, b] of spans) n += Math.max(0, Math.min(b, hi) - Math.max(a, lo) + 1);
  return n;
}

/** The allowed minute with `index` allowed minutes before it, counting from `lo`. */
function nthFrom(spans: readonly Span[], lo: number, index: number): number | null {
  let left = index;
  for (const [a, b] of spans) {
    const from = Math.max(a, lo);
    if (from > b) continue;
    if (left <= b - from) return from + left;
    left -= b - from + 1;
  }
  return null;
}

function clipFrom(spans: readonly Span[], lo: number): Span[] {
  return spans.filter((s) => s[1] >= lo).map((s): Span => [Math.max(s[0], lo), s[1]]);
}

/**
 * Plans one day of nudges. `date` is the partner's local calendar date ('YYYY-MM-DD');
 * `seed` should be stable per partner (e.g. a random value stored with their settings),
 * so the plan can be recomputed and does not depend on when it is asked for.
 * Returns the send instants as ISO strings (UTC), earliest first.
 */
export function planNudges(settings: NudgeSettings, date: string, seed: string): Result<readonly string[], NudgePlanError> {
  if (!isKnownTimeZone(settings.timeZone)) return err('invalid-time-zone', `unknown time zone: ${settings.timeZone}`);
  const active = parseRange(settings.activeHours ?? DEFAULT_ACTIVE_HOURS);
  if (active === null) return err('invalid-hours', 'active hours must be two different HH:MM times');
  const quiet = settings.quietHours ? parseRange(settings.quietHours) : null;
  if (settings.quietHours && quiet === null) return err('invalid-hours', 'quiet hours must be two different HH:MM times');
  const budget = settings.dailyBudget ?? DEFAULT_NUDGE_BUDGET;
  if (!Number.isInteger(budget) || budget < 0 || budget > MAX_NUDGE_BUDGET) return err('invalid-budget', `daily budget must be 0–${String(MAX_NUDGE_BUDGET)}`);
  const spacing = settings.minSpacingMinutes ?? DEFAULT_NUDGE_SPACING_MINUTES;
  if (!Number.isInteger(spacing) || spacing < 1 || spacing > MAX_SPACING_MINUTES) {
    return err('invalid-spacing', `minimum spacing must be 1–${String(MAX_SPACING_MINUTES)} minutes`);
  }
  const midnight = wallMidnight(date);
  if (midnight === null) return err('invalid-date', `not a calendar date: ${date}`);
  if (budget === 0) return ok([]);

  let spans = allowedSpans(midnight, active, quiet, settings.timeZone);
  const bound = previousDayBound(midnight, active, quiet, spacing, settings.timeZone);
  if (bound !== null) spans = clipFrom(spans, bound);
  return ok(pick(spans, budget, spacing, seededRandom(RANDOM_LABEL, `${seed}\n${date}`)).map((m) => new Date(m * 60_000).toISOString()));
}

/**
 * When the active hours leave less of a gap overnight than the spacing (say 07:00–06:30),
 * the end of yesterday's plan and the start of today's could come too close. Today then
 * starts no earlier than the spacing after the last minute yesterday's plan could use.
 * With ordinary hours the gap is hours long and this costs nothing.
 */
function previousDayBound(midnight: number, active: Range, quiet: Range | null, spacing: number, timeZone: string): number | null {
  // An hour of slack: a daylight-saving change can shorten the night by that much.
  if (DAY_MINUTES - rangeLength(active) >= spacing + 60) return null;
  const last = allowedSpans(midnight - DAY_MINUTES, active, quiet, timeZone).at(-1);
  return last === undefined ? null : last[1] + spacing;
}

/**
 * Up to `budget` minutes from `spans`, pairwise at least `spacing` apart. Each pick is
 * drawn from the part of the day still left divided by the nudges still to place, so
 * two nudges tend to fall one earlier and one later rather than both at dusk, yet any
 * time can come up. `latest[i]` is the last minute the i-th nudge can take with room
 * left for the rest, so every draw keeps the plan completable.
 */
function pick(spans: readonly Span[], budget: number, spacing: number, random: Random): number[] {
  // Greedy from the start packs the most nudges the window can hold.
  let fits = 0;
  for (let at = firstAtOrAfter(spans, Number.NEGATIVE_INFINITY); at !== null && fits < budget; at = firstAtOrAfter(spans, at + spacing)) fits++;
  if (fits === 0) return [];

  const latest: number[] = new Array<number>(fits).fill(0);
  let bound: number | null = lastAtOrBefore(spans, Number.POSITIVE_INFINITY);
  for (let i = fits - 1; i >= 0 && bound !== null; i--) {
    latest[i] = bound;
    bound = lastAtOrBefore(spans, bound - spacing);
  }
  const end = latest[fits - 1] ?? 0;

  const out: number[] = [];
  let from = firstAtOrAfter(spans, Number.NEGATIVE_INFINITY);
  for (let i = 0; i < fits && from !== null; i++) {
    const last = latest[i] ?? from;
    let hi = Math.min(last, from + Math.floor((end - from) / (fits - i)));
    let count = countIn(spans, from, hi);
    // The share can fall wholly in quiet hours; then the whole feasible stretch is used.
    if (count === 0) {
      hi = last;
      count = countIn(spans, from, hi);
    }
    const at = nthFrom(spans, from, random.below(count));
    if (at === null) break;
    out.push(at);
    from = firstAtOrAfter(spans, at + spacing);
  }
  return out;
}
