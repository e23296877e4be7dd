import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeConflict, isOwnEcho, resolveConflict, updateVerdict } from './conflict.ts';
import { itemsToEvict, mergeSyncPage, type CachedItem, type LocalEntry } from './merge.ts';
import { emptyOutbox, enqueue, nextToSend, onAck, onFailure, onReload, retryDelayMs, RETRY_CAP_MS, type Outbox } from './outbox.ts';

type Body = string;

const write = (outbox: Outbox<Body>, id: string, op: 'create' | 'update' | 'delete', payload = ''): Outbox<Body> => enqueue(outbox, { id, op, payload });

const send = (outbox: Outbox<Body>) => {
  const next = nextToSend(outbox);
  if (next === undefined) throw new Error('nothing to send');
  return next;
};

describe('outbox', () => {
  it('assigns seq in order and sends strictly head first, one at a time', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    box = send(box).outbox;
    box = write(box, 'b', 'create', 'b1');
    box = write(box, 'a', 'update', 'a2');
    expect(box.queue.map((e) => [e.seq, e.id, e.op])).toEqual([
      [1, 'a', 'create'],
      [2, 'b', 'create'],
      [3, 'a', 'update'],
    ]);
    expect(nextToSend(box)).toBeUndefined();
    box = onAck(box, 1);
    expect(send(box).entry).toMatchObject({ seq: 2, id: 'b', state: 'sending', attempts: 1 });
  });

  it('folds an update into a create that has never been sent', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    box = write(box, 'a', 'update', 'a2');
    expect(box.queue).toEqual([{ seq: 1, id: 'a', op: 'create', attempts: 0, state: 'waiting', payload: 'a2' }]);
  });

  it('does not fold into a create that may have reached the server', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    box = onReload(send(box).outbox);
    box = write(box, 'a', 'update', 'a2');
    expect(box.queue.map((e) => [e.op, e.payload])).toEqual([
      ['create', 'a1'],
      ['update', 'a2'],
    ]);
  });

  it('a delete of a never-sent create removes both and queues nothing', () => {
    let box = write(emptyOutbox(), 'b', 'create', 'b1');
    box = write(box, 'a', 'create', 'a1');
    box = write(box, 'a', 'update', 'a2');
    box = write(box, 'a', 'delete');
    expect(box.queue.map((e) => e.id)).toEqual(['b']);
  });

  it('a delete after a sent create is queued', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    box = onAck(send(box).outbox, 1);
    box = write(box, 'a', 'delete');
    expect(box.queue.map((e) => e.op)).toEqual(['delete']);
  });

  it('a network failure keeps the entry and backs off exponentially up to the cap', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const failed = onFailure(send(box).outbox, 1, 'network');
      if (failed.outcome !== 'retry') throw new Error(failed.outcome);
      delays.push(failed.delayMs);
      box = failed.outbox;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(box.queue).toEqual([{ seq: 1, id: 'a', op: 'create', attempts: 10, state: 'waiting', payload: 'a1' }]);
    expect(retryDelayMs(5000)).toBe(RETRY_CAP_MS);
  });

  it('a rejection drops the entry and reports it; the queue goes on', () => {
    let box = write(write(emptyOutbox(), 'a', 'create', 'a1'), 'b', 'create', 'b1');
    const failed = onFailure(send(box).outbox, 1, 'rejected');
    expect(failed.outcome).toBe('dropped');
    if (failed.outcome !== 'dropped') return;
    expect(failed.entry.id).toBe('a');
    box = failed.outbox;
    expect(send(box).entry.id).toBe('b');
  });

  it('a conflict parks the entry and lets the rest go', () => {
    let box = write(emptyOutbox(), 'a', 'create', 'a1');
    box = onAck(send(box).outbox, 1);
    box = write(write(box, 'a', 'update', 'a2'), 'b', 'create', 'b1');
    const failed = onFailure(send(box).outbox, 2, 'conflict');
    expect(failed.outcome).toBe('parked');
    box = failed.outbox;
    expect(box.conflicts.map((e) => [e.seq, e.payload, e.state])).toEqual([[2, 'a2', 'waiting']]);
    expect(send(box).entry.id).toBe('b');
  });

  it('answers for a write that is not in flight change nothing', () => {
    const box = write(emptyOutbox(), 'a', 'create', 'a1');
    expect(onAck(box, 1)).toBe(box);
    const sent = send(box).outbox;
    expect(onAck(sent, 7)).toBe(sent);
    expect(onFailure(onReload(sent), 1, 'network').outcome).toBe('ignored');
  });

  it('a reload puts a sending entry back to waiting', () => {
    const box = onReload(send(write(emptyOutbox(), 'a', 'create', 'a1')).outbox);
    expect(box.queue[0]).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(send(box).entry.attempts).toBe(2);
  });
});

