import { addDaysToDate } from '../daily-question/day.ts';
import { calendarDateIn, isoToZonedDateTime, zonedDateTimeToIso } from '../talk/conversation-state.ts';
import type { Activity } from './activity.ts';
import type { ProgrammeAction } from './bodies.ts';
import { PROGRAMME_LENGTH, programmeWeeks, type Exercise, type ExerciseRule, type ProgrammeWeek } from './weeks.ts';

/** A start, pause or resume as the device read it from a sealed item. */
export type ProgrammeEvent = { readonly action: ProgrammeAction; readonly at: string; readonly mine: boolean };

/** Exercise id → when it was done (ISO). */
export type DoneMap = Readonly<Record<string, string>>;

export type ProgrammeInput = {
  readonly events: readonly ProgrammeEvent[];
  /** Mine and the partner's visible activities (`activitiesOf`). */
  readonly activities: readonly Activity[];
  /** What my device published before: an exercise once done stays done if its item is deleted. */
  readonly myPublished: DoneMap;
  /** The partner's published progress; null when they have published none. */
  readonly partnerPublished: DoneMap | null;
  /** Whether a partner is in the space; without one, the solo variants apply. */
  readonly hasPartner: boolean;
  readonly sparkOnForBoth: boolean;
  readonly timeZone: string;
  readonly now: Date;
};

export type ExerciseView = {
  readonly id: string;
  readonly title: string;
  readonly href: string;
  /** When I did it, or null. */
  readonly mine: string | null;
  /** When the partner did it; null when not (yet), or when there is no partner in the programme. */
  readonly partner: string | null;
};

export type WeekView = {
  readonly week: number;
  readonly title: string;
  /** When it opened; null while it is still ahead. */
  readonly openedAt: string | null;
  readonly exercises: readonly ExerciseView[];
  readonly doneByMe: boolean;
  /** Null when the partner is not in the programme. */
  readonly doneByPartner: boolean | null;
};

export type ProgrammeStatus = 'not-started' | 'invited' | 'active' | 'paused' | 'finished';

export type ProgrammeView = {
  readonly status: ProgrammeStatus;
  readonly solo: boolean;
  readonly startedAt: string | null;
  /** Whether the partner has started too. */
  readonly partnerJoined: boolean;
  /** The newest open week (1–6); 0 before the start. */
  readonly current: number;
  readonly weeks: readonly WeekView[];
  /** An earlier week with something of mine left in it: "pick up where you left off". */
  readonly pickUp: number | null;
  /** When the next week opens at the latest (if nothing is paused); null in the last week. */
  readonly nextOpensAt: string | null;
  /** Everything I have done, for my device to publish when it differs from `myPublished`. */
  readonly myDone: DoneMap;
};

type Pause = { readonly from: number; readonly to: number };

/** The instant `duration` ms of unpaused time after `start`; Infinity while a pause is open. */
export function activeAfter(start: number, duration: number, pauses: readonly Pause[]): number {
  let t = start;
  let left = duration;
  for (const p of pauses) {
    if (p.to <= t) continue;
    if (p.from > t) {
      if (p.from - t >= left) return t + left;
      left -= p.from - t;
    }
    t = p.to;
    if (t === Infinity) return Infinity;
  }
  return t + left;
}

/** `t`, or the end of the pause it falls in. */
function firstActiveAt(t: number, pauses: readonly Pause[]): number {
  let at = t;
  for (const p of pauses) if (p.from <= at && at < p.to) at = p.to;
  return at;
}

/** Seven calendar days in the zone: the same wall-clock time a week later, whatever DST does. */
export function weekLater(at: number, timeZone: string): number {
  const wall = isoToZonedDateTime(new Date(at).toISOString(), timeZone);
  const [date = '', time = ''] = wall.split('T');
  const iso = zonedDateTimeToIso(addDaysToDate(date, 7), time, timeZone);
  // Seconds below the minute are carried over, so the week is never a minute short.
  return iso === null ? at + 7 * 86_400_000 : Date.parse(iso) + (at % 60_000);
}

/** When a rule was first met by these activities at or after `from`; null if not yet. */
export function ruleMetAt(rule: ExerciseRule, activities: readonly Activity[], from: number, now: number, timeZone: string): string | null {
  const days = new Set<string>();
  let count = 0;
  for (const a of activities) {
    const at = Date.parse(a.at);
    if (Number.isNaN(at) || at < from || at > now) continue;
    if (!a.mine && rule.eitherPartner !== true) continue;
    if (!rule.activities.includes(a.type)) continue;
    if (rule.distinctDays === true) {
      const day = calendarDateIn(new Date(at), timeZone);
      if (days.has(day)) continue;
      days.add(day);
    }
    count += 1;
    if (count >= rule.count) return new Date(at).toISOString();
  }
  return null;
}

