import { z } from 'zod/mini';
import { RRule } from './rrule.ts';
import { isKnownTimeZone, offsetAt } from '../touch/zone.ts';
import { LOCAL_DATE_TIME, MAX_DURATION_MINUTES, MAX_LEAD_MINUTES, MIN_DURATION_MINUTES } from './schedule-shape.ts';

export * from './schedule-shape.ts';

/**
 * When a ritual or a date happens (DESIGN §2 practice 2, decision 0016). This is the
 * plaintext schedule the server may see (DESIGN §4): a floating local start
 * ("2026-03-01T12:30"), an IANA time zone, an optional RFC 5545 recurrence rule, a
 * length and a reminder lead time. Recurrences are expanded by the `rrule` library in
 * floating local time and only then placed in the zone, so a Sunday lunch stays at
 * 12:30 on the wall clock in summer and in winter.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Years a ritual or a date can start in (the API's plausible years, common.ts). */
const FIRST_START_YEAR = 1900;
const LAST_START_YEAR = 2200;
/** More repetitions than any couple plans (a daily ritual for thirteen years); a bigger COUNT is a probe. */
export const MAX_RRULE_COUNT = 5000;

export const localDateTime = z
  .string()
  .check(
    z.regex(LOCAL_DATE_TIME, 'a local date and time as YYYY-MM-DDTHH:mm'),
    z.refine((s) => floatingOf(s) !== null, 'a date and time that exist'),
    z.refine((s) => {
      const year = floatingOf(s)?.getUTCFullYear() ?? 0;
      return year >= FIRST_START_YEAR && year <= LAST_START_YEAR;
    }, `a year between ${String(FIRST_START_YEAR)} and ${String(LAST_START_YEAR)}`),
  );

/** Frequencies a couple's ritual can have; anything finer would be a flood of reminders. */
const ALLOWED_FREQ = new Set([RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]);
/** Parts that would put several occurrences in one day, or move the start: the form owns those. */
const FORBIDDEN_PARTS = /(^|;)(DTSTART|BYHOUR|BYMINUTE|BYSECOND|BYSETPOS=[^;]*,)/i;
/** The UNTIL a rule may name, as a floating instant: the end of the last plausible year. */
const LATEST_UNTIL_MS = Date.UTC(LAST_START_YEAR + 1, 0, 1);

/** Normalises an RRULE value ("RRULE:" prefix optional) or says why it cannot be used. */
export function checkRrule(input: string): { ok: true; rrule: string } | { ok: false; reason: string } {
  const text = input.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (text === '' || /[\r\n]/.test(text)) return { ok: false, reason: 'a single RRULE line' };
  if (FORBIDDEN_PARTS.test(text)) return { ok: false, reason: 'no DTSTART, BYHOUR, BYMINUTE or BYSECOND: the start time is set separately' };
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch {
    return { ok: false, reason: 'an RRULE the calendar standard understands (e.g. FREQ=WEEKLY;BYDAY=SU)' };
  }
  if (options.freq === undefined || !ALLOWED_FREQ.has(options.freq)) return { ok: false, reason: 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY' };
  if (options.interval !== undefined && options.interval !== null && (options.interval < 1 || options.interval > 52)) {
    return { ok: false, reason: 'INTERVAL between 1 and 52' };
  }
  if (options.count !== undefined && options.count !== null && (options.count < 1 || options.count > MAX_RRULE_COUNT)) {
    return { ok: false, reason: `COUNT between 1 and ${String(MAX_RRULE_COUNT)}` };
  }
  if (options.until instanceof Date && !(options.until.getTime() >= Date.UTC(FIRST_START_YEAR, 0, 1) && options.until.getTime() < LATEST_UNTIL_MS)) {
    return { ok: false, reason: `UNTIL in a year between ${String(FIRST_START_YEAR)} and ${String(LAST_START_YEAR)}` };
  }
  return { ok: true, rrule: text };
}

/** An RRULE as a person may type it, normalised (checked first, so the transform only ever sees a usable rule). */
export const rruleText = z.pipe(
  z.string().check(
    z.maxLength(300),
    z.superRefine((s, ctx) => {
      const checked = checkRrule(s);
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason, input: s });
    }),
  ),
  z.transform((s: string) => {
    const checked = checkRrule(s);
    return checked.ok ? checked.rrule : s;
  }),
);

