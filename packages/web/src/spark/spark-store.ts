import type { SparkStatusResponse } from '@hearth/core/api';
import { createStore } from '../shared/store.ts';

// The stores alone, so that signing in and out can clear them without downloading Spark (decision 0046).

/**
 * Spark's consent state for this device, shared by every Spark screen (decision 0032):
 * my own settings plus the effective state and level the server works out. The
 * partner's own level is never sent here, so no screen can show it.
 */
export type SparkLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly spark: SparkStatusResponse };

export const sparkStore = createStore<SparkLoad>({ status: 'loading' });

/** Whether Spark's app lock is open in this tab (decision 0035); starts locked on every load. */
export const sparkUnlockedStore = createStore(false);

export function lockSpark(): void {
  sparkUnlockedStore.set(false);
}

/** Forget what this device knew, and lock Spark again (sign-in, sign-out). */
export function clearSpark(): void {
  sparkStore.set({ status: 'loading' });
  lockSpark();
}
