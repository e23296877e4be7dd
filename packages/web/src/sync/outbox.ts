import { describeConflict, enqueue, isOwnEcho, nextToSend, onAck, onFailure, onReload, settleConflict, type OutboxEntry } from '@hearth/core';
import { itemResponse, type ItemKind, type ItemView } from '@hearth/core/api';
import { api, type ApiResult } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { liveStatus } from '../shared/live.ts';
import { createStore } from '../shared/store.ts';
import { changeOutbox, forgetItem, keepItem, readOutbox, type HearthOutbox, type PendingCreate, type PendingWrite } from './device-copy.ts';

/**
 * Sends the outbox (issue 23): writes made while Hearth could not reach the server, sealed
 * already, in the order they were made, one at a time, with core's retry rules. It runs
 * whenever the page opens, the browser says it is online again, the live stream comes
 * back, or a write is queued; a closed tab loses nothing because the queue lives in IndexedDB.
 */

/** What the offline line shows: writes waiting, edits that met a newer version, and the last write the server refused. */
export type OutboxStatus = { readonly waiting: number; readonly conflicts: number; readonly refused: string | null };
export const outboxStatus = createStore<OutboxStatus>({ waiting: 0, conflicts: 0, refused: null });

/** The ids of items whose write is still in the outbox, for their "waiting to send" mark. */
export const pendingIds = createStore<ReadonlySet<string>>(new Set());

/** Whether this item's write is still waiting in the outbox (so a screen says "when you're back online", not "sent"). */
export const isWaiting = (id: string): boolean => pendingIds.get().has(id);

function publish(outbox: HearthOutbox): void {
  const current = outboxStatus.get();
  if (current.waiting !== outbox.queue.length || current.conflicts !== outbox.conflicts.length) {
    outboxStatus.set({ ...current, waiting: outbox.queue.length, conflicts: outbox.conflicts.length });
  }
  const ids = new Set(outbox.queue.map((e) => e.id));
  const before = pendingIds.get();
  if (ids.size !== before.size || [...ids].some((id) => !before.has(id))) pendingIds.set(ids);
}

async function queue(id: string, build: (outbox: HearthOutbox) => PendingWrite): Promise<boolean> {
  const kept = await changeOutbox((o) => {
    const payload = build(o);
    const next = enqueue(o, { id, op: payload.op, payload });
    return [next, next] as const;
  }, null);
  if (kept === null) return false;
  publish(kept);
  scheduleDrain(0);
  return true;
}

/** The create of this item that has never left the device, if its last write is one (core folds edits into it). */
function unsentCreate(outbox: HearthOutbox, id: string): PendingCreate | null {
  const last = outbox.queue.filter((e) => e.id === id).at(-1);
  return last?.payload.op === 'create' && last.state === 'waiting' && last.attempts === 0 ? last.payload : null;
}

/** Queues a create the server could not be reached for; false when this browser cannot keep it (no IndexedDB). */
export function queueCreate(pending: PendingCreate): Promise<boolean> {
  return queue(pending.request.id, () => pending);
}

/** Queues an edit made offline, on the version it was made on; an edit of an unsent item just changes what its create will send. */
export function queueUpdate(request: Extract<PendingWrite, { op: 'update' }>['request'], view: ItemView): Promise<boolean> {
  return queue(view.id, (o) => {
    const create = unsentCreate(o, view.id);
    if (create === null) return { op: 'update', request, view };
    const { body, remindAt, schedule } = request;
    return {
      op: 'create',
      request: { ...create.request, body, ...(remindAt === undefined ? {} : { remindAt }), ...(schedule === undefined ? {} : { schedule }) },
      view: { ...view, version: 1 },
    };
  });
}

export function queueDelete(view: ItemView): Promise<boolean> {
  return queue(view.id, () => ({ op: 'delete', view }));
}

/**
 * A list as it will be once the outbox is sent: queued items added or replaced, queued
 * deletions gone. Online and offline alike, so a reload never makes a waiting write vanish.
 */