describe('conflict', () => {
  it('an update applies only on the exact server version', () => {
    expect(updateVerdict(3, 3)).toBe('apply');
    expect(updateVerdict(2, 3)).toBe('stale');
    expect(updateVerdict(4, 3)).toBe('stale');
  });

  it('keeping mine sends it on their version; keeping theirs sends nothing', () => {
    const conflict = describeConflict('a', { version: 2, body: 'mine' }, { version: 4, body: 'theirs' });
    expect(resolveConflict(conflict, 'mine')).toEqual({ send: 'update', id: 'a', body: 'mine', baseVersion: 4 });
    expect(resolveConflict(conflict, 'theirs')).toEqual({ send: 'nothing', id: 'a' });
    const same = (x: string, y: string) => x === y;
    expect(isOwnEcho(conflict, same)).toBe(false);
    expect(isOwnEcho(describeConflict('a', { version: 2, body: 'x' }, { version: 3, body: 'x' }), same)).toBe(true);
  });

  it('property: a resolved "mine" is accepted by the version rule', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (mine, theirs) => {
        const resolution = resolveConflict(describeConflict('a', { version: mine, body: 'm' }, { version: theirs, body: 't' }), 'mine');
        expect(resolution.send === 'update' && updateVerdict(resolution.baseVersion, theirs)).toBe('apply');
      }),
    );
  });
});

// A fake server with the real rules: creates are idempotent by id, updates carry a base
// version, and a delete of something absent is a 404.
interface ServerItem {
  body: Body;
  version: number;
}
type Answer = { status: 200; version: number } | { status: 404 } | { status: 409; current: ServerItem };

class FakeServer {
  readonly items = new Map<string, ServerItem>();
  readonly inserts = new Map<string, number>();

  handle(op: 'create' | 'update' | 'delete', id: string, body: Body, baseVersion: number): Answer {
    const current = this.items.get(id);
    if (op === 'create') {
      if (current !== undefined) return { status: 200, version: current.version };
      this.items.set(id, { body, version: 1 });
      this.inserts.set(id, (this.inserts.get(id) ?? 0) + 1);
      return { status: 200, version: 1 };
    }
    if (current === undefined) return { status: 404 };
    if (op === 'delete') {
      this.items.delete(id);
      return { status: 200, version: current.version };
    }
    if (updateVerdict(baseVersion, current.version) === 'stale') return { status: 409, current: { ...current } };
    const next = { body, version: current.version + 1 };
    this.items.set(id, next);
    return { status: 200, version: next.version };
  }
}

type Action =
  | { t: 'create' }
  | { t: 'update'; pick: number }
  | { t: 'delete'; pick: number }
  | { t: 'start' }
  | { t: 'finish'; how: 'ack' | 'lost-before' | 'lost-after' }
  | { t: 'reload'; reached: boolean };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ t: 'create' }),
  fc.nat(20).map((pick): Action => ({ t: 'update', pick })),
  fc.nat(20).map((pick): Action => ({ t: 'delete', pick })),
  fc.constant<Action>({ t: 'start' }),
  fc.constantFrom<Action>({ t: 'finish', how: 'ack' }, { t: 'finish', how: 'lost-before' }, { t: 'finish', how: 'lost-after' }),
  fc.boolean().map((reached): Action => ({ t: 'reload', reached })),
);

/** The client side of the loop: what the web app would do with the outbox and the server's answers. */
class Client {
  outbox: Outbox<Body> = emptyOutbox();
  readonly knownVersion = new Map<string, number>();
  readonly dropped: string[] = [];
  inFlight: { seq: number; op: 'create' | 'update' | 'delete'; id: string; body: Body; baseVersion: number } | undefined;

  constructor(private readonly server: FakeServer) {}

  start(): void {
    if (this.inFlight !== undefined) return;
    const next = nextToSend(this.outbox);
    if (next === undefined) return;
    this.outbox = next.outbox;
    const { seq, op, id, payload } = next.entry;
    // The base is read when sending, not when enqueuing: an earlier queued update's new version is only known once it is acked.
    this.inFlight = { seq, op, id, body: payload, baseVersion: this.knownVersion.get(id) ?? 1 };
  }

  deliver(): Answer | undefined {
    const f = this.inFlight;
    return f === undefined ? undefined : this.server.handle(f.op, f.id, f.body, f.baseVersion);
  }

