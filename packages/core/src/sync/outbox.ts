/**
 * The outbox of sealed writes made while offline, as plain data so the web app
 * can keep it in IndexedDB as is (structured clone keeps no functions or classes).
 * Every function returns a new outbox and never changes the one it was given.
 */

export type OutboxOp = 'create' | 'update' | 'delete';
export type OutboxState = 'waiting' | 'sending';

export interface OutboxEntry<P> {
  /** Assigned in order by `enqueue`; writes go out in this order so the server sees them as the person made them. */
  readonly seq: number;
  /** The item the write is about (ids are chosen by the client, so a create can be resent safely). */
  readonly id: string;
  readonly op: OutboxOp;
  /** How many times the write has been handed out to send; 0 means it has certainly never reached the server. */
  readonly attempts: number;
  readonly state: OutboxState;
  /** The sealed write itself; its shape is the app's business. */
  readonly payload: P;
}

export interface Outbox<P> {
  readonly nextSeq: number;
  /** Writes still to send, in seq order. */
  readonly queue: readonly OutboxEntry<P>[];
  /** Updates the server refused as stale, parked until the author picks a version (see conflict.ts). */
  readonly conflicts: readonly OutboxEntry<P>[];
}

export interface OutboxWrite<P> {
  readonly id: string;
  readonly op: OutboxOp;
  readonly payload: P;
}

export type FailureKind = 'network' | 'rejected' | 'conflict';

export type FailureOutcome<P> =
  /** Kept at the head; the app waits `delayMs` before calling `nextToSend` again. */
  | { readonly outcome: 'retry'; readonly outbox: Outbox<P>; readonly delayMs: number }
  /** Removed for good; the app tells the person their change did not go through. */
  | { readonly outcome: 'dropped'; readonly outbox: Outbox<P>; readonly entry: OutboxEntry<P> }
  /** Moved to `conflicts`; the rest of the queue goes on. */
  | { readonly outcome: 'parked'; readonly outbox: Outbox<P>; readonly entry: OutboxEntry<P> }
  /** The failure was about a write that is not in flight (a late answer after a reload): nothing changed. */
  | { readonly outcome: 'ignored'; readonly outbox: Outbox<P> };

export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 60_000;

export function emptyOutbox<P>(): Outbox<P> {
  return { nextSeq: 1, queue: [], conflicts: [] };
}

const neverSent = <P>(entry: OutboxEntry<P>): boolean => entry.state === 'waiting' && entry.attempts === 0;

/**
 * Adds a write at the end of the queue, with two shortcuts that are only safe while
 * the item's create has never left the device (a create that may have reached the
 * server must be resent byte for byte, or the idempotent POST would keep the first body):
 * - an update is folded into that create, so one request carries the latest body;
 * - a delete removes that create and is not queued itself: the server never hears of the item.
 * The create must also be the item's last entry: folding into an earlier one would let
 * an older update that follows it overwrite the newer body.
 */
export function enqueue<P>(outbox: Outbox<P>, write: OutboxWrite<P>): Outbox<P> {
  const last = lastEntryFor(outbox.queue, write.id);
  const unsentCreate = last !== undefined && last.op === 'create' && neverSent(last) ? last : undefined;
  if (unsentCreate !== undefined && write.op === 'update') {
    return { ...outbox, queue: outbox.queue.map((e) => (e.seq === unsentCreate.seq ? { ...e, payload: write.payload } : e)) };
  }
  if (unsentCreate !== undefined && write.op === 'delete') {
    return { ...outbox, queue: outbox.queue.filter((e) => e.seq !== unsentCreate.seq) };
  }
  const entry: OutboxEntry<P> = { seq: outbox.nextSeq, id: write.id, op: write.op, attempts: 0, state: 'waiting', payload: write.payload };
  return { ...outbox, nextSeq: outbox.nextSeq + 1, queue: [...outbox.queue, entry] };
}

