import type { MarkOutcome } from './bodies.ts';

/**
 * A gentle streak for rituals (DESIGN §2: streaks must not turn the relationship into
 * a metric you can fail). Two numbers, both kind:
 * - `kept`: every occurrence marked "we did it", ever. It only grows.
 * - `run`: occurrences kept recently, counted back from the latest one. A "skipped"
 *   occurrence is a choice the couple made and never breaks it; one occurrence nobody
 *   marked does not either (life happens); only two unmarked in a row start it afresh.
 */

export type MarkLike = { readonly occurrence: string; readonly outcome: MarkOutcome };

/** One outcome per occurrence: if either partner said "we did it", it was done. */
export function outcomesByOccurrence(marks: readonly MarkLike[]): Map<string, MarkOutcome> {
  const out = new Map<string, MarkOutcome>();
  for (const m of marks) if (out.get(m.occurrence) !== 'done') out.set(m.occurrence, m.outcome);
  return out;
}

export type RitualProgress = { readonly kept: number; readonly skipped: number; readonly run: number };

/** How many unmarked occurrences in a row it takes to start the run afresh. */
export const RUN_BREAKS_AFTER_UNMARKED = 2;

/** `past` are the occurrences that have started (their `local` keys), oldest first. */
export function ritualProgress(past: readonly string[], marks: readonly MarkLike[]): RitualProgress {
  const outcomes = outcomesByOccurrence(marks);
  let kept = 0;
  let skipped = 0;
  for (const o of outcomes.values()) {
    if (o === 'done') kept++;
    else skipped++;
  }
  let run = 0;
  let unmarked = 0;
  for (let i = past.length - 1; i >= 0; i--) {
    const key = past[i];
    const outcome = key === undefined ? undefined : outcomes.get(key);
    if (outcome === 'done') {
      run++;
      unmarked = 0;
    } else if (outcome === 'skipped') {
      unmarked = 0;
    } else if (++unmarked >= RUN_BREAKS_AFTER_UNMARKED) {
      break;
    }
  }
  return { kept, skipped, run };
}

/** A warm line for the streak; never mentions what was missed. */
export function progressLine(p: RitualProgress): string {
  if (p.kept === 0) return 'Not marked yet — tap "we did it" after your first one.';
  const times = p.kept === 1 ? 'once' : `${String(p.kept)} times`;
  if (p.run >= 2) return `Kept ${times} · ${String(p.run)} in a row lately`;
  return `Kept ${times}`;
}
