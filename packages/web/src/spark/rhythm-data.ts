import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import {
  calendarDateIn,
  err,
  ok,
  privateRecordBody,
  recentCount,
  rhythmBandOf,
  rhythmThreadId,
  sparkWishBandBody,
  sparkWishRevealBody,
  toB64,
  type Result,
  type RhythmEntryRecord,
  type RhythmWishRecord,
} from '@hearth/core';
import { itemResponse, type ItemView } from '@hearth/core/api';
import { sealJson } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, deleteItem, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * The intimacy rhythm on this device (decision 0037). My log entries and exact wish
 * are `private-record`s under my personal key. Only a coarse band goes to a shared item,
 * and the server shows it to my partner only once they have stated theirs; the exact
 * number goes out only if I choose to reveal it, and is shown only if they do too.
 */
export type Entry = { readonly view: ItemView; readonly body: RhythmEntryRecord };

export type RhythmData = {
  readonly entries: readonly Entry[];
  readonly wish: { readonly view: ItemView; readonly body: RhythmWishRecord } | null;
  readonly myBand: ItemView | null;
  readonly myReveal: ItemView | null;
  readonly partnerBand: number | null;
  readonly partnerReveal: number | null;
  readonly unreadable: number;
};

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): RhythmData {
  const entries: Entry[] = [];
  let wish: RhythmData['wish'] = null;
  let myBand: ItemView | null = null;
  let myReveal: ItemView | null = null;
  let partnerBand: number | null = null;
  let partnerReveal: number | null = null;
  let unreadable = 0;
  for (const view of views) {
    const mine = view.authorId === me;
    if (view.kind === 'private-record') {
      if (!mine) continue;
      const opened = openItem(view, keys, privateRecordBody);
      if (!opened.ok) continue; // other features' records, or ones this device cannot open
      const body = opened.value;
      if (body.type === 'rhythm-entry') entries.push({ view, body });
      else if (body.type === 'rhythm-wish' && (wish === null || view.updatedAt > wish.view.updatedAt)) wish = { view, body };
    } else if (view.kind === 'spark-wish-band') {
      if (mine) myBand = view;
      else {
        const opened = openItem(view, keys, sparkWishBandBody);
        if (opened.ok) partnerBand = opened.value.band;
        else unreadable += 1;
      }
    } else if (view.kind === 'spark-wish-reveal') {
      if (mine) myReveal = view;
      else {
        const opened = openItem(view, keys, sparkWishRevealBody);
        if (opened.ok) partnerReveal = opened.value.perMonth;
        else unreadable += 1;
      }
    }
  }
  entries.sort((a, b) => (a.body.date < b.body.date ? 1 : a.body.date > b.body.date ? -1 : 0));
  return { entries, wish, myBand, myReveal, partnerBand, partnerReveal, unreadable };
}

const KINDS = ['private-record', 'spark-wish-band', 'spark-wish-reveal'] as const;

export function useRhythm(session: Unlocked, space: LoadedSpace, pollMs?: number) {
  const keys = useMemo<ItemKeys>(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  const [data, setData] = useState<RhythmData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const latest = useRef<RhythmData | null>(null);

  const reload = useCallback(async () => {
    const res = await listItemsOfKinds(KINDS);
    if (!alive.current) return;
    if (!res.ok) return setError(res.message);
    const decoded = decode(res.value, keys, me);
    latest.current = decoded;
    setData(decoded);
    setError(null);
  }, [keys, me]);

  useLiveReload(reload, pollMs, alive, KINDS);

  const today = calendarDateIn(new Date(), session.user.timeZone);
  const recent = data ? recentCount(data.entries.map((e) => e.body.date), today) : 0;

  const addEntry = useCallback(
    async (entry: Omit<RhythmEntryRecord, 'type'>): Promise<Result<void>> => {
      const created = await createItem(space.view.id, 'private-record', 'private', { type: 'rhythm-entry', ...entry }, keys);
      if (!created.ok) return created;
      await reload();
      return ok(undefined);
    },
    [space.view.id, keys, reload],
  );

  const removeEntry = useCallback(
    async (view: ItemView): Promise<Result<void>> => {
      const res = await deleteItem(view);
      if (!res.ok) return res;
      await reload();
      return ok(undefined);
    },
    [reload],
  );

  /** The thread both partners' bands hang under; its id comes from the space key, so whoever writes first creates it. */
  const ensureThread = useCallback(async (): Promise<Result<string>> => {
    if (!space.key) return err('no_key', 'The space key is not available on this device.');
    const id = rhythmThreadId(space.key);
    const scope = { type: 'item', spaceId: space.view.id, itemId: id, kind: 'spark-rhythm', visibility: 'shared', parentId: null } as const;
    const body = toB64(sealJson({ v: 1 }, space.key, scope));
    const created = await api.post(endpoints.items, { id, kind: 'spark-rhythm', visibility: 'shared', parentId: null, remindAt: null, body }, itemResponse);
    if (created.ok || created.status === 409) return ok(id);
    return created;
  }, [space.key, space.view.id]);

  /** Saves my wish privately, shares only its band, and shares the number only if I choose to reveal it. */
  const saveWish = useCallback(
    async (perMonth: number, reveal: boolean): Promise<Result<void>> => {
      const current = latest.current;
      const body = { type: 'rhythm-wish', perMonth, reveal } as const;
      const saved = current?.wish ? await updateItem(current.wish.view, body, keys) : await createItem(space.view.id, 'private-record', 'private', body, keys);
      if (!saved.ok) return saved;
      const thread = await ensureThread();
      if (!thread.ok) return thread;
      const band = { band: rhythmBandOf(perMonth) };
      const bandSaved = current?.myBand
        ? await updateItem(current.myBand, band, keys)
        : await createItem(space.view.id, 'spark-wish-band', 'shared', band, keys, { parentId: thread.value });
      if (!bandSaved.ok) return bandSaved;
      if (reveal) {
        const number = { perMonth };
        const revealed = current?.myReveal
          ? await updateItem(current.myReveal, number, keys)
          : await createItem(space.view.id, 'spark-wish-reveal', 'shared', number, keys, { parentId: thread.value });
        if (!revealed.ok) return revealed;
      } else if (current?.myReveal) {
        // Taking it back removes it; the server then hides the partner's number from me too.
        const removed = await deleteItem(current.myReveal);
        if (!removed.ok) return removed;
      }
      await reload();
      return ok(undefined);
    },
    [keys, space.view.id, ensureThread, reload],
  );

  return { data, error, today, recent, addEntry, removeEntry, saveWish };
}
