import { randomBytes } from 'node:crypto';
import type { ChangeHandlers } from '../db/changes.ts';

/**
 * What a stream hears: `space` (something in the member's space changed), `you` (their
 * own account, sessions or notifications), `resync` (announcements may have been missed:
 * load everything again). Never what changed inside: the stream carries no content.
 */
export type LiveEventType = 'space' | 'you' | 'resync';

export type LiveEvent = { readonly id: string; readonly type: LiveEventType };

type Subscriber = { keys: ReadonlySet<string>; userKey: string; send: (event: LiveEvent) => void; end: () => void };

/** How many recent announcements are kept for a reconnecting stream's `Last-Event-ID`. */
const REPLAY = 2000;

/**
 * One per process (issue 20): fans the database's change feed (decision 0048) out to the
 * open `/api/events` streams. Event ids are `<origin>.<seq>`: `origin` is this process,
 * so a stream that reconnects to the same process is replayed what it missed, and one
 * that reconnects elsewhere (another `hearth serve`, or after a restart) is told to resync.
 */
export class EventHub {
  readonly #origin = randomBytes(6).toString('hex');
  #seq = 0;
  readonly #recent: { seq: number; key: string }[] = [];
  readonly #subscribers = new Set<Subscriber>();
  #live = false;

  readonly handlers: ChangeHandlers = {
    change: (key) => this.#announce(key),
    gap: () => {
      this.#live = false;
    },
    live: () => {
      // Whatever happened while the listener was down is unknown: every stream reloads.
      const wasDown = !this.#live;
      this.#live = true;
      if (wasDown) this.#resyncAll();
    },
  };

  get live(): boolean {
    return this.#live;
  }

  get streams(): number {
    return this.#subscribers.size;
  }

  /** The id a new stream starts from: everything after it will reach it. */
  currentId(): string {
    return `${this.#origin}.${String(this.#seq)}`;
  }

  /**
   * Subscribes a person (their `user:<id>`, and their space's `space:<id>`) and replays
   * what they missed since `lastEventId`, or a `resync` if that cannot be known. `end`
   * is called if the hub closes the stream itself. Returns the unsubscribe.
   */
  subscribe(
    userId: string,
    spaceId: string | null,
    send: (event: LiveEvent) => void,
    options: { lastEventId?: string | undefined; end?: () => void } = {},
  ): { close: () => void; move: (spaceId: string | null) => void } {
    const userKey = `user:${userId}`;
    const sub: Subscriber = { keys: keysFor(userKey, spaceId), userKey, send, end: options.end ?? (() => undefined) };
    const lastEventId = options.lastEventId;
    if (lastEventId !== undefined) this.#replay(sub, lastEventId);
    this.#subscribers.add(sub);
    return {
      close: () => this.#subscribers.delete(sub),
      move: (next) => {
        sub.keys = keysFor(userKey, next);
      },
    };
  }

  /** Ends every open stream (shutting down: an open stream would hold the server's close() forever). */
  closeAll(): void {
    for (const sub of [...this.#subscribers]) sub.end();
    this.#subscribers.clear();
  }

  #replay(sub: Subscriber, lastEventId: string): void {
    const [origin, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    const oldest = this.#recent[0]?.seq ?? this.#seq + 1;
    if (origin !== this.#origin || !Number.isInteger(seq) || seq > this.#seq || seq < oldest - 1) {
      sub.send({ id: this.currentId(), type: 'resync' });
      return;
    }
    for (const r of this.#recent) {
      if (r.seq > seq && sub.keys.has(r.key)) sub.send({ id: `${this.#origin}.${String(r.seq)}`, type: r.key === sub.userKey ? 'you' : 'space' });
    }
  }

  #announce(key: string): void {
    if (key === 'all') {
      this.#resyncAll();
      return;
    }
    if (!key.startsWith('space:') && !key.startsWith('user:')) return;
    this.#seq += 1;
    this.#recent.push({ seq: this.#seq, key });
    if (this.#recent.length > REPLAY) this.#recent.shift();
    const id = this.currentId();
    for (const sub of this.#subscribers) {
      if (sub.keys.has(key)) sub.send({ id, type: key === sub.userKey ? 'you' : 'space' });
    }
  }

  #resyncAll(): void {
    this.#seq += 1;
    // Nothing to replay across the gap: a stream reconnecting from before it resyncs.
    this.#recent.length = 0;
    const id = this.currentId();
    for (const sub of this.#subscribers) sub.send({ id, type: 'resync' });
  }
}

function keysFor(userKey: string, spaceId: string | null): ReadonlySet<string> {
  return new Set(spaceId === null ? [userKey] : [userKey, `space:${spaceId}`]);
}
