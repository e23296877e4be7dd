import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  activitiesOf,
  helpShareBody,
  midweekReminderAt,
  nextWeeklyReminderAt,
  privateRecordBody,
  programmeReminderBody,
  programmeView,
  progressChanged,
  togetherMarkBody,
  type Activity,
  type ActivityItem,
  type DoneMap,
  type HelpShareBody,
  type ProgrammeAction,
  type ProgrammeEvent,
  type ProgrammeView,
  type Result,
} from '@hearth/core';
import { programmeLessonsResponse, touchResponse, type ItemKind, type ItemView, type ProgrammeLesson } from '@hearth/core/api';
import type { z } from 'zod/mini';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, listItems, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import { useSpark } from '../spark/use-spark.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';

/** The kinds whose items can complete an exercise (core's `activityOf` reads them). */
const ACTIVITY_KINDS: readonly ItemKind[] = [
  'checkin',
  'daily-question-answer',
  'talk-side',
  'together-date',
  'together-ritual',
  'together-first',
  'together-idea',
  'together-mark',
  'support-thanks',
  'support-plate',
  'support-win',
  'support-celebration',
  'spark-message',
  'spark-wish-band',
  'private-record',
  'note',
];

/** Kinds whose bodies the programme reads; the others count by kind alone, so they are not opened. */
const BODY_SCHEMAS: Partial<Record<string, z.core.$ZodType<unknown>>> = {
  'together-mark': togetherMarkBody,
  'private-record': privateRecordBody,
  'help-share': helpShareBody,
};

type Shares = { readonly views: readonly ItemView[]; readonly bodies: ReadonlyMap<string, HelpShareBody> };

export type ProgrammeData = {
  readonly view: ProgrammeView;
  /** My latest reflection for each week, with whether it is shared. */
  readonly reflections: ReadonlyMap<number, { text: string; shared: boolean }>;
  /** The partner's shared reflections by week. */
  readonly partnerReflections: ReadonlyMap<number, string>;
  /** My pulse scores since the programme started, oldest first (the before and after). */
  readonly myPulses: readonly { score: number; takenAt: string }[];
  /** Pulse scores the partner shared since the start, oldest first. */
  readonly partnerPulses: readonly { score: number; takenAt: string }[];
  /** Whether I shared a pulse since the start too: the two scores are compared only when both did. */
  readonly iShared: boolean;
};

/** Both maps together, each exercise at its earliest time. */
function mergeDone(a: DoneMap, b: DoneMap): DoneMap {
  const out: Record<string, string> = { ...a };
  for (const [id, at] of Object.entries(b)) {
    const prev = out[id];
    if (prev === undefined || Date.parse(at) < Date.parse(prev)) out[id] = at;
  }
  return out;
}

function toActivityItem(view: ItemView, me: string, keys: ItemKeys): ActivityItem {
  const schema = BODY_SCHEMAS[view.kind];
  const opened = schema === undefined ? null : openItem(view, keys, schema);
  return { kind: view.kind, visibility: view.visibility, mine: view.authorId === me, createdAt: view.createdAt, body: opened?.ok === true ? opened.value : null };
}

/**
 * Reconnect on this device (issue 21). Its state is sealed `help-share` items; until
 * someone starts, that one list is all it reads. Once started, it reads the kinds an
 * exercise can be done with, computes progress with core's `programmeView` and, when
 * mine changed, publishes it sealed for the partner's device.
 */
/** One publish at a time on this device, whichever screen noticed (Today's card and the page may both be open). */
let publishing = false;

