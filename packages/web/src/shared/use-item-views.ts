import { useCallback, useRef, useState } from 'preact/hooks';
import type { Result } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { useLiveReload } from './use-live-reload.ts';

/**
 * A practice's items by id: loaded on mount, refreshed as `useLiveReload` says, and
 * merged with each local write at once. `load` must keep its identity across renders
 * (a module-level function, or one memoised on its inputs), and so must `topics` (what
 * live changes concern it: its item kinds, `match:<deck>`). A refresh that started
 * before a local write is asked again, so it can never bring back the older list.
 * `onLoaded` runs after each successful load, before `reload` resolves, with the fresh
 * items (Together's ideas then ask which answers match).
 */
export function useItemViews(
  load: () => Promise<Result<readonly ItemView[]>>,
  pollMs: number | undefined,
  onLoaded?: (views: ReadonlyMap<string, ItemView>) => Promise<void> | void,
  topics?: readonly string[],
) {
  const [views, setViews] = useState<ReadonlyMap<string, ItemView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const writes = useRef(0);
  // The newest callback, without making every reload depend on its identity.
  const afterLoad = useRef(onLoaded);
  afterLoad.current = onLoaded;

  const reload = useCallback(async () => {
    // A write of ours that lands during a load may be missing from its answer, and so may
    // what the server revealed because of it (the partner's side, once both are written):
    // that answer is dropped and the list asked for again, rather than waiting for a poll.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const startedAt = writes.current;
      const res = await load();
      if (!alive.current) return;
      if (writes.current !== startedAt) continue;
      if (!res.ok) {
        setError(res.message);
        return;
      }
      const fresh = new Map(res.value.map((v) => [v.id, v]));
      setViews(fresh);
      setError(null);
      await afterLoad.current?.(fresh);
      return;
    }
  }, [load]);

  useLiveReload(reload, pollMs, alive, topics);

  const merge = useCallback((view: ItemView) => {
    writes.current += 1;
    setViews((prev) => new Map(prev ?? []).set(view.id, view));
  }, []);

  const drop = useCallback((id: string) => {
    writes.current += 1;
    setViews((prev) => {
      const next = new Map(prev ?? []);
      next.delete(id);
      return next;
    });
  }, []);

  return { views, error, setError, reload, merge, drop, alive };
}
