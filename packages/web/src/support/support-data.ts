import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import type { z } from 'zod/mini';
import {
  nextKeyDateReminder,
  supportCelebrationBody,
  supportKeyDateBody,
  supportPlateBody,
  supportPrefsBody,
  supportResponseBody,
  supportThanksBody,
  supportWinBody,
  type Result,
  type SupportCelebrationBody,
  type SupportKeyDateBody,
  type SupportPlateBody,
  type SupportPrefsBody,
  type SupportResponseBody,
  type SupportThanksBody,
  type SupportWinBody,
} from '@hearth/core';
import type { ItemKind, ItemView, Visibility } from '@hearth/core/api';
import { createItem, openItem, updateItem, type ItemKeys, listItemsOfKinds } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { useItemViews } from '../shared/use-item-views.ts';

/**
 * Everything of the Support practice, decrypted on this device: challenges with their
 * responses, wins with their celebrations, key dates, thank-yous and my private
 * preferences, plus the metadata of Talk's topics (hard conversations) for the week's
 * balance. Items that can't be opened are kept with a null body and flagged.
 */

/** A decrypted item; body is null when it couldn't be opened on this device. */
export type Entry<T> = { readonly item: ItemView; readonly body: T | null };
export type PlateEntry = Entry<SupportPlateBody> & { readonly responses: readonly Entry<SupportResponseBody>[] };
export type WinEntry = Entry<SupportWinBody> & { readonly celebrations: readonly Entry<SupportCelebrationBody>[] };

export type SupportData = {
  readonly plates: readonly PlateEntry[];
  readonly wins: readonly WinEntry[];
  readonly dates: readonly Entry<SupportKeyDateBody>[];
  readonly thanks: readonly Entry<SupportThanksBody>[];
  /** My latest preferences item, if any. */
  readonly prefs: Entry<SupportPrefsBody> | null;
  /** Talk topics, metadata only: they count as hard conversations in the balance. */
  readonly topics: readonly ItemView[];
  readonly unreadable: number;
};

export const SUPPORT_KINDS = [
  'support-plate',
  'support-response',
  'support-win',
  'support-celebration',
  'support-date',
  'support-thanks',
  'support-prefs',
] as const satisfies readonly ItemKind[];
const LOADED_KINDS: readonly ItemKind[] = [...SUPPORT_KINDS, 'talk-topic'];

const newestFirst = (a: { item: ItemView }, b: { item: ItemView }) => b.item.createdAt.localeCompare(a.item.createdAt);
const oldestFirst = (a: { item: ItemView }, b: { item: ItemView }) => a.item.createdAt.localeCompare(b.item.createdAt);

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): SupportData {
  let unreadable = 0;
  const open = <T>(item: ItemView, schema: z.core.$ZodType<T>): Entry<T> => {
    const opened = openItem(item, keys, schema);
    if (!opened.ok) unreadable += 1;
    return { item, body: opened.ok ? opened.value : null };
  };
  const of = (kind: ItemKind) => views.filter((v) => v.kind === kind);
  const responses = of('support-response').map((v) => open(v, supportResponseBody));
  const celebrations = of('support-celebration').map((v) => open(v, supportCelebrationBody));
  const plates = of('support-plate')
    .map((v) => ({ ...open(v, supportPlateBody), responses: responses.filter((r) => r.item.parentId === v.id).sort(oldestFirst) }))
    .sort(newestFirst);
  const wins = of('support-win')
    .map((v) => ({ ...open(v, supportWinBody), celebrations: celebrations.filter((c) => c.item.parentId === v.id).sort(oldestFirst) }))
    .sort(newestFirst);
  const dates = of('support-date').map((v) => open(v, supportKeyDateBody));
  const thanks = of('support-thanks')
    .map((v) => open(v, supportThanksBody))
    .sort(newestFirst);
  const prefs =
    of('support-prefs')
      .filter((v) => v.authorId === me)
      .map((v) => open(v, supportPrefsBody))
      .sort(newestFirst)[0] ?? null;
  return { plates, wins, dates, thanks, prefs, topics: of('talk-topic'), unreadable };
}

const fetchAll = (): Promise<Result<ItemView[]>> => listItemsOfKinds(LOADED_KINDS);

export type Support = ReturnType<typeof useSupport>;

/** Loads on mount, when the tab comes back into view, and every `pollMs` while visible. */
export function useSupport(session: Unlocked, space: LoadedSpace, opts: { pollMs?: number } = {}) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const { views, error, reload, merge } = useItemViews(fetchAll, opts.pollMs, undefined, LOADED_KINDS);

  const create = useCallback(
    async (kind: ItemKind, visibility: Visibility, body: unknown, thread: { parentId?: string | null; remindAt?: string | null } = {}): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, kind, visibility, body, keys, thread);
      if (res.ok) merge(res.value);
      return res;
    },
    [space.view.id, keys, merge],
  );

  const update = useCallback(
    async (item: ItemView, body: unknown, remindAt?: string | null): Promise<Result<ItemView>> => {
      const res = await updateItem(item, body, keys, remindAt);
      if (res.ok) merge(res.value);
      return res;
    },
    [keys, merge],
  );

  const me = session.user.id;
  const data = useMemo(() => (views ? decode([...views.values()], keys, me) : null), [views, keys, me]);

  // A key date's `remindAt` is its next reminder. Once that has passed (sent by a later
  // job, or shown here), the author's device moves it on to the one after; the server
  // cannot, as it never sees the date. Tried once per item per visit.
  const rescheduled = useRef(new Set<string>());
  useEffect(() => {
    if (!data || space.view.status !== 'active') return;
    const now = new Date();
    for (const d of data.dates) {
      if (d.item.authorId !== me || d.body === null || rescheduled.current.has(d.item.id)) continue;
      const due = d.item.remindAt === null ? null : Date.parse(d.item.remindAt);
      if (due !== null && due > now.getTime()) continue;
      const next = nextKeyDateReminder(d.body, now, session.user.timeZone)?.at.toISOString() ?? null;
      if (next === (d.item.remindAt === null ? null : new Date(d.item.remindAt).toISOString())) continue;
      rescheduled.current.add(d.item.id);
      void update(d.item, d.body, next);
    }
  }, [data, me, session.user.timeZone, space.view.status, update]);

  return { data, error, reload, create, update, keys, me };
}
