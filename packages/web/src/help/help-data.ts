import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import {
  helpShareBody,
  ok,
  privateRecordBody,
  type HelpPrefsRecord,
  type HelpShareBody,
  type PrivateRecordBody,
  type PulseRecord,
  type Result,
  type ScorePoint,
} from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { createItem, listItems, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * Help's items, decrypted on this device:
 * - my `private-record`s (pulses, settings; a saved safety check is never shown in a list),
 * - `help-share`s from both of us (shared pulse scores, asks for counseling, summary consent).
 * Items that do not open are counted and flagged, never dropped silently.
 */
export type Decoded<B> = { readonly view: ItemView; readonly body: B };

export type HelpData = {
  readonly records: readonly Decoded<PrivateRecordBody>[];
  readonly shares: readonly Decoded<HelpShareBody>[];
  readonly unreadable: number;
};

export function decodeHelp(records: readonly ItemView[], shares: readonly ItemView[], keys: ItemKeys): HelpData {
  let unreadable = 0;
  const r: Decoded<PrivateRecordBody>[] = [];
  for (const view of records) {
    const opened = openItem(view, keys, privateRecordBody);
    if (opened.ok) r.push({ view, body: opened.value });
    else unreadable += 1;
  }
  const s: Decoded<HelpShareBody>[] = [];
  for (const view of shares) {
    const opened = openItem(view, keys, helpShareBody);
    if (opened.ok) s.push({ view, body: opened.value });
    else unreadable += 1;
  }
  return { records: r, shares: s, unreadable };
}

export function useHelp(session: Unlocked, space: LoadedSpace) {
  const keys = useMemo<ItemKeys>(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const [raw, setRaw] = useState<{ records: ItemView[]; shares: ItemView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const [records, shares] = await Promise.all([listItems('private-record'), listItems('help-share')]);
    if (!records.ok) return setError(records.message);
    if (!shares.ok) return setError(shares.message);
    setError(null);
    setRaw({ records: records.value.filter((i) => i.authorId === session.user.id), shares: shares.value });
  }, [session.user.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const data = useMemo(() => (raw === null ? null : decodeHelp(raw.records, raw.shares, keys)), [raw, keys]);

  const add = useCallback((view: ItemView) => {
    setRaw((prev) => {
      const base = prev ?? { records: [], shares: [] };
      const without = (list: ItemView[]) => list.filter((i) => i.id !== view.id);
      return view.kind === 'private-record'
        ? { ...base, records: [...without(base.records), view] }
        : { ...base, shares: [...without(base.shares), view] };
    });
  }, []);

  const writePrivate = useCallback(
    async (body: PrivateRecordBody, existing?: ItemView): Promise<Result<ItemView>> => {
      const res = existing ? await updateItem(existing, body, keys) : await createItem(space.view.id, 'private-record', 'private', body, keys);
      if (res.ok) add(res.value);
      return res;
    },
    [keys, space.view.id, add],
  );

  const writeShared = useCallback(
    async (body: HelpShareBody): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, 'help-share', 'shared', body, keys);
      if (res.ok) add(res.value);
      return res;
    },
    [keys, space.view.id, add],
  );

  return { data, error, reload, writePrivate, writeShared, keys };
}

export type Help = ReturnType<typeof useHelp>;

export function myPulses(data: HelpData): Decoded<PulseRecord>[] {
  return data.records
    .flatMap((r) => (r.body.type === 'pulse' ? [{ view: r.view, body: r.body }] : []))
    .sort((a, b) => a.body.takenAt.localeCompare(b.body.takenAt));
}

export function prefsOf(data: HelpData): Decoded<HelpPrefsRecord> | null {
  const found = data.records.flatMap((r) => (r.body.type === 'help-prefs' ? [{ view: r.view, body: r.body }] : []));
  return found.sort((a, b) => b.view.updatedAt.localeCompare(a.view.updatedAt))[0] ?? null;
}

/** Pulse scores the partner shared with me, oldest first. */
export function partnerPulses(data: HelpData, me: string): ScorePoint[] {
  return data.shares
    .flatMap((s) => (s.view.authorId !== me && s.body.type === 'pulse' ? [{ score: s.body.score, takenAt: s.body.takenAt }] : []))
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** Pulse takenAt instants I already shared, so the list can say "shared". */
export function mySharedPulses(data: HelpData, me: string): Set<string> {
  return new Set(data.shares.flatMap((s) => (s.view.authorId === me && s.body.type === 'pulse' ? [s.body.takenAt] : [])));
}

export const asked = (data: HelpData, who: (authorId: string) => boolean): boolean =>
  data.shares.some((s) => who(s.view.authorId) && s.body.type === 'ask');

/** The latest summary consent by an author (false when none). */
export function consentOf(data: HelpData, authorId: string): boolean {
  const latest = data.shares
    .filter((s) => s.view.authorId === authorId && s.body.type === 'summary-consent')
    .sort((a, b) => b.view.createdAt.localeCompare(a.view.createdAt))[0];
  return latest?.body.type === 'summary-consent' ? latest.body.include : false;
}

export const okVoid = () => ok(undefined);
