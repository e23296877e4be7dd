import { useCallback } from 'preact/hooks';
import { err, ok, type Result, type SparkLevel, type SparkSettings } from '@hearth/core';
import { sparkStatusResponse, type SparkStatusResponse } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { useStore } from '../shared/store.ts';
import { sparkStore, type SparkLoad } from './spark-store.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import { NO_ITEMS } from '../shared/live.ts';

export * from './spark-store.ts';

export async function loadSpark(): Promise<Result<SparkStatusResponse, string>> {
  const res = await api.get(endpoints.spark, sparkStatusResponse);
  if (res.ok) sparkStore.set({ status: 'ready', spark: res.value });
  else if (sparkStore.get().status !== 'ready') sparkStore.set({ status: 'error', message: res.message });
  return res;
}

export async function saveSpark(settings: SparkSettings): Promise<Result<SparkStatusResponse, string>> {
  const res = await api.put(endpoints.spark, settings, sparkStatusResponse);
  if (res.ok) sparkStore.set({ status: 'ready', spark: res.value });
  return res.ok ? ok(res.value) : err(res.code, res.message);
}

export type UseSpark = {
  readonly load: SparkLoad;
  /** The effective level while Spark is on, else null: the ceiling for anything shown or sent. */
  readonly level: SparkLevel | null;
  readonly reload: () => Promise<void>;
  readonly save: (settings: SparkSettings) => Promise<Result<SparkStatusResponse, string>>;
};


/** The consent state, loaded on first use and whenever the space changes; polled every `pollMs` only while the live stream is down (the partner may pause at any time). */
export function useSpark(options: { pollMs?: number } = {}): UseSpark {
  const load = useStore(sparkStore);
  const reload = useCallback(async () => {
    await loadSpark();
  }, []);
  // Consent lives in the space (spark_consent announces itself), so a pause reaches here live.
  useLiveReload(reload, options.pollMs, undefined, NO_ITEMS);
  const level = load.status === 'ready' ? load.spark.effectiveLevel : null;
  return { load, level, reload, save: saveSpark };
}
