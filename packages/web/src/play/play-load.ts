import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import { playDraftRecord, playRounds, type PlayDraftRecord, type PlayItem, type RoundView } from '@hearth/core';
import type { ItemKind, ItemView } from '@hearth/core/api';
import { listItemsOfKinds, openItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * Play's items, decrypted on this device (issue 22), without the catalogs: Today only
 * needs whose turn it is, so it does not download the questions. The server withholds
 * the partner's answers until both have finished; `playRounds` checks that again.
 */

export const PLAY_KINDS: readonly ItemKind[] = ['play-round', 'play-answers', 'play-finished'];
/** Drafts live in the neutral private kind; only the ones of type `play-draft` are ours. */
const WITH_DRAFTS: readonly ItemKind[] = [...PLAY_KINDS, 'private-record'];
const anyBody = z.unknown();

export type Draft = { readonly view: ItemView; readonly body: PlayDraftRecord };

export type PlayLoaded = {
  readonly rounds: readonly RoundView[];
  readonly drafts: ReadonlyMap<string, Draft>;
  /** Play items that could not be opened here: counted and said, never silently dropped. */
  readonly unreadable: number;
};

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): PlayLoaded {
  const items: PlayItem[] = [];
  const drafts = new Map<string, Draft>();
  let unreadable = 0;
  for (const view of views) {
    if (view.kind === 'private-record') {
      if (view.authorId !== me) continue;
      const opened = openItem(view, keys, playDraftRecord);
      // Other private records (a pulse, a reflection) are not Play's to count.
      if (!opened.ok) continue;
      const had = drafts.get(opened.value.roundId);
      if (had === undefined || had.view.updatedAt < view.updatedAt) drafts.set(opened.value.roundId, { view, body: opened.value });
      continue;
    }
    const opened = openItem(view, keys, anyBody);
    if (!opened.ok) unreadable += 1;
    items.push({ id: view.id, kind: view.kind, authorId: view.authorId, parentId: view.parentId, createdAt: view.createdAt, body: opened.ok ? opened.value : null });
  }
  return { rounds: playRounds(items, me), drafts, unreadable };
}

/** The rounds (and, with `drafts`, this person's rounds in progress), reloaded live when either changes. */
export function usePlayRounds(session: Unlocked, space: LoadedSpace, drafts: boolean) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  const kinds = drafts ? WITH_DRAFTS : PLAY_KINDS;
  const [data, setData] = useState<PlayLoaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    const res = await listItemsOfKinds(kinds);
    if (!alive.current) return;
    if (res.ok) {
      setData(decode(res.value, keys, me));
      setError(null);
    } else setError(res.message);
  }, [keys, me, kinds]);

  useLiveReload(reload, undefined, alive, kinds);
  return { data, setData, error, reload, keys };
}
