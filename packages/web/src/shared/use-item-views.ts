import { useCallback, useRef, useState } from 'preact/hooks';
import type { Result } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { useLiveReload } from './use-live-reload.ts';

/**
 * A practice's items by id: loaded on mount, refreshed as `useLiveReload` says, and
 * merged with each local write at once. `load` must keep its identity across renders
 * (a module-level function, or one memoised on its inputs). A refresh that started
 * before a local write is dropped, so it can never bring back the older list.
 * `onLoaded` runs after each successful load, before `reload` resolves, with the fresh
 * items (Together's ideas then ask which answers match).
 */
export function useItemViews(
  load: () => Promise<Result<readonly ItemView[]>>,
  pollMs: number | undefined,
  onLoaded?: (views: ReadonlyMap<string, ItemView>) => Promise<void> | void,
) {
  const [views, setViews] = useState<ReadonlyMap<string, ItemView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const writes = useRef(0);
  // The newest callback, without making every reload depend on its identity.
  const afterLoad = useRef(onLoaded);
  afterLoad.current = onLoaded;

  const reload = useCallback(async () => {
    const startedAt = writes.current;
    const res = await load();
    if (!alive.current || writes.current !== startedAt) return;
    if (!res.ok) {
      setError(res.message);
      return;
    }
    const fresh = new Map(res.value.map((v) => [v.id, v]));
    setViews(fresh);
    setError(null);
    await afterLoad.current?.(fresh);
  }, [load]);

  useLiveReload(reload, pollMs, alive);

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