function earlier(a: string | undefined, b: string | null): string | null {
  if (a === undefined) return b;
  if (b === null) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

const ruleFor = (e: Exercise, solo: boolean): ExerciseRule => (solo ? (e.soloRule ?? e.rule) : e.rule);

/** The latest done time of a week's exercises, or null while one is not done. */
function allDoneAt(week: ProgrammeWeek, done: DoneMap): number | null {
  let last = -Infinity;
  for (const e of week.exercises) {
    const at = done[e.id];
    if (at === undefined) return null;
    last = Math.max(last, Date.parse(at));
  }
  return last;
}

/**
 * The earliest the week after this one may open because its exercises are done: once
 * everyone who had started by then has done all three. Infinity while someone has not.
 */
function pacedOpening(week: ProgrammeWeek, openAt: number, people: readonly { start: number; done: DoneMap }[]): number {
  let at = openAt;
  const counted = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, p] of people.entries()) {
      if (counted.has(i) || p.start > at) continue;
      const done = allDoneAt(week, p.done);
      if (done === null) return Infinity;
      counted.add(i);
      at = Math.max(at, done);
      changed = true;
    }
  }
  return at;
}

/**
 * Where a person is in Reconnect, from the couple's sealed programme items and their
 * activities (issue 21). Pacing: week 1 opens at the first start; each next week opens
 * seven calendar days after the last one opened (a pause stops that clock) or sooner,
 * once everyone who had started by then has done the week's three exercises. Nothing
 * opens while the programme is paused. Only what had happened by `now` counts, so a
 * later `now` can open weeks but never close one.
 */
export function programmeView(input: ProgrammeInput): ProgrammeView {
  const now = input.now.getTime();
  const solo = !input.hasPartner;
  const weeks = programmeWeeks(input.sparkOnForBoth);
  // Oldest first, so an exercise's time is the first moment it was met, whatever order the items came in.
  const activities = [...input.activities].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const events = input.events
    .map((e) => ({ ...e, t: Date.parse(e.at) }))
    .filter((e) => !Number.isNaN(e.t) && e.t <= now)
    .sort((a, b) => a.t - b.t);
  const myStart = events.find((e) => e.action === 'start' && e.mine)?.t ?? null;
  const partnerStart = solo ? null : (events.find((e) => e.action === 'start' && !e.mine)?.t ?? null);
  const first = myStart === null ? partnerStart : partnerStart === null ? myStart : Math.min(myStart, partnerStart);

  const empty = (status: ProgrammeStatus): ProgrammeView => ({
    status,
    solo,
    startedAt: first === null ? null : new Date(first).toISOString(),
    partnerJoined: partnerStart !== null,
    current: 0,
    weeks: weeks.map((w) => ({
      week: w.week,
      title: w.title,
      openedAt: null,
      exercises: w.exercises.map((e) => ({ id: e.id, title: solo ? e.soloTitle : e.title, href: e.href, mine: null, partner: null })),
      doneByMe: false,
      doneByPartner: null,
    })),
    pickUp: null,
    nextOpensAt: null,
    myDone: input.myPublished,
  });
  if (first === null) return empty('not-started');
  if (myStart === null) return empty('invited');

  const pauses: Pause[] = [];
  let pausedFrom: number | null = null;
  for (const e of events) {
    if (e.t < first) continue;
    if (e.action === 'pause' && pausedFrom === null) pausedFrom = e.t;
    if (e.action === 'resume' && pausedFrom !== null) {
      pauses.push({ from: pausedFrom, to: e.t });
      pausedFrom = null;
    }
  }
  if (pausedFrom !== null) pauses.push({ from: pausedFrom, to: Infinity });

  // Only what had happened by now, like everything else here.
  const partnerDone = Object.fromEntries(Object.entries(input.partnerPublished ?? {}).filter(([, at]) => Date.parse(at) <= now));
  const myDone: Record<string, string> = { ...input.myPublished };
  const opened: number[] = [first];
  let nextOpensAt: number | null = null;
  for (let i = 0; i < PROGRAMME_LENGTH; i += 1) {
    const week = weeks[i];
    const openAt = opened[i];
    if (week === undefined || openAt === undefined) break;
    for (const e of week.exercises) {
      const met = ruleMetAt(ruleFor(e, solo), activities, openAt, now, input.timeZone);
      const at = earlier(myDone[e.id], met);
      if (at !== null) myDone[e.id] = at;
    }
    if (i === PROGRAMME_LENGTH - 1) break;
    // Who paces this week: everyone who had started by the time it would open early.
    const byDone = firstActiveAt(pacedOpening(week, openAt, [{ start: myStart, done: myDone }, ...(partnerStart === null ? [] : [{ start: partnerStart, done: partnerDone }])]), pauses);
    const byTime = activeAfter(openAt, weekLater(openAt, input.timeZone) - openAt, pauses);
    const next = Math.min(byDone, byTime);
    if (next > now) {
      nextOpensAt = byTime === Infinity ? null : byTime;
      break;
    }
    opened.push(next);
  }

  const current = opened.length;
  const weekViews: WeekView[] = weeks.map((w, i) => {
    const openAt = opened[i];
    const exercises = w.exercises.map((e) => ({
      id: e.id,
      title: solo ? e.soloTitle : e.title,
      href: e.href,
      mine: openAt === undefined ? null : (myDone[e.id] ?? null),
      partner: openAt === undefined || partnerStart === null ? null : (partnerDone[e.id] ?? null),
    }));
    return {
      week: w.week,
      title: w.title,
      openedAt: openAt === undefined ? null : new Date(openAt).toISOString(),
      exercises,
      doneByMe: openAt !== undefined && exercises.every((e) => e.mine !== null),
      doneByPartner: partnerStart === null ? null : openAt !== undefined && exercises.every((e) => e.partner !== null),
    };
  });
  const pickUp = weekViews.slice(0, current - 1).find((w) => !w.doneByMe)?.week ?? null;
  const last = weekViews[PROGRAMME_LENGTH - 1];
  const status: ProgrammeStatus = pausedFrom !== null ? 'paused' : last?.doneByMe === true ? 'finished' : 'active';
  return {
    status,
    solo,
    startedAt: new Date(first).toISOString(),
    partnerJoined: partnerStart !== null,
    current,
    weeks: weekViews,
    pickUp,
    nextOpensAt: nextOpensAt === null || status === 'paused' ? null : new Date(nextOpensAt).toISOString(),
    myDone,
  };
}

