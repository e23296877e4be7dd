/**
 * Time-zone arithmetic for the nudge planner, in whole UTC minutes.
 *
 * `support/key-dates.ts` and `talk/conversation-state.ts` convert one wall-clock time
 * to an instant by guessing the offset twice. That is right for a single reminder but
 * cannot say which wall times a daylight-saving day skips or repeats, and the planner
 * needs exactly that. So this module splits a stretch of time into runs of constant
 * offset instead. It caches one formatter per zone and the runs per zone and day: the
 * server plans a day for every member at once, and Intl calls are the slow part.
 */

const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter, or null for a name this runtime does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      calendar: 'gregory',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  formatters.set(timeZone, f);
  return f;
}

export const isKnownTimeZone = (timeZone: string): boolean => timeZone !== '' && formatterFor(timeZone) !== null;

/** Minutes the zone is ahead of UTC at a UTC minute (Berlin in summer: 120). Unknown zones count as UTC. */
export function offsetAt(utcMinute: number, timeZone: string): number {
  const f = formatterFor(timeZone);
  if (f === null) return 0;
  const at = utcMinute * MINUTE_MS;
  const p = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of f.formatToParts(new Date(at))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      p[part.type] = Number(part.value);
    }
  }
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wall - at) / MINUTE_MS);
}

/** A run of UTC minutes [from, to) during which the zone's offset does not change. */
export type OffsetRun = { readonly from: number; readonly to: number; readonly offset: number };

const DAY = 1440;
/** Runs per zone and UTC day. Bounded, because a server runs for months; dropping it all just costs a few lookups. */
const dayRunCache = new Map<string, readonly OffsetRun[]>();
const DAY_RUN_CACHE_LIMIT = 20_000;

/**
 * The runs of one UTC day, from a lookup at each end and a bisection when they differ
 * (~11 lookups, on a couple of days a year). Assumes an offset does not change twice
 * within one UTC day: true of every real zone (changes are months apart).
 */
function dayRuns(day: number, timeZone: string): readonly OffsetRun[] {
  const key = `${timeZone}|${String(day)}`;
  const cached = dayRunCache.get(key);
  if (cached !== undefined) return cached;
  const from = day * DAY;
  const to = from + DAY;
  const first = offsetAt(from, timeZone);
  let runs: OffsetRun[];
  if (offsetAt(to - 1, timeZone) === first) runs = [{ from, to, offset: first }];
  else {
    let same = from;
    let changed = to - 1;
    while (changed - same > 1) {
      const mid = Math.floor((same + changed) / 2);
      if (offsetAt(mid, timeZone) === first) same = mid;
      else changed = mid;
    }
    runs = [
      { from, to: changed, offset: first },
      { from: changed, to, offset: offsetAt(changed, timeZone) },
    ];
  }
  if (dayRunCache.size >= DAY_RUN_CACHE_LIMIT) dayRunCache.clear();
  dayRunCache.set(key, runs);
  return runs;
}

/**
 * The runs of constant offset covering the UTC minutes [from, to), in order, built
 * from cached whole days: planning a day for thousands of people in a few zones then
 * costs a few map lookups each, not a formatter call (the slow part).
 */
export function offsetRuns(from: number, to: number, timeZone: string): OffsetRun[] {
  const out: OffsetRun[] = [];
  for (let day = Math.floor(from / DAY); day * DAY < to; day++) {
    for (const run of dayRuns(day, timeZone)) {
      const start = Math.max(run.from, from);
      const end = Math.min(run.to, to);
      if (start >= end) continue;
      const last = out.at(-1);
      if (last !== undefined && last.offset === run.offset && last.to === start) out[out.length - 1] = { from: last.from, to: end, offset: run.offset };
      else out.push({ from: start, to: end, offset: run.offset });
    }
  }
  return out;
}

/**
 * `offsetAt` through the per-day cache: what planning calls once per nudge (a day for
 * every member at midnight), where a formatter call each would be most of the work.
 */
export function cachedOffsetAt(utcMinute: number, timeZone: string): number {
  for (const run of dayRuns(Math.floor(utcMinute / DAY), timeZone)) if (utcMinute >= run.from && utcMinute < run.to) return run.offset;
  return offsetAt(utcMinute, timeZone);
}