export async function withPending(list: readonly ItemView[], kind?: ItemKind): Promise<ItemView[]> {
  const { queue: entries } = await readOutbox();
  const relevant = entries.filter((e) => kind === undefined || e.payload.view.kind === kind);
  if (relevant.length === 0) return [...list];
  const byId = new Map(list.map((v) => [v.id, v]));
  const added: ItemView[] = [];
  for (const { payload } of relevant) {
    if (payload.op === 'delete') byId.delete(payload.view.id);
    else if (byId.has(payload.view.id)) byId.set(payload.view.id, payload.view);
    else if (payload.op === 'create') {
      byId.set(payload.view.id, payload.view);
      added.push(payload.view);
    }
  }
  const fresh = new Set(added.map((v) => v.id));
  return [...added.filter((v) => byId.has(v.id)).reverse(), ...[...byId.values()].filter((v) => !fresh.has(v.id))];
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

const itemPath = (id: string) => `${endpoints.items}/${encodeURIComponent(id)}`;

/** What the server said to one write, in the outbox's terms. */
type Sent = { readonly outcome: 'ack'; readonly item: ItemView | null } | { readonly outcome: 'network' | 'rejected' | 'conflict'; readonly message: string };

const transient = (res: ApiResult<unknown>) =>
  // No answer, a busy or restarting server, or a lost session: the write waits (sending it again is safe, ids are the client's).
  !res.ok && (res.code === 'network' || res.status === undefined || res.status >= 500 || res.status === 401 || res.status === 429);

async function send(entry: OutboxEntry<PendingWrite>): Promise<Sent> {
  const { payload } = entry;
  if (payload.op === 'create') {
    const res = await api.post(endpoints.items, payload.request, itemResponse);
    if (res.ok) return { outcome: 'ack', item: res.value.item };
    return { outcome: transient(res) ? 'network' : 'rejected', message: res.message };
  }
  if (payload.op === 'delete') {
    const res = await api.send('DELETE', itemPath(entry.id));
    // Gone already (an earlier try whose answer was lost, or the partner's removal) is what was asked for.
    if (res.ok || res.code === 'not_found') return { outcome: 'ack', item: null };
    return { outcome: transient(res) ? 'network' : 'rejected', message: res.message };
  }
  const res = await api.put(itemPath(entry.id), payload.request, itemResponse);
  if (res.ok) return { outcome: 'ack', item: res.value.item };
  if (res.code !== 'stale_version') return { outcome: transient(res) ? 'network' : 'rejected', message: res.message };
  const now = await api.get(itemPath(entry.id), itemResponse);
  if (!now.ok) return { outcome: transient(now) ? 'network' : 'rejected', message: now.message };
  await keepItem(now.value.item);
  const conflict = describeConflict(entry.id, { version: payload.request.baseVersion ?? 0, body: payload.request.body }, { version: now.value.item.version, body: now.value.item.body });
  // Our own earlier try did land and only its answer was lost.
  if (isOwnEcho(conflict, (a, b) => a === b)) return { outcome: 'ack', item: now.value.item };
  return { outcome: 'conflict', message: res.message };
}

async function sendAll(): Promise<void> {
  for (;;) {
    const next = await changeOutbox((o) => {
      const n = nextToSend(o);
      return n ? ([n.outbox, n.entry] as const) : ([o, undefined] as const);
    }, undefined);
    if (next === undefined) return;
    const sent = await send(next);
    if (sent.outcome === 'ack') {
      const after = await changeOutbox((o) => {
        const acked = onAck(o, next.seq);
        return [acked, acked] as const;
      }, null);
      if (sent.item) await keepItem(sent.item);
      else await forgetItem(next.id);
      if (after) publish(after);
      continue;
    }
    const outcome = await changeOutbox((o) => {
      const failed = onFailure(o, next.seq, sent.outcome);
      return [failed.outbox, failed] as const;
    }, null);
    if (outcome === null) return;
    publish(outcome.outbox);
    if (outcome.outcome === 'retry') {
      scheduleDrain(outcome.delayMs);
      return;
    }
    if (outcome.outcome === 'dropped') outboxStatus.set({ ...outboxStatus.get(), refused: sent.message });
  }
}

/** The edits that met a newer version, oldest first, for the author to choose between. */
export async function parkedConflicts(): Promise<readonly OutboxEntry<PendingWrite>[]> {
  return (await readOutbox()).conflicts;
}

/** The author chose: their edit again, made on the version the server has now, or the server's version. */
export async function settleParked(entry: OutboxEntry<PendingWrite>, keep: 'mine' | 'theirs', theirsVersion: number): Promise<ApiResult<void>> {
  if (keep === 'mine' && entry.payload.op === 'update') {
    const res = await api.put(itemPath(entry.id), { ...entry.payload.request, baseVersion: theirsVersion }, itemResponse);
    if (!res.ok) return res;
    await keepItem(res.value.item);
  }
  const after = await changeOutbox((o) => {
    const settled = settleConflict(o, entry.seq);
    return [settled, settled] as const;
  }, null);
  if (after) publish(after);
  return { ok: true, value: undefined };
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
  outboxStatus.set({ waiting: 0, conflicts: 0, refused: null });
  pendingIds.set(new Set());
}