  finish(how: 'ack' | 'lost-before' | 'lost-after'): void {
    const f = this.inFlight;
    if (f === undefined) return;
    const answer = how === 'lost-before' ? undefined : this.deliver();
    this.inFlight = undefined;
    if (answer === undefined || how === 'lost-after') {
      const failed = onFailure(this.outbox, f.seq, 'network');
      expect(failed.outcome).toBe('retry');
      this.outbox = failed.outbox;
      return;
    }
    if (answer.status === 200) {
      this.knownVersion.set(f.id, answer.version);
      this.outbox = onAck(this.outbox, f.seq);
    } else if (answer.status === 404 && f.op === 'delete') {
      // Already gone: the goal of the write is met.
      this.outbox = onAck(this.outbox, f.seq);
    } else if (answer.status === 409) {
      const conflict = describeConflict(f.id, { version: f.baseVersion, body: f.body }, answer.current);
      if (isOwnEcho(conflict, (a, b) => a === b)) {
        this.knownVersion.set(f.id, answer.current.version);
        this.outbox = onAck(this.outbox, f.seq);
      } else {
        this.outbox = onFailure(this.outbox, f.seq, 'conflict').outbox;
      }
    } else {
      const failed = onFailure(this.outbox, f.seq, 'rejected');
      this.dropped.push(f.id);
      this.outbox = failed.outbox;
    }
  }

  reload(reached: boolean): void {
    if (this.inFlight !== undefined && reached) this.deliver();
    this.inFlight = undefined;
    this.outbox = onReload(this.outbox);
  }
}

