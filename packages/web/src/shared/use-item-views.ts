import { useCallback, useRef, useState } from 'preact/hooks';
import type { Result } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { useLiveReload } from './use-live-reload.ts';

/**
 * A practice's items by id: loaded on mount, refreshed as `useLiveReload` says, and
 * merged with each local write at once. `load` must keep its identity across renders
 * (a module-level function). A refresh that started before a local write is dropped,
 * so it can never bring back the older list.
 */
export function useItemViews(load: () => Promise<Result<readonly ItemView[]>>, pollMs: number | undefined) {
  const [views, setViews] = useState<ReadonlyMap<string, ItemView> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const writes = useRef(0);

  const reload = useCallback(async () => {
    const startedAt = writes.current;
    const res = await load();
    if (!alive.current || writes.current !== startedAt) return;
    if (res.ok) {
      setViews(new Map(res.value.map((v) => [v.id, v])));
      setError(null);
    } else setError(res.message);
  }, [load]);

  useLiveReload(reload, pollMs, alive);

  const merge = useCallback((view: ItemView) => {
    writes.current += 1;
    setViews((prev) => new Map(prev ?? []).set(view.id, view));
  }, []);

  return { views, error, setError, reload, merge, alive };
}