const scheduleFields = z.object({
  /** The first occurrence (or the date itself), on the wall clock of `timeZone`. */
  start: localDateTime,
  timeZone: z.string().check(z.minLength(1), z.maxLength(64), z.refine(isKnownTimeZone, 'an IANA time zone such as Europe/Berlin')),
  /** RFC 5545 RRULE without DTSTART; null for a one-off date. */
  rrule: z.nullable(rruleText),
  durationMinutes: z.int().check(z.minimum(MIN_DURATION_MINUTES), z.maximum(MAX_DURATION_MINUTES)),
  /** Remind this long before each occurrence; null for no reminder. */
  leadMinutes: z.nullable(z.int().check(z.minimum(0), z.maximum(MAX_LEAD_MINUTES))),
});

/** How far after its start a rule must first happen: a leap day every eight years at worst (2096 → 2104). */
const FIRST_OCCURRENCE_WITHIN_MS = 9 * 366 * DAY_MS;

export const togetherSchedule = scheduleFields.check(
  // A rule that never happens (the 31st of every twelfth month from April) would otherwise be
  // searched to the year 9999 on every reminder; refuse it where the couple can still fix it.
  z.refine((s) => firstOccurrence(s) !== undefined, { message: 'a rule that happens within a few years of its start', path: ['rrule'] }),
);
export type TogetherSchedule = z.infer<typeof scheduleFields>;
/** What a client sends (the rule before normalising). */
export type TogetherScheduleInput = z.input<typeof togetherSchedule>;

// ---- floating time ------------------------------------------------------------

/**
 * A floating local time as a Date whose UTC fields are the wall-clock fields. This is
 * how `rrule` expands rules without a zone, and how ical-generator writes a TZID time.
 */