function lastEntryFor<P>(queue: readonly OutboxEntry<P>[], id: string): OutboxEntry<P> | undefined {
  for (let i = queue.length - 1; i >= 0; i--) {
    const entry = queue[i];
    if (entry?.id === id) return entry;
  }
  return undefined;
}

/**
 * Hands out the head of the queue, marked as sending, or nothing when the queue is
 * empty or the head is already in flight. Strict FIFO with one request at a time:
 * a later write to the same item can never overtake an earlier one.
 */
export function nextToSend<P>(outbox: Outbox<P>): { readonly outbox: Outbox<P>; readonly entry: OutboxEntry<P> } | undefined {
  const [head, ...rest] = outbox.queue;
  if (head === undefined || head.state === 'sending') return undefined;
  const entry: OutboxEntry<P> = { ...head, state: 'sending', attempts: head.attempts + 1 };
  return { outbox: { ...outbox, queue: [entry, ...rest] }, entry };
}

const inFlight = <P>(outbox: Outbox<P>, seq: number): OutboxEntry<P> | undefined => {
  const head = outbox.queue[0];
  return head !== undefined && head.seq === seq && head.state === 'sending' ? head : undefined;
};

/** The server accepted the write in flight: it leaves the queue. An answer for any other seq changes nothing. */
export function onAck<P>(outbox: Outbox<P>, seq: number): Outbox<P> {
  if (inFlight(outbox, seq) === undefined) return outbox;
  return { ...outbox, queue: outbox.queue.slice(1) };
}

/** Exponential backoff, so a long outage costs one request a minute rather than a busy loop. */
export function retryDelayMs(attempts: number): number {
  const exponent = Math.max(0, attempts - 1);
  // Past the cap the exact power does not matter, and 2 ** big would overflow to Infinity anyway.
  return exponent >= 16 ? RETRY_CAP_MS : Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
}

/**
 * The write in flight failed.
 * - 'network': it stays at the head, waiting, to be resent after the returned delay
 *   (it may have reached the server; resending is safe because writes are keyed by id).
 * - 'rejected' (a 4xx other than 409): resending would fail the same way, so it is dropped
 *   and returned for the app to tell the person.
 * - 'conflict' (409 stale_version): parked for the author to choose a version; the queue
 *   goes on. Before calling this, the app should check `isOwnEcho` (conflict.ts): a resent
 *   update whose first try did land is refused as stale too, and that one is an ack.
 */
export function onFailure<P>(outbox: Outbox<P>, seq: number, kind: FailureKind): FailureOutcome<P> {
  const entry = inFlight(outbox, seq);
  if (entry === undefined) return { outcome: 'ignored', outbox };
  const rest = outbox.queue.slice(1);
  switch (kind) {
    case 'network':
      return { outcome: 'retry', outbox: { ...outbox, queue: [{ ...entry, state: 'waiting' }, ...rest] }, delayMs: retryDelayMs(entry.attempts) };
    case 'rejected':
      return { outcome: 'dropped', outbox: { ...outbox, queue: rest }, entry };
    case 'conflict': {
      const parked: OutboxEntry<P> = { ...entry, state: 'waiting' };
      return { outcome: 'parked', outbox: { ...outbox, queue: rest, conflicts: [...outbox.conflicts, parked] }, entry: parked };
    }
  }
}

/** The author settled a parked conflict (see `resolveConflict`): it leaves the outbox. */
export function settleConflict<P>(outbox: Outbox<P>, seq: number): Outbox<P> {
  return { ...outbox, conflicts: outbox.conflicts.filter((e) => e.seq !== seq) };
}

/**
 * After the page was closed or reloaded no request is in flight any more, whatever the
 * stored state says: a 'sending' entry goes back to waiting and will be resent.
 */
export function onReload<P>(outbox: Outbox<P>): Outbox<P> {
  return { ...outbox, queue: outbox.queue.map((e) => (e.state === 'sending' ? { ...e, state: 'waiting' } : e)) };
}
