import { randomBytes } from 'node:crypto';
import type { ChangeHandlers } from '../db/changes.ts';

/**
 * What a stream hears: `item` (an item of this kind, with this id, that the member may
 * see changed in their space), `space` (the space itself or its membership changed),
 * `match` (a partner's blind-matching upload for this deck, decision 0011),
 * `you` (their own account, sessions or notifications), `resync` (announcements may have
 * been missed: load everything again). Never content: only what the server stores in
 * plaintext anyway (DESIGN §4).
 */
export type LiveEventType = 'item' | 'match' | 'space' | 'you' | 'resync';

export type LiveEvent =
  | { readonly id: string; readonly type: 'space' | 'you' | 'resync' }
  | { readonly id: string; readonly type: 'item'; readonly kind: string; readonly item: string }
  | { readonly id: string; readonly type: 'match'; readonly deck: string };

/** An announcement from the change feed, parsed once (db/changes.ts, migrations 0011 and 0014). */
type Change =
  | { readonly to: 'user'; readonly userId: string }
  | { readonly to: 'space'; readonly spaceId: string }
  | { readonly to: 'match'; readonly spaceId: string; readonly deck: string }
  | { readonly to: 'item'; readonly spaceId: string; readonly audience: string; readonly kind: string; readonly item: string };

type Subscriber = { userId: string; spaceId: string | null; send: (event: LiveEvent) => void; end: () => void };

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
  readonly #recent: { seq: number; change: Change }[] = [];
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
   * Subscribes a person (what changes for them, in their space, and its items they may see) and replays
   * what they missed since `lastEventId`, or a `resync` if that cannot be known. `end`
   * is called if the hub closes the stream itself. Returns the unsubscribe.
   */
  subscribe(
    userId: string,
    spaceId: string | null,
    send: (event: LiveEvent) => void,
    options: { lastEventId?: string | undefined; end?: () => void } = {},
  ): { close: () => void; move: (spaceId: string | null) => void } {
    const sub: Subscriber = { userId, spaceId, send, end: options.end ?? (() => undefined) };
    const lastEventId = options.lastEventId;
    if (lastEventId !== undefined) this.#replay(sub, lastEventId);
    this.#subscribers.add(sub);
    return {
      close: () => this.#subscribers.delete(sub),
      move: (next) => {
        sub.spaceId = next;
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
      const event = r.seq > seq ? eventFor(sub, r.change, `${this.#origin}.${String(r.seq)}`) : undefined;
      if (event) sub.send(event);
    }
  }

  #announce(key: string): void {
    if (key === 'all') {
      this.#resyncAll();
      return;
    }
    const change = parse(key);
    if (change === undefined) return;
    this.#seq += 1;
    this.#recent.push({ seq: this.#seq, change });
    if (this.#recent.length > REPLAY) this.#recent.shift();
    const id = this.currentId();
    for (const sub of this.#subscribers) {
      const event = eventFor(sub, change, id);
      if (event) sub.send(event);
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

function parse(key: string): Change | undefined {
  const [to, a, b, c, d] = key.split(':');
  if (to === 'user' && a) return { to, userId: a };
  if (to === 'space' && a) return { to, spaceId: a };
  if (to === 'match' && a && b) return { to, spaceId: a, deck: b };
  if (to === 'item' && a && b && c && d) return { to, spaceId: a, audience: b, kind: c, item: d };
  return undefined;
}

/** What this subscriber may hear of a change: nothing outside their space, nothing private to their partner. */
function eventFor(sub: Subscriber, change: Change, id: string): LiveEvent | undefined {
  switch (change.to) {
    case 'user':
      return change.userId === sub.userId ? { id, type: 'you' } : undefined;
    case 'space':
      return change.spaceId === sub.spaceId ? { id, type: 'space' } : undefined;
    case 'match':
      return change.spaceId === sub.spaceId ? { id, type: 'match', deck: change.deck } : undefined;
    case 'item':
      if (change.spaceId !== sub.spaceId || (change.audience !== '*' && change.audience !== sub.userId)) return undefined;
      return { id, type: 'item', kind: change.kind, item: change.item };
  }
}