export function floatingOf(local: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return date;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function localOfFloating(floating: Date): string {
  return `${pad(floating.getUTCFullYear(), 4)}-${pad(floating.getUTCMonth() + 1)}-${pad(floating.getUTCDate())}T${pad(floating.getUTCHours())}:${pad(floating.getUTCMinutes())}`;
}

/**
 * The instant the wall clock in `timeZone` shows this floating time. The offset is
 * looked up twice because the first guess may sit across a daylight-saving switch. A
 * time the spring switch skips (02:30 in Berlin) lands an hour later, as a calendar app
 * would show it; a time the autumn switch repeats gets its second, standard-time instant.
 */
export function instantOfFloating(floating: Date, timeZone: string): Date {
  const wallMinute = Math.floor(floating.getTime() / MINUTE_MS);
  const first = wallMinute - offsetAt(wallMinute, timeZone);
  const second = wallMinute - offsetAt(first, timeZone);
  return new Date(second * MINUTE_MS);
}

/** The wall-clock time an instant shows in a zone, as a floating Date. */
export function floatingAt(instant: Date, timeZone: string): Date {
  const minute = Math.floor(instant.getTime() / MINUTE_MS);
  return new Date((minute + offsetAt(minute, timeZone)) * MINUTE_MS);
}

// ---- expansion ---------------------------------------------------------------

export type Occurrence = {
  /** The instant it starts. */
  readonly start: Date;
  readonly end: Date;
  /** Its wall-clock start in the schedule's zone: the key marks ("we did it") refer to. */
  readonly local: string;
};

/**
 * The most steps (one per day, week, month or year the rule walks) an expansion may take.
 * Rules without COUNT start near the window (`startedNear`), so only a COUNT rule walks
 * from its start, and COUNT is at most 5,000. A rule that matches nothing would otherwise
 * make rrule walk until the year 9999 (seconds of CPU per call).
 */
export const MAX_EXPANSION_STEPS = 40_000;

class StepBudgetSpent extends Error {}

/**
 * rrule reads `options.interval` each time it steps to the next period (and nowhere
 * else in its loop), so counting those reads bounds its work without a clock.
 */
function withStepBudget(rule: RRule, steps: number): RRule {
  const options = rule.options;
  const interval = options.interval;
  let reads = 0;
  // Two reads per step: the loop's own check, and the step itself.
  const limit = steps * 2;
  rule.options = Object.defineProperty({ ...options }, 'interval', {
    get() {
      reads += 1;
      if (reads > limit) throw new StepBudgetSpent();
      return interval;
    },
    enumerable: true,
  });
  return rule;
}

type RuleOptions = ReturnType<typeof RRule.parseString>;

/**
 * The same rule started later: whole periods (INTERVAL days, weeks, months or years) after
 * its start, on or before `near`. A rule without COUNT repeats period by period, so from
 * the new start on it gives the same occurrences, and rrule no longer walks every day since
 * the ritual began. What rrule would have taken from the start (the day, month or weekday
 * of a bare FREQ=MONTHLY) is written out first, so the later start cannot change it.
 */
function startedNear(options: RuleOptions, dtstart: Date, near: Date): { options: RuleOptions; dtstart: Date } {
  const unchanged = { options, dtstart };
  if ((options.count ?? null) !== null || near.getTime() <= dtstart.getTime()) return unchanged;
  const n = options.interval ?? 1;
  const y = dtstart.getUTCFullYear();
  const m = dtstart.getUTCMonth();
  const time = dtstart.getTime() - Date.UTC(y, m, dtstart.getUTCDate());
  const hasDays = (options.byweekno ?? null) !== null || (options.byyearday ?? null) !== null || (options.bymonthday ?? null) !== null || (options.byweekday ?? null) !== null;
  switch (options.freq) {
    case RRule.DAILY:
    case RRule.WEEKLY: {
      const periodMs = (options.freq === RRule.DAILY ? 1 : 7) * n * DAY_MS;
      // One period of margin: the new start must not pass an occurrence in `near`'s period.
      const k = Math.floor((near.getTime() - dtstart.getTime()) / periodMs) - 1;
      if (k <= 0) return unchanged;
      const weekday = options.freq === RRule.WEEKLY && !hasDays ? { byweekday: [(dtstart.getUTCDay() + 6) % 7] } : {};
      return { options: { ...options, ...weekday }, dtstart: new Date(dtstart.getTime() + k * periodMs) };
    }
    case RRule.MONTHLY: {
      const months = (near.getUTCFullYear() - y) * 12 + (near.getUTCMonth() - m);
      const k = Math.floor(months / n) - 1;
      if (k <= 0) return unchanged;
      const day = hasDays ? {} : { bymonthday: [dtstart.getUTCDate()] };
      return { options: { ...options, ...day }, dtstart: new Date(Date.UTC(y, m + k * n, 1) + time) };
    }
    case RRule.YEARLY: {
      const k = Math.floor((near.getUTCFullYear() - y) / n) - 1;
      if (k <= 0) return unchanged;
      const day = hasDays ? {} : { bymonth: options.bymonth ?? [m + 1], bymonthday: [dtstart.getUTCDate()] };
      return { options: { ...options, ...day }, dtstart: new Date(Date.UTC(y + k * n, 0, 1) + time) };
    }
    default:
      return unchanged;
  }
}

function ruleOf(schedule: TogetherSchedule, dtstart: Date, steps: number, near: Date): RRule | null {
  if (schedule.rrule === null) return null;
  try {
    const later = startedNear(RRule.parseString(schedule.rrule), dtstart, near);
    return withStepBudget(new RRule({ ...later.options, dtstart: later.dtstart, tzid: null }), steps);
  } catch {
    return null;
  }
}

const occurrenceOf = (schedule: TogetherSchedule, floating: Date): Occurrence => {
  const start = instantOfFloating(floating, schedule.timeZone);
  return { start, end: new Date(start.getTime() + schedule.durationMinutes * MINUTE_MS), local: localOfFloating(floating) };
};

/**
 * Occurrences starting in [from, to), soonest first, at most `limit`. The search runs
 * in floating time with a day's margin each side (no zone is more than 14 hours off
 * UTC), then each candidate is placed in the zone and filtered by its real instant.
 */
export function occurrencesBetween(schedule: TogetherSchedule, from: Date, to: Date, limit = 500, steps = MAX_EXPANSION_STEPS): Occurrence[] {
  const dtstart = floatingOf(schedule.start);
  if (dtstart === null || to.getTime() <= from.getTime()) return [];
  const inRange = (o: Occurrence) => o.start.getTime() >= from.getTime() && o.start.getTime() < to.getTime();
  const lo = new Date(from.getTime() - DAY_MS);
  const hi = new Date(to.getTime() + DAY_MS);
  const rule = ruleOf(schedule, dtstart, steps, lo);
  if (rule === null) {
    if (schedule.rrule !== null) return [];
    const only = occurrenceOf(schedule, dtstart);
    return inRange(only) ? [only] : [];
  }
  const out: Occurrence[] = [];
  try {
    rule.between(lo, hi, true, (floating) => {
      const o = occurrenceOf(schedule, floating);
      if (inRange(o)) out.push(o);
      return out.length < limit;
    });
  } catch (e) {
    // Out of steps: what was found so far is the answer (a rule that sparse has no more to give).
    if (!(e instanceof StepBudgetSpent)) throw e;
  }
  return out;
}

/**
 * The schedule's first occurrence, looked for within a few years of its start and with a
 * small step budget (a daily rule walks about 3,300 days in nine years).
 */
export function firstOccurrence(schedule: TogetherSchedule): Occurrence | undefined {
  const dtstart = floatingOf(schedule.start);
  if (dtstart === null) return undefined;
  // Floating time sits within 14 hours of the real instant; a day's margin covers every zone.
  const from = new Date(dtstart.getTime() - DAY_MS);
  return occurrencesBetween(schedule, from, new Date(from.getTime() + FIRST_OCCURRENCE_WITHIN_MS), 1, 5_000)[0];
}

/** How far ahead to look for the next occurrences: a yearly rule still yields one. */
const HORIZON_MS = 3 * 366 * DAY_MS;

/** The next `count` occurrences starting strictly after `after`. */
export function nextOccurrences(schedule: TogetherSchedule, after: Date, count: number): Occurrence[] {
  return occurrencesBetween(schedule, new Date(after.getTime() + 1), new Date(after.getTime() + HORIZON_MS), count);
}

/** The instant to remind about an occurrence, or null without a lead time. */
export function reminderOf(schedule: TogetherSchedule, occurrence: Occurrence): Date | null {
  return schedule.leadMinutes === null ? null : new Date(occurrence.start.getTime() - schedule.leadMinutes * MINUTE_MS);
}

/**
 * The next reminder instant strictly after `after`: the item's `remindAt`, computed by
 * the server from the schedule when it is saved and again by the worker each time one
 * fires, so a ritual keeps reminding while both apps stay closed. Null when there is no
 * lead time or no occurrence left.
 */
export function nextPlanReminderAt(schedule: TogetherSchedule, after: Date): Date | null {
  if (schedule.leadMinutes === null) return null;
  const lead = schedule.leadMinutes * MINUTE_MS;
  // An occurrence whose reminder is after `after` starts after `after + lead`.
  const [next] = nextOccurrences(schedule, new Date(after.getTime() + lead), 1);
  return next === undefined ? null : new Date(next.start.getTime() - lead);
}

/** Occurrences that started in [from, now], newest last: the ones a couple can mark. */
export function pastOccurrences(schedule: TogetherSchedule, from: Date, now: Date, limit = 200): Occurrence[] {
  return occurrencesBetween(schedule, from, new Date(now.getTime() + 1), 10_000).slice(-limit);
}

// ---- the recurrence picker --------------------------------------------------

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
export const RRULE_WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
/** Which one of the month: 1st … 4th, or -1 for the last. */
export const MONTH_POSITIONS = [1, 2, 3, 4, -1] as const;
export type MonthPosition = (typeof MONTH_POSITIONS)[number];

/** What the form offers; anything else is a custom RRULE. */
export type RecurrenceChoice =
  | { readonly kind: 'once' }
  | { readonly kind: 'weekly'; readonly interval: number; readonly days: readonly WeekdayCode[] }
  | { readonly kind: 'monthly-weekday'; readonly interval: number; readonly position: MonthPosition; readonly day: WeekdayCode }
  | { readonly kind: 'monthly-date'; readonly interval: number; readonly date: number }
  | { readonly kind: 'custom'; readonly rrule: string };

const intervalPart = (n: number): string => (n > 1 ? `;INTERVAL=${String(n)}` : '');

/** The RRULE for a choice (null for once); days are written in week order so equal choices give equal rules. */
export function rruleOfChoice(choice: RecurrenceChoice): string | null {
  switch (choice.kind) {
    case 'once':
      return null;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => choice.days.includes(d));
      return `FREQ=WEEKLY${intervalPart(choice.interval)};BYDAY=${days.join(',')}`;
    }
    case 'monthly-weekday':
      return `FREQ=MONTHLY${intervalPart(choice.interval)};BYDAY=${String(choice.position)}${choice.day}`;
    case 'monthly-date':
      return `FREQ=MONTHLY${intervalPart(choice.interval)};BYMONTHDAY=${String(choice.date)}`;
    case 'custom':
      return choice.rrule;
  }
}

