import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import type { SessionContext } from '../auth/store.ts';
import type { ChangeHandlers } from '../db/changes.ts';

/** What a cache hit needs: the session check's result, to re-check its timeouts, and what was kept with it. */
export type Kept<T> = { readonly context: SessionContext; readonly body: T };
export type CachedToday = Kept<Uint8Array<ArrayBuffer>>;

/** Taken before reading what will be stored: a change announced after it makes the read stale. */
export type Ticket = { readonly seq: number; readonly at: number };

type Entry<T> = Kept<T> & { readonly seq: number; readonly until: number };

const keyOf = (tokenHash: Uint8Array): string => Buffer.from(tokenHash).toString('base64url');

export type TodayCacheOptions = {
  readonly ttlMs: number;
  /** At most this many bytes of answers (each entry counts its session rows as 2 KB more). */
  readonly maxBytes?: number;
  /** Monotonic milliseconds; tests move it by hand. */
  readonly clock?: () => number;
};

/**
 * Answers kept in memory per session (decision 0048: Today's; decision 0058: the session
 * check itself). An answer is served only
 * while nothing it was made from has changed: the database announces every change to a
 * user or a space (migration 0011), this process announces its own writes as they finish,
 * and an answer read before an announcement for its user or space is never served after
 * it. Time-driven changes (a scheduled Spark message coming due) wait for the TTL.
 *
 * Instead of finding and deleting entries, each announcement gets a sequence number; an
 * entry carries the number current when its read began and is stale once its user or
 * space has a later one. That also settles the race where a slow read finishes after
 * a change it did not see.
 */
export class SessionKeyedCache<T> {
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #entries: LRUCache<string, Entry<T>>;
  /** Last announcement per key ('user:<id>', 'space:<id>'): its sequence number and when it came. */
  readonly #changed = new Map<string, { seq: number; at: number }>();
  #seq = 0;
  /** Entries read before this are suspect as a whole (announcements were missed, or 'all'). */
  #resetSeq = 0;
  /** False until the database's announcements are heard, and whenever they may be missed. */
  #live = false;
  #prunedAt: number;

  constructor(options: TodayCacheOptions, sizeOf: (body: T) => number) {
    this.#ttlMs = options.ttlMs;
    this.#clock = options.clock ?? (() => performance.now());
    this.#prunedAt = this.#clock();
    this.#entries = new LRUCache<string, Entry<T>>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      // The context's rows are small; count them roughly.
      sizeCalculation: (e) => sizeOf(e.body) + 2048,
    });
  }

  /** To pass to `Database.watchChanges`. */
  readonly handlers: ChangeHandlers = {
    change: (key) => this.#announce(key),
    gap: () => {
      this.#live = false;
      this.#reset();
    },
    live: () => {
      this.#reset();
      this.#live = true;
    },
  };

  get live(): boolean {
    return this.#live;
  }

  /** How many answers are held (for tests and the operator's curiosity). */
  get size(): number {
    return this.#entries.size;
  }

  begin(): Ticket {
    return { seq: this.#seq, at: this.#clock() };
  }

  /** Kept under the session it was made for (`value.context.session.tokenHash`). */
  store(ticket: Ticket, value: Kept<T>): void {
    if (!this.#live || this.#ttlMs <= 0) return;
    const entry: Entry<T> = { ...value, seq: ticket.seq, until: ticket.at + this.#ttlMs };
    if (this.#fresh(entry)) this.#entries.set(keyOf(value.context.session.tokenHash), entry);
  }

  /** The answer kept for the session whose token hashes to `tokenHash`, if still good. */
  lookup(tokenHash: Uint8Array): Kept<T> | undefined {
    const key = keyOf(tokenHash);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#live && this.#fresh(entry)) return entry;
    this.#entries.delete(key);
    return undefined;
  }

  /** This process's own write for this user (and space) has finished: its next read must see it. */
  changedBy(userId: string, spaceId: string | null): void {
    this.#announce(`user:${userId}`);
    if (spaceId !== null) this.#announce(`space:${spaceId}`);
  }

  /** Forgets the entry of this session (it was just written to: its next check reads it afresh). */
  forget(tokenHash: Uint8Array): void {
    this.#entries.delete(keyOf(tokenHash));
  }

  #fresh(entry: Entry<T>): boolean {
    if (entry.seq < this.#resetSeq || this.#clock() >= entry.until) return false;
    const user = this.#changed.get(`user:${entry.context.user.id}`);
    if (user !== undefined && user.seq > entry.seq) return false;
    const spaceId = entry.context.space?.id;
    const space = spaceId === undefined ? undefined : this.#changed.get(`space:${spaceId}`);
    return space === undefined || space.seq <= entry.seq;
  }

  #announce(key: string): void {
    if (key === 'all') {
      this.#reset();
      return;
    }
    // Today's answer holds no items (core's todayResponse): an item's change ('item:…', migration 0014) leaves it right.
    if (!key.startsWith('user:') && !key.startsWith('space:')) return;
    const at = this.#clock();
    this.#changed.set(key, { seq: ++this.#seq, at });
    this.#prune(at);
  }

  #reset(): void {
    this.#resetSeq = ++this.#seq;
    this.#entries.clear();
    this.#changed.clear();
  }

  /**
   * An announcement older than the TTL can be forgotten: every entry read before it began
   * before it, so has expired by now. Keeps the map to the last TTL's worth of writers.
   */
  #prune(now: number): void {
    if (now - this.#prunedAt < this.#ttlMs) return;
    this.#prunedAt = now;
    for (const [key, { at }] of this.#changed) {
      if (now - at > this.#ttlMs) this.#changed.delete(key);
    }
  }
}

/** Today's answers, as bytes (decision 0048). */
export class TodayCache extends SessionKeyedCache<Uint8Array<ArrayBuffer>> {
  constructor(options: TodayCacheOptions) {
    super(options, (body) => body.byteLength);
  }
}

/**
 * Session checks (decision 0058): the session, its user and their membership, read once
 * and then kept like Today's answers, so a signed-in request needs no statement just to
 * learn who is asking. Ended, signed-out, moved or departed sessions are announced like
 * any change; the idle and absolute timeouts are re-checked on every use.
 */
export class SessionCache extends SessionKeyedCache<null> {
  constructor(options: TodayCacheOptions) {
    super(options, () => 0);
  }
}
