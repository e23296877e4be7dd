import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import {
  CATALOG_VERSION,
  DEFAULT_PREFS,
  QUESTION_KINDS,
  coupleDate,
  dayFor,
  err,
  nextReminderAt,
  ok,
  pickQuestion,
  questionDayId,
  questionDays,
  questionOrder,
  questionPrefsBody,
  questionReminderBody,
  toB64,
  usedQuestions,
  type QuestionDay,
  type QuestionDayBody,
  type QuestionItem,
  type QuestionPrefs,
  type Result,
} from '@hearth/core';
import { itemResponse, type ItemKind, type ItemView } from '@hearth/core/api';
import { sealJson } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, openItem, updateItem, type ItemKeys, listItemsOfKinds } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';

/**
 * The daily question's items, decrypted on this device, and the writes the page
 * makes. The server withholds the partner's answer until both have answered, so
 * what arrives here is already only what this person may see.
 */

const anyBody = z.unknown();
const ALL_KINDS: readonly ItemKind[] = [...QUESTION_KINDS, 'daily-question-prefs', 'daily-question-reminder'];

type Loaded = {
  readonly items: readonly QuestionItem[];
  readonly views: ReadonlyMap<string, ItemView>;
  readonly prefs: QuestionPrefs;
  readonly reminder: { readonly view: ItemView; readonly time: string | null } | null;
  /** Items that could not be opened here: counted and said, never silently dropped. */
  readonly unreadable: number;
};

const newest = (a: ItemView, b: ItemView) => (a.updatedAt > b.updatedAt ? a : b);

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): Loaded {
  const items: QuestionItem[] = [];
  const map = new Map<string, ItemView>();
  let unreadable = 0;
  let prefsView: { view: ItemView; body: QuestionPrefs } | null = null;
  let reminder: Loaded['reminder'] = null;
  for (const view of views) {
    map.set(view.id, view);
    if (view.kind === 'daily-question-prefs') {
      const opened = openItem(view, keys, questionPrefsBody);
      if (!opened.ok) unreadable += 1;
      // Either partner may change the couple's choice; the latest change wins.
      else if (prefsView === null || newest(prefsView.view, view) === view) prefsView = { view, body: opened.value };
      continue;
    }
    if (view.kind === 'daily-question-reminder') {
      const opened = openItem(view, keys, questionReminderBody);
      if (!opened.ok) unreadable += 1;
      else if (view.authorId === me && (reminder === null || newest(reminder.view, view) === view)) reminder = { view, time: opened.value.time };
      continue;
    }
    const opened = openItem(view, keys, anyBody);
    if (!opened.ok) {
      unreadable += 1;
      continue;
    }
    items.push({ id: view.id, kind: view.kind, authorId: view.authorId, parentId: view.parentId, createdAt: view.createdAt, body: opened.value });
  }
  return { items, views: map, prefs: prefsView?.body ?? DEFAULT_PREFS, reminder, unreadable };
}

const fetchAll = (): Promise<Result<ItemView[]>> => listItemsOfKinds(ALL_KINDS);

/** Writes a day item under its derived id; if the partner wrote it first (409), reads theirs. */
async function writeDay(spaceId: string, spaceKey: Uint8Array, body: QuestionDayBody): Promise<Result<ItemView>> {
  const id = questionDayId(spaceKey, body.date, body.round);
  const scope = { type: 'item', spaceId, itemId: id, kind: 'daily-question-day', visibility: 'shared', parentId: null } as const;
  const sealed = toB64(sealJson(body, spaceKey, scope));
  const created = await api.post(
    endpoints.items,
    { id, kind: 'daily-question-day', visibility: 'shared', parentId: null, remindAt: null, body: sealed },
    itemResponse,
  );
  if (created.ok) return ok(created.value.item);
  if (created.status !== 409) return created;
  const existing = await api.get(`${endpoints.items}/${encodeURIComponent(id)}`, itemResponse);
  return existing.ok ? ok(existing.value.item) : existing;
}

export type DailyQuestion = ReturnType<typeof useDailyQuestion>;

