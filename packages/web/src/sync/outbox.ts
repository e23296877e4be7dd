import { enqueue, nextToSend, onAck, onFailure, onReload } from '@hearth/core';
import { itemResponse, type ItemKind, type ItemView } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { liveStatus } from '../shared/live.ts';
import { createStore } from '../shared/store.ts';
import { changeOutbox, keepItem, readOutbox, type HearthOutbox, type PendingCreate } from './device-copy.ts';

/**
 * Sends the outbox (issue 23): writes made while Hearth could not reach the server, sealed
 * already, in the order they were made, one at a time, with core's retry rules. It runs
 * whenever the page opens, the browser says it is online again, or a write is queued; a
 * closed tab loses nothing because the queue lives in IndexedDB.
 */

/** What the banner shows: how many writes wait, and the last one the server refused for good. */
export type OutboxStatus = { readonly waiting: number; readonly refused: string | null };
export const outboxStatus = createStore<OutboxStatus>({ waiting: 0, refused: null });

/** Told about each queued item once the server has it, so an open screen can swap in the server's copy. */
const sentListeners = new Set<(view: ItemView) => void>();
export function onOutboxSent(listener: (view: ItemView) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

/** The ids of items whose write is still in the outbox, for their "waiting to send" mark. */
export const pendingIds = createStore<ReadonlySet<string>>(new Set());

function publish(outbox: HearthOutbox): void {
  const current = outboxStatus.get();
  if (current.waiting !== outbox.queue.length) outboxStatus.set({ ...current, waiting: outbox.queue.length });
  const ids = new Set(outbox.queue.map((e) => e.id));
  const before = pendingIds.get();
  if (ids.size !== before.size || [...ids].some((id) => !before.has(id))) pendingIds.set(ids);
}

/** Queues a create the server could not be reached for; false when this browser cannot keep it (no IndexedDB). */
export async function queueCreate(pending: PendingCreate): Promise<boolean> {
  const kept = await changeOutbox((o) => {
    const next = enqueue(o, { id: pending.request.id, op: 'create', payload: pending });
    return [next, next] as const;
  }, null);
  if (kept === null) return false;
  publish(kept);
  scheduleDrain(0);
  return true;
}

/** The items of a kind still waiting to be sent, to show beside the server's (or the copy's) list. */
export async function pendingViews(kind?: ItemKind): Promise<ItemView[]> {
  const outbox = await readOutbox();
  return outbox.queue.filter((e) => e.op === 'create' && (kind === undefined || e.payload.view.kind === kind)).map((e) => e.payload.view);
}

export function dismissRefused(): void {
  outboxStatus.set({ ...outboxStatus.get(), refused: null });
}

let timer: ReturnType<typeof setTimeout> | null = null;
let draining = false;

function scheduleDrain(delayMs: number): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void drain();
  }, delayMs);
}

/** One write at a time; another tab that holds the lock is already sending. */
async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    if ('locks' in navigator) await navigator.locks.request('hearth-outbox', { ifAvailable: true }, async (lock) => (lock ? sendAll() : undefined));
    else await sendAll();
  } finally {
    draining = false;
  }
}

async function sendAll(): Promise<void> {
  for (;;) {
    const next = await changeOutbox((o) => {
      const n = nextToSend(o);
      return n ? ([n.outbox, n.entry] as const) : ([o, undefined] as const);
    }, undefined);
    if (next === undefined) return;
    const res = await api.post(endpoints.items, next.payload.request, itemResponse);
    if (res.ok) {
      const after = await changeOutbox((o) => {
        const acked = onAck(o, next.seq);
        return [acked, acked] as const;
      }, null);
      await keepItem(res.value.item);
      if (after) publish(after);
      for (const listener of [...sentListeners]) listener(res.value.item);
      continue;
    }
    // No answer, a busy or restarting server, or a lost session: the write waits (sending it again is safe, ids are the client's).
    const transient = res.code === 'network' || res.status === undefined || res.status >= 500 || res.status === 401 || res.status === 429;
    const outcome = await changeOutbox((o) => {
      const failed = onFailure(o, next.seq, transient ? 'network' : 'rejected');
      return [failed.outbox, failed] as const;
    }, null);
    if (outcome === null) return;
    publish(outcome.outbox);
    if (outcome.outcome === 'retry') {
      scheduleDrain(outcome.delayMs);
      return;
    }
    if (outcome.outcome === 'dropped') outboxStatus.set({ ...outboxStatus.get(), refused: res.message });
  }
}

let started = false;

/** On start: whatever was in flight when the page closed goes back to waiting, and sending begins. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  void changeOutbox((o) => {
    const reset = onReload(o);
    return [reset, reset] as const;
  }, null).then((o) => {
    if (o) publish(o);
    scheduleDrain(0);
  });
  window.addEventListener('online', () => scheduleDrain(0));
  // The stream coming back is the surest sign the server is up again (a restart, not a lost signal).
  liveStatus.subscribe((status) => {
    if (status === 'live' && outboxStatus.get().waiting > 0) scheduleDrain(0);
  });
}

/** Sign-out wipes the copy; the counts go with it. */
export function resetOutboxStatus(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  outboxStatus.set({ waiting: 0, refused: null });
  pendingIds.set(new Set());
}
