import { useCallback, useMemo, useState } from 'preact/hooks';
import { checkinBody, checkinReplyBody, ok, type CheckinBody, type Result } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { listItems, openItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';

/** A reply under a check-in; text is null when it couldn't be decrypted (kept and flagged, never dropped). */
export type CheckinReply = { readonly item: ItemView; readonly text: string | null };

export type CheckinEntry = {
  readonly item: ItemView;
  /** null when the body couldn't be decrypted or read. */
  readonly body: CheckinBody | null;
  /** Who said "heard you", by user id. */
  readonly heardBy: readonly string[];
  /** Oldest first. */
  readonly replies: readonly CheckinReply[];
};

export type CheckinItems = {
  readonly checkins: readonly ItemView[];
  readonly heard: readonly ItemView[];
  readonly replies: readonly ItemView[];
};

const CHECKIN_KINDS = ['checkin', 'checkin-heard', 'checkin-reply'] as const;

const byCreated = (a: ItemView, b: ItemView) => a.createdAt.localeCompare(b.createdAt);

export function decodeCheckins(items: CheckinItems, keys: ItemKeys): CheckinEntry[] {
  return items.checkins
    .filter((i) => i.kind === 'checkin')
    .map((item): CheckinEntry => {
      const opened = openItem(item, keys, checkinBody);
      return {
        item,
        body: opened.ok ? opened.value : null,
        heardBy: items.heard.filter((h) => h.parentId === item.id).map((h) => h.authorId),
        replies: items.replies
          .filter((r) => r.parentId === item.id)
          .sort(byCreated)
          .map((r) => {
            const text = openItem(r, keys, checkinReplyBody);
            return { item: r, text: text.ok ? text.value.text : null };
          }),
      };
    })
    .sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt));
}

function withItem(items: CheckinItems, item: ItemView): CheckinItems {
  const add = (list: readonly ItemView[]) => [item, ...list.filter((i) => i.id !== item.id)];
  switch (item.kind) {
    case 'checkin':
      return { ...items, checkins: add(items.checkins) };
    case 'checkin-heard':
      return { ...items, heard: add(items.heard) };
    case 'checkin-reply':
      return { ...items, replies: add(items.replies) };
    default:
      return items;
  }
}

async function fetchCheckinItems(): Promise<Result<CheckinItems>> {
  const [checkins, heard, replies] = await Promise.all([listItems(CHECKIN_KINDS[0]), listItems(CHECKIN_KINDS[1]), listItems(CHECKIN_KINDS[2])]);
  if (!checkins.ok) return checkins;
  if (!heard.ok) return heard;
  if (!replies.ok) return replies;
  return ok({ checkins: checkins.value, heard: heard.value, replies: replies.value });
}

/**
 * Check-ins with their "heard you"s and replies, decrypted on this device. Loads on
 * mount and again when the tab comes back into view; `add` puts a just-written item
 * in place without a round trip.
 */
export function useCheckins(session: Unlocked, space: LoadedSpace) {
  const keys = useMemo<ItemKeys>(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const [items, setItems] = useState<CheckinItems | null>(null);

  const load = useCallback(async () => {
    const res = await fetchCheckinItems();
    if (res.ok) setItems(res.value);
    return res;
  }, []);
  const loader = useAction(load);

  // Now, when the tab is shown again, and when the live stream says the space changed.
  const reload = useCallback(async () => {
    await loader.run();
  }, [loader.run]);
  useLiveReload(reload, undefined, undefined, CHECKIN_KINDS);

  const entries = useMemo(() => (items === null ? null : decodeCheckins(items, keys)), [items, keys]);
  const add = useCallback((item: ItemView) => setItems((prev) => withItem(prev ?? { checkins: [], heard: [], replies: [] }, item)), []);

  return { entries, items, keys, add, loading: loader.busy, error: loader.error, reload: loader.run };
}

export type CheckinsState = ReturnType<typeof useCheckins>;