export function useDailyQuestion(session: Unlocked, space: LoadedSpace, opts: { pollMs?: number; create?: boolean } = {}) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const alive = useRef(true);
  const writes = useRef(0);
  const order = useMemo(() => (space.key ? questionOrder(space.key) : []), [space.key]);

  // Both partners' zones decide the couple's date (see coupleDate); my own from my settings, which are fresher.
  const zones = useMemo(
    () => space.view.members.map((m) => (m.isMe ? session.user.timeZone : m.timeZone)),
    [space.view.members, session.user.timeZone],
  );
  const today = coupleDate(now, zones);
  const days = useMemo(() => (data ? questionDays(data.items, me) : []), [data, me]);
  const current = dayFor(days, today);

  const reload = useCallback(async () => {
    const startedAt = writes.current;
    const res = await fetchAll();
    if (!alive.current || writes.current !== startedAt) return;
    setNow(new Date());
    if (res.ok) {
      setData(decode(res.value, keys, me));
      setError(null);
    } else setError(res.message);
  }, [keys, me]);

  useLiveReload(reload, opts.pollMs, alive, ALL_KINDS);

  const merge = useCallback(
    (view: ItemView, body: unknown) => {
      writes.current += 1;
      setData((prev) => {
        if (!prev) return prev;
        const views = new Map(prev.views);
        views.set(view.id, view);
        const items = prev.items.filter((i) => i.id !== view.id);
        let { prefs, reminder } = prev;
        if (view.kind === 'daily-question-prefs') {
          const p = questionPrefsBody.safeParse(body);
          if (p.success) prefs = p.data;
        } else if (view.kind === 'daily-question-reminder') {
          const r = questionReminderBody.safeParse(body);
          if (r.success) reminder = { view, time: r.data.time };
        } else items.push({ id: view.id, kind: view.kind, authorId: view.authorId, parentId: view.parentId, createdAt: view.createdAt, body });
        return { ...prev, items, views, prefs, reminder };
      });
      setNow(new Date());
    },
    [],
  );

  /** Makes sure a day item exists for `date` and `round`, choosing the question if we are first. */
  const ensureDay = useCallback(
    async (date: string, round: number): Promise<Result<unknown>> => {
      if (!space.key || !data) return err('no_key', 'The space key is not available on this device.');
      const picked = pickQuestion(order, data.prefs, usedQuestions(days), date);
      if (!picked) return err('no_question', 'There is no question to ask right now.');
      const body: QuestionDayBody = { date, round, questionId: picked.question.id, catalogVersion: CATALOG_VERSION };
      const res = await writeDay(space.view.id, space.key, body);
      if (!res.ok) return res;
      const opened = openItem(res.value, keys, anyBody);
      if (!opened.ok) return opened;
      merge(res.value, opened.value);
      return ok(undefined);
    },
    [space.key, space.view.id, data, order, days, keys, merge],
  );

  // Today's day item is written by whichever partner opens the question first.
  const creating = useRef<string | null>(null);
  const canWrite = opts.create === true && space.view.status === 'active' && space.key !== null;
  useEffect(() => {
    if (!canWrite || !data || current !== null || creating.current === today) return;
    creating.current = today;
    void ensureDay(today, 0).then((r) => {
      if (!r.ok && alive.current) setError(r.message);
    });
  }, [canWrite, data, current, today, ensureDay]);

  // The stored reminder instant moves on once it has passed, so the notifications job always finds the next one.
  const reminder = data?.reminder ?? null;
  useEffect(() => {
    if (!canWrite || reminder === null || reminder.time === null) return;
    const at = reminder.view.remindAt;
    if (at !== null && Date.parse(at) > now.getTime()) return;
    const next = nextReminderAt(now, reminder.time, session.user.timeZone);
    void updateItem(reminder.view, { time: reminder.time }, keys, next).then((res) => {
      if (res.ok && alive.current) merge(res.value, { time: reminder.time });
    });
  }, [canWrite, reminder, now, session.user.timeZone, keys, merge]);

  const create = useCallback(
    async (kind: ItemKind, body: unknown, parentId: string | null): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, kind, 'shared', body, keys, { parentId });
      if (res.ok) merge(res.value, body);
      return res;
    },
    [space.view.id, keys, merge],
  );

  /** Shares my answer, then the "answered" marker so the partner's app can say it is their turn. */
  const answer = useCallback(
    async (day: QuestionDay, text: string): Promise<Result<unknown>> => {
      const res = await create('daily-question-answer', { text }, day.id);
      if (!res.ok) return res;
      // The marker is a nicety: if it fails, the answer still counts once revealed, and a retry cannot duplicate it.
      await create('daily-question-answered', {}, day.id);
      return ok(undefined);
    },
    [create],
  );

  const react = useCallback(
    async (answerId: string, reaction: string): Promise<Result<unknown>> => {
      const mine = days.flatMap((d) => d.reactions).find((r) => r.answerId === answerId && r.authorId === me);
      const view = mine ? data?.views.get(mine.id) : undefined;
      if (view) {
        const res = await updateItem(view, { reaction }, keys);
        if (res.ok) merge(res.value, { reaction });
        return res;
      }
      return create('daily-question-reaction', { reaction }, answerId);
    },
    [days, me, data, keys, merge, create],
  );

  const skip = useCallback(async (day: QuestionDay) => ensureDay(day.date, day.round + 1), [ensureDay]);

  const savePrefs = useCallback(
    async (prefs: QuestionPrefs): Promise<Result<unknown>> => {
      const body = { categories: [...prefs.categories], depths: [...prefs.depths] };
      const own = data ? [...data.views.values()].find((v) => v.kind === 'daily-question-prefs' && v.authorId === me) : undefined;
      const res = own ? await updateItem(own, body, keys) : await createItem(space.view.id, 'daily-question-prefs', 'shared', body, keys);
      if (res.ok) merge(res.value, body);
      return res;
    },
    [data, me, keys, space.view.id, merge],
  );

  /** My reminder time, private; `remindAt` carries the next instant for the notifications job. */
  const saveReminder = useCallback(
    async (time: string | null): Promise<Result<unknown>> => {
      const remindAt = time === null ? null : nextReminderAt(new Date(), time, session.user.timeZone);
      const body = { time };
      const own = data?.reminder?.view;
      const res = own
        ? await updateItem(own, body, keys, remindAt)
        : await createItem(space.view.id, 'daily-question-reminder', 'private', body, keys, { remindAt });
      if (res.ok) merge(res.value, body);
      return res;
    },
    [data, keys, space.view.id, session.user.timeZone, merge],
  );

  return {
    loaded: data !== null,
    error,
    days,
    today,
    current,
    now,
    prefs: data?.prefs ?? DEFAULT_PREFS,
    reminderTime: data?.reminder?.time ?? null,
    unreadable: data?.unreadable ?? 0,
    reload,
    answer,
    react,
    comment: (answerId: string, text: string) => create('daily-question-comment', { text }, answerId),
    skip,
    savePrefs,
    saveReminder,
  };
}

/** The partner's name as the question screens say it. */
export const partnerLabel = (space: LoadedSpace): string => partnerOf(space)?.name ?? 'your partner';