const isWeekdayCode = (s: string): s is WeekdayCode => WEEKDAYS.some((d) => d === s);
const isPosition = (n: number): n is MonthPosition => MONTH_POSITIONS.some((p) => p === n);

/** Reads a stored rule back into the picker; what it does not recognise stays a custom rule. */
export function choiceOfRrule(rrule: string | null): RecurrenceChoice {
  if (rrule === null) return { kind: 'once' };
  const parts = new Map(rrule.split(';').map((p) => [p.split('=')[0] ?? '', p.split('=')[1] ?? ''] as const));
  const interval = parts.has('INTERVAL') ? Number(parts.get('INTERVAL')) : 1;
  const known = [...parts.keys()].every((k) => ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY'].includes(k));
  if (!known || !Number.isInteger(interval) || interval < 1) return { kind: 'custom', rrule };
  const freq = parts.get('FREQ');
  const byday = parts.get('BYDAY');
  const bymonthday = parts.get('BYMONTHDAY');
  if (freq === 'WEEKLY' && byday !== undefined && bymonthday === undefined) {
    const days = byday.split(',');
    if (days.every(isWeekdayCode)) return { kind: 'weekly', interval, days: days.filter(isWeekdayCode) };
  }
  if (freq === 'MONTHLY' && byday !== undefined && bymonthday === undefined) {
    const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byday);
    const position = Number(m?.[1]);
    const day = m?.[2] ?? '';
    if (m && isPosition(position) && isWeekdayCode(day)) return { kind: 'monthly-weekday', interval, position, day };
  }
  if (freq === 'MONTHLY' && bymonthday !== undefined && byday === undefined) {
    const date = Number(bymonthday);
    if (Number.isInteger(date) && date >= 1 && date <= 31) return { kind: 'monthly-date', interval, date };
  }
  return { kind: 'custom', rrule };
}