export function useProgramme(session: Unlocked, space: LoadedSpace) {
  const me = session.user.id;
  const keys = useMemo<ItemKeys>(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const spark = useSpark();
  const [shares, setShares] = useState<Shares | null>(null);
  const [activities, setActivities] = useState<readonly Activity[]>([]);
  const [records, setRecords] = useState<readonly ActivityItem[]>([]);
  const [reminder, setReminderView] = useState<{ view: ItemView; time: string } | null>(null);
  const [midweek, setMidweek] = useState<ItemView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    const list = await listItems('help-share');
    if (!alive.current) return;
    if (!list.ok) return setError(list.message);
    const bodies = new Map<string, HelpShareBody>();
    for (const v of list.value) {
      const opened = openItem(v, keys, helpShareBody);
      if (opened.ok) bodies.set(v.id, opened.value);
    }
    const started = [...bodies.values()].some((b) => b.type === 'programme');
    if (started) {
      const [items, touch, reminders] = await Promise.all([listItemsOfKinds(ACTIVITY_KINDS), api.get(endpoints.touch, touchResponse), listItems('programme-reminder')]);
      if (!alive.current) return;
      if (!items.ok) return setError(items.message);
      let weekly: { view: ItemView; time: string } | null = null;
      let nudge: ItemView | null = null;
      for (const r of reminders.ok ? reminders.value : []) {
        if (r.authorId !== me) continue;
        const opened = openItem(r, keys, programmeReminderBody);
        if (!opened.ok) continue;
        if (opened.value.midweek === true) nudge = r;
        else weekly = { view: r, time: opened.value.time };
      }
      setReminderView(weekly);
      setMidweek(nudge);
      const decoded = [...items.value, ...list.value].map((v) => toActivityItem(v, me, keys));
      const touchActs: Activity[] = touch.ok ? [...(touch.value.preferences === null ? [] : [{ type: 'touch-on' as const, at: new Date().toISOString(), mine: true }]), ...touch.value.doneAt.map((at) => ({ type: 'touch-done' as const, at, mine: true }))] : [];
      setActivities([...activitiesOf(decoded), ...touchActs]);
      setRecords(decoded.filter((d) => d.kind === 'private-record'));
    }
    setError(null);
    setShares({ views: list.value, bodies });
  }, [keys, me]);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);
  useLiveReload(reload, 15_000, alive, ['help-share', ...ACTIVITY_KINDS]);

  const computed = useMemo(() => {
    if (shares === null || spark.load.status === 'loading') return null;
    const events: ProgrammeEvent[] = [];
    const myCopies: { view: ItemView; done: DoneMap }[] = [];
    let partnerDone: DoneMap | null = null;
    const reflections = new Map<number, { text: string; shared: boolean; at: string }>();
    const partnerReflections = new Map<number, string>();
    const partnerPulses: { score: number; takenAt: string }[] = [];
    const mySharedAt: string[] = [];
    for (const v of shares.views) {
      const body = shares.bodies.get(v.id);
      if (body === undefined) continue;
      const mine = v.authorId === me;
      if (body.type === 'programme') events.push({ action: body.action, at: body.at, mine });
      // Two screens of one device may each have published a first copy: read them all together, and rewrite the newest.
      if (body.type === 'programme-progress') {
        if (mine) myCopies.push({ view: v, done: body.done });
        else partnerDone = mergeDone(partnerDone ?? {}, body.done);
      }
      if (body.type === 'programme-reflection') {
        if (mine) {
          const prev = reflections.get(body.week);
          if (prev === undefined || v.createdAt > prev.at) reflections.set(body.week, { text: body.text, shared: true, at: v.createdAt });
        } else partnerReflections.set(body.week, body.text);
      }
      if (body.type === 'pulse' && !mine) partnerPulses.push({ score: body.score, takenAt: body.takenAt });
      if (body.type === 'pulse' && mine) mySharedAt.push(body.takenAt);
    }
    const newest = myCopies.reduce<ItemView | null>((best, c) => (best === null || c.view.updatedAt > best.updatedAt ? c.view : best), null);
    const myProgress = newest === null ? null : { view: newest, done: myCopies.reduce<DoneMap>((acc, c) => mergeDone(acc, c.done), {}) };
    const myPulses: { score: number; takenAt: string }[] = [];
    for (const r of records) {
      const parsed = privateRecordBody.safeParse(r.body);
      if (!parsed.success) continue;
      if (parsed.data.type === 'pulse') myPulses.push({ score: parsed.data.score, takenAt: parsed.data.takenAt });
      if (parsed.data.type === 'programme-reflection') {
        const prev = reflections.get(parsed.data.week);
        if (prev === undefined || r.createdAt > prev.at) reflections.set(parsed.data.week, { text: parsed.data.text, shared: false, at: r.createdAt });
      }
    }
    const view = programmeView({
      events,
      activities,
      myPublished: myProgress?.done ?? {},
      partnerPublished: partnerDone,
      hasPartner: partnerOf(space) !== null,
      sparkOnForBoth: spark.level !== null,
      timeZone: session.user.timeZone,
      now: new Date(),
    });
    // The starting point counts from two weeks before the start: a recent pulse is a fine baseline.
    const since = view.startedAt === null ? Infinity : Date.parse(view.startedAt) - 14 * 86_400_000;
    const byTime = (a: { takenAt: string }, b: { takenAt: string }) => a.takenAt.localeCompare(b.takenAt);
    const data: ProgrammeData = {
      view,
      reflections,
      partnerReflections,
      myPulses: myPulses.filter((p) => Date.parse(p.takenAt) >= since).sort(byTime),
      partnerPulses: partnerPulses.filter((p) => Date.parse(p.takenAt) >= since).sort(byTime),
      iShared: mySharedAt.some((at) => Date.parse(at) >= since),
    };
    return { data, myProgress };
  }, [shares, activities, records, spark.load.status, spark.level, me, space, session.user.timeZone]);

  // Publish my progress when this device sees more than it last said (one write, retried by the next load if it fails).
  useEffect(() => {
    if (computed === null || publishing) return;
    const { data, myProgress } = computed;
    if (data.view.status === 'not-started' || data.view.status === 'invited') return;
    if (!progressChanged(myProgress?.done ?? {}, data.view.myDone)) return;
    publishing = true;
    const body: HelpShareBody = { type: 'programme-progress', done: { ...data.view.myDone } };
    const write = myProgress === null ? createItem(space.view.id, 'help-share', 'shared', body, keys) : updateItem(myProgress.view, body, keys);
    void write.then(async (res) => {
      publishing = false;
      if (res.ok && alive.current) await reload();
    });
  }, [computed, keys, space.view.id, reload]);

  // At most one mid-week nudge, and only while nothing of this week is done: set, moved or cleared as the week goes.
  const nudging = useRef(false);
  useEffect(() => {
    if (computed === null || nudging.current) return;
    const view = computed.data.view;
    const week = view.weeks[view.current - 1];
    const time = reminder?.view.remindAt == null ? null : reminder.time;
    const idle = view.status === 'active' && week?.openedAt != null && week.exercises.every((e) => e.mine === null);
    const target = idle && time !== null && week?.openedAt != null ? midweekReminderAt(week.openedAt, time, session.user.timeZone, new Date()) : null;
    if ((midweek?.remindAt ?? null) === target || (midweek === null && target === null)) return;
    nudging.current = true;
    const body = { time: time ?? '19:00', midweek: true };
    const write = midweek === null ? createItem(space.view.id, 'programme-reminder', 'private', body, keys, { remindAt: target }) : updateItem(midweek, body, keys, target);
    void write.then(async (res) => {
      nudging.current = false;
      if (res.ok && alive.current) await reload();
    });
  }, [computed, reminder, midweek, session.user.timeZone, space.view.id, keys, reload]);

  const startedAt = computed?.data.view.startedAt ?? null;
  const act = useCallback(
    async (action: ProgrammeAction): Promise<Result<ItemView>> => {
      const at = new Date().toISOString();
      const res = await createItem(space.view.id, 'help-share', 'shared', { type: 'programme', action, at }, keys);
      // A pause silences my weekly reminder; resuming brings it back at the same time.
      if (res.ok && reminder !== null && action !== 'start') {
        const remindAt = action === 'pause' ? null : nextWeeklyReminderAt(new Date(), startedAt ?? at, reminder.time, session.user.timeZone);
        await updateItem(reminder.view, { time: reminder.time }, keys, remindAt);
      }
      if (res.ok) await reload();
      return res;
    },
    [keys, space.view.id, reload, reminder, startedAt, session.user.timeZone],
  );

  /** My weekly reminder at a local time I pick, or none. */
  const setReminder = useCallback(
    async (time: string | null): Promise<Result<unknown>> => {
      const body = { time: time ?? reminder?.time ?? '19:00' };
      const remindAt = time === null ? null : nextWeeklyReminderAt(new Date(), startedAt ?? new Date().toISOString(), time, session.user.timeZone);
      const res = reminder === null ? await createItem(space.view.id, 'programme-reminder', 'private', body, keys, { remindAt }) : await updateItem(reminder.view, body, keys, remindAt);
      if (res.ok) await reload();
      return res;
    },
    [reminder, startedAt, session.user.timeZone, space.view.id, keys, reload],
  );

  const reflect = useCallback(
    async (week: number, text: string, shared: boolean): Promise<Result<ItemView>> => {
      const body = { type: 'programme-reflection' as const, week, text };
      const res = shared ? await createItem(space.view.id, 'help-share', 'shared', body, keys) : await createItem(space.view.id, 'private-record', 'private', body, keys);
      if (res.ok) await reload();
      return res;
    },
    [keys, space.view.id, reload],
  );

  return { data: computed?.data ?? null, error, reload, act, reflect, reminder: reminder === null || reminder.view.remindAt === null ? null : reminder.time, setReminder };
}

export type Programme = ReturnType<typeof useProgramme>;

/** The lessons, fetched once per page load: the same public text for everyone. */
let lessonsPromise: Promise<Result<readonly ProgrammeLesson[], string>> | null = null;
export function loadLessons(): Promise<Result<readonly ProgrammeLesson[], string>> {
  lessonsPromise ??= api.get(endpoints.programmeLessons, programmeLessonsResponse).then((res) => {
    if (!res.ok) lessonsPromise = null;
    return res.ok ? { ok: true as const, value: res.value.lessons } : res;
  });
  return lessonsPromise;
}