/** Whether my device should publish its progress again. */
export function progressChanged(published: DoneMap, done: DoneMap): boolean {
  const a = Object.keys(published);
  const b = Object.keys(done);
  return a.length !== b.length || b.some((k) => published[k] !== done[k]);
}

/**
 * The next weekly reminder strictly after `now`: on the weekday the programme started, at
 * `time` in the person's zone (right across DST). Null for a malformed time.
 */
export function nextWeeklyReminderAt(now: Date, startedAt: string, time: string, timeZone: string): string | null {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const startDay = calendarDateIn(new Date(startedAt), timeZone);
  const today = calendarDateIn(now, timeZone);
  const daysSince = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / 86_400_000);
  // The latest start weekday on or before today, then the two after it.
  const back = ((daysSince % 7) + 7) % 7;
  for (let d = -back; d <= 14 - back; d += 7) {
    const iso = zonedDateTimeToIso(addDaysToDate(today, d), time, timeZone);
    if (iso === null) return null;
    if (Date.parse(iso) > now.getTime()) return iso;
  }
  return null;
}

/** After a weekly reminder fired: the same local time a week later, past `now` (a worker down for a month sends one, not four). */
export function nextWeekAfter(fired: Date, now: Date, timeZone: string): string {
  let at = weekLater(fired.getTime(), timeZone);
  while (at <= now.getTime()) at = weekLater(at, timeZone);
  return new Date(at).toISOString();
}

/**
 * The one mid-week nudge of a week that opened at `openedAt`: three days in, at the
 * person's reminder time. Null once that moment has passed (never a late nudge).
 */
export function midweekReminderAt(openedAt: string, time: string, timeZone: string, now: Date): string | null {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const iso = zonedDateTimeToIso(addDaysToDate(calendarDateIn(new Date(openedAt), timeZone), 3), time, timeZone);
  return iso !== null && Date.parse(iso) > now.getTime() ? iso : null;
}

/** How long someone has been in their space before Today offers Reconnect: a first Today stays short (issue 19), a returning one says where to start. */
export const RECONNECT_OFFER_DAYS = 3;

/** Whether Today offers Reconnect to someone who has not started it, from when they joined their space. */
export function offerReconnectOnToday(joinedAt: string, now: Date): boolean {
  const joined = Date.parse(joinedAt);
  return Number.isFinite(joined) && now.getTime() - joined >= RECONNECT_OFFER_DAYS * 86_400_000;
}