const ORDINAL: Record<MonthPosition, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const nth = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${String(n)}th`;
  return `${String(n)}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};
const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/** A short, plain description: "Every Sunday", "Every 2 weeks on Monday and Thursday", "Last Sunday of every month". */
export function describeRecurrence(rrule: string | null): string {
  const choice = choiceOfRrule(rrule);
  switch (choice.kind) {
    case 'once':
      return 'Once';
    case 'weekly': {
      const names = listNames(choice.days.map((d) => RRULE_WEEKDAY_NAMES[d]));
      return choice.interval === 1 ? `Every ${names}` : `Every ${String(choice.interval)} weeks on ${names}`;
    }
    case 'monthly-weekday': {
      const what = `${ORDINAL[choice.position]} ${RRULE_WEEKDAY_NAMES[choice.day]}`;
      const text = choice.interval === 1 ? `${what} of every month` : `${what} of every ${String(choice.interval)} months`;
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'monthly-date':
      return choice.interval === 1 ? `Monthly on the ${nth(choice.date)}` : `Every ${String(choice.interval)} months on the ${nth(choice.date)}`;
    case 'custom': {
      try {
        const text = RRule.fromString(choice.rrule).toText();
        return text.charAt(0).toUpperCase() + text.slice(1);
      } catch {
        return choice.rrule;
      }
    }
  }
}

/** The weekday code of a floating local date, for defaults ("every <this day>"). */
export function weekdayCodeOf(local: string): WeekdayCode | null {
  const f = floatingOf(local);
  if (f === null) return null;
  return WEEKDAYS[(f.getUTCDay() + 6) % 7] ?? null;
}