describe('offline writes reach the server exactly once, whatever happens on the way', () => {
  it('property: after draining, live items hold their latest body once and deleted ones are gone', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const server = new FakeServer();
        const client = new Client(server);
        const latest = new Map<string, Body>();
        const deleted = new Set<string>();
        let counter = 0;
        // Every body is unique, as sealed bodies with fresh nonces are.
        const body = () => `body-${counter++}`;
        const live = () => [...latest.keys()].filter((id) => !deleted.has(id));

        for (const a of actions) {
          if (a.t === 'create') {
            const id = `item-${latest.size}`;
            const b = body();
            latest.set(id, b);
            client.outbox = enqueue(client.outbox, { id, op: 'create', payload: b });
          } else if (a.t === 'update' || a.t === 'delete') {
            const ids = live();
            const id = ids[a.pick % Math.max(1, ids.length)];
            if (id === undefined) continue;
            if (a.t === 'update') {
              const b = body();
              latest.set(id, b);
              client.outbox = enqueue(client.outbox, { id, op: 'update', payload: b });
            } else {
              deleted.add(id);
              client.outbox = enqueue(client.outbox, { id, op: 'delete', payload: '' });
            }
          } else if (a.t === 'start') client.start();
          else if (a.t === 'finish') client.finish(a.how);
          else client.reload(a.reached);
        }

        // Drain with no failures.
        client.finish('ack');
        for (let guard = 0; client.outbox.queue.length > 0; guard++) {
          expect(guard).toBeLessThan(1000);
          client.start();
          client.finish('ack');
        }

        expect(client.outbox.conflicts).toEqual([]);
        expect(client.dropped).toEqual([]);
        const expected = new Map(live().map((id) => [id, latest.get(id)]));
        expect(new Map([...server.items].map(([id, item]) => [id, item.body]))).toEqual(expected);
        for (const id of live()) expect(server.inserts.get(id)).toBe(1);
        for (const id of deleted) expect(server.inserts.get(id) ?? 0).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

interface Item {
  id: string;
  version: number;
  body: string;
}

const item: fc.Arbitrary<Item> = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  version: fc.integer({ min: 1, max: 6 }),
  body: fc.string({ maxLength: 3 }),
});
const localCopy: fc.Arbitrary<Map<string, LocalEntry<Item>>> = fc
  .array(fc.tuple(item, fc.boolean()), { maxLength: 4 })
  .map((entries) => new Map(entries.map(([i, pending]) => [i.id, pending ? { item: i, pending } : { item: i }])));
const page = fc.record({ items: fc.array(item, { maxLength: 8 }), deleted: fc.subarray(['a', 'b', 'c', 'd']) });

describe('merging a page of changes', () => {
  it('replaces older versions, keeps newer ones, removes deleted ones, and keeps pending ones', () => {
    const local = new Map<string, LocalEntry<Item>>([
      ['a', { item: { id: 'a', version: 3, body: 'local a' } }],
      ['b', { item: { id: 'b', version: 1, body: 'local b' } }],
      ['c', { item: { id: 'c', version: 1, body: 'local c' } }],
      ['new', { item: { id: 'new', version: 1, body: 'not sent yet' }, pending: true }],
      ['edited', { item: { id: 'edited', version: 2, body: 'my edit' }, pending: true }],
    ]);
    const merged = mergeSyncPage(local, {
      items: [
        { id: 'a', version: 2, body: 'old a' },
        { id: 'b', version: 2, body: 'server b' },
        { id: 'edited', version: 3, body: 'server edit' },
        { id: 'd', version: 1, body: 'server d' },
      ],
      deleted: ['c', 'new'],
    });
    expect(new Map([...merged].map(([id, e]) => [id, e.item.body]))).toEqual(
      new Map([
        ['a', 'local a'],
        ['b', 'server b'],
        ['new', 'not sent yet'],
        ['edited', 'my edit'],
        ['d', 'server d'],
      ]),
    );
    expect(local.get('b')?.item.body).toBe('local b');
  });

  it('property: applying the same page twice is the same as once', () => {
    fc.assert(
      fc.property(localCopy, page, (local, p) => {
        const once = mergeSyncPage(local, p);
        expect(mergeSyncPage(once, p)).toEqual(once);
      }),
    );
  });

  it('property: whatever the order within a page, each item ends at its highest version and never goes back', () => {
    fc.assert(
      fc.property(localCopy, page, fc.nat(), (local, p, seed) => {
        const shuffled = [...p.items].sort((x, y) => ((x.version * 31 + x.body.length + seed) % 7) - ((y.version * 31 + y.body.length + seed) % 7));
        const merged = mergeSyncPage(local, { items: shuffled, deleted: [] });
        for (const id of ['a', 'b', 'c', 'd']) {
          const mine = local.get(id);
          const got = merged.get(id);
          if (mine?.pending === true) {
            expect(got).toBe(mine);
            continue;
          }
          const versions = [...p.items.filter((i) => i.id === id).map((i) => i.version), ...(mine === undefined ? [] : [mine.item.version])];
          expect(got?.item.version).toBe(versions.length === 0 ? undefined : Math.max(...versions));
        }
      }),
    );
  });

  it('property: deleted ids are gone unless pending, and pending ones are untouched', () => {
    fc.assert(
      fc.property(localCopy, page, (local, p) => {
        const merged = mergeSyncPage(local, p);
        for (const id of p.deleted) expect(merged.has(id)).toBe(local.get(id)?.pending === true);
        for (const [id, entry] of local) if (entry.pending === true) expect(merged.get(id)).toBe(entry);
      }),
    );
  });
});

describe('evicting to fit the budget', () => {
  it('forgets the least recently used first and never a pending item', () => {
    const entries: CachedItem[] = [
      { id: 'old-pending', size: 50, lastUsed: 1 },
      { id: 'old', size: 30, lastUsed: 2 },
      { id: 'mid', size: 30, lastUsed: 3 },
      { id: 'new', size: 30, lastUsed: 4 },
    ];
    entries[0] = { ...entries[0]!, pending: true };
    expect(itemsToEvict(entries, 100)).toEqual(['old', 'mid']);
    expect(itemsToEvict(entries, 140)).toEqual([]);
    expect(itemsToEvict(entries, 10)).toEqual(['old', 'mid', 'new']);
  });

  it('property: the result fits when it can, evicts the oldest only, and stops as soon as it fits', () => {
    const cached = fc.uniqueArray(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), size: fc.nat(100), lastUsed: fc.nat(50), pending: fc.boolean() }),
      { selector: (e) => e.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(cached, fc.nat(600), (entries, budget) => {
        const evicted = itemsToEvict(entries, budget);
        const gone = new Set(evicted);
        const kept = entries.filter((e) => !gone.has(e.id));
        const keptSize = kept.reduce((s, e) => s + e.size, 0);
        expect(evicted.every((id) => entries.find((e) => e.id === id)?.pending === false)).toBe(true);
        if (keptSize > budget) expect(kept.every((e) => e.pending)).toBe(true);
        const evictedEntries = entries.filter((e) => gone.has(e.id));
        for (const e of evictedEntries) for (const k of kept) if (!k.pending) expect(e.lastUsed).toBeLessThanOrEqual(k.lastUsed);
        const lastId = evicted.at(-1);
        const last = entries.find((e) => e.id === lastId);
        if (last !== undefined) expect(keptSize + last.size).toBeGreaterThan(budget);
      }),
    );
  });
});
