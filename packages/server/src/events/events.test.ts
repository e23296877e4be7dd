import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open.ts';
import { b64, Clock, engines, makeCouple, makeLiveApp, signUp, type Account, type Target } from '../test/harness.ts';
import { listen } from '../http/listen.ts';
import { EventHub, type LiveEvent } from './hub.ts';

/**
 * Issue 20: one stream per open tab says what changed — an item's kind and id, the space,
 * the person — and never any content. It never reaches anyone outside the space, a
 * partner never hears of a private item, it follows a person who signs out or leaves,
 * and a reconnect catches up.
 */

type Heard = { readonly type: string; readonly id: string; readonly data: string };

/** Reads an `/api/events` stream as a browser's EventSource would, message by message. */
async function openStream(t: Target, who: Account, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (who.agent.cookie !== undefined) headers['Cookie'] = who.agent.cookie;
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const res = await t.app.request('/api/events', { headers, signal: controller.signal });
  const heard: Heard[] = [];
  let ended = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  if (res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
            const type = field('event');
            if (type !== undefined) heard.push({ type, id: field('id') ?? '', data: field('data') ?? '' });
          }
          wake();
        }
      } catch {
        // Aborted by close().
      }
      ended = true;
      wake();
    })();
  }
  const changed = () => new Promise<void>((resolve) => waiters.push(resolve));
  return {
    res,
    heard,
    get ended() {
      return ended;
    },
    /** Waits until a message of this type has arrived (after `from` messages), or fails after `ms`. */
    async next(type: string, from = 0, ms = 5000, match: (h: Heard) => boolean = () => true): Promise<Heard> {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = heard.slice(from).find((h) => h.type === type && match(h));
        if (found) return found;
        if (ended) throw new Error(`the stream ended before a ${type} event; heard ${heard.map((h) => h.type).join(', ')}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${type} event in ${String(ms)} ms; heard ${heard.map((h) => h.type).join(', ')}`);
        await Promise.race([changed(), new Promise((r) => setTimeout(r, left))]);
      }
    },
    /** Waits for the stream to end, or fails after `ms`. */
    async closedWithin(ms = 5000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!ended) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('the stream is still open');
        await Promise.race([changed(), new Promise((r) => setTimeout(r, left))]);
      }
    },
    close: () => controller.abort(),
  };
}

const note = (who: Account, id: string = randomUUID(), visibility: 'shared' | 'private' = 'shared') =>
  who.agent.post('/api/items', { id, kind: 'note', visibility, parentId: null, remindAt: null, body: b64(80) });

describe('EventHub', () => {
  const collect = () => {
    const got: LiveEvent[] = [];
    return { got, send: (e: LiveEvent) => got.push(e) };
  };

  it("sends a space's changes to its members only, and a person's own changes as 'you'", () => {
    const hub = new EventHub();
    hub.handlers.live();
    const mine = collect();
    const other = collect();
    hub.subscribe('u1', 's1', mine.send);
    hub.subscribe('u9', 's9', other.send);
    hub.handlers.change('space:s1');
    hub.handlers.change('user:u1');
    hub.handlers.change('user:u2');
    expect(mine.got.map((e) => e.type)).toEqual(['space', 'you']);
    expect(other.got).toEqual([]);
  });

  it("tells both partners of a shared item's kind and id, and only its author of a private one", () => {
    const hub = new EventHub();
    hub.handlers.live();
    const alex = collect();
    const sam = collect();
    const other = collect();
    hub.subscribe('alex', 's1', alex.send);
    hub.subscribe('sam', 's1', sam.send);
    hub.subscribe('kim', 's2', other.send);
    hub.handlers.change('item:s1:*:note:i1');
    hub.handlers.change('item:s1:alex:private-record:i2');
    hub.handlers.change('item:s2:*:note:i3');
    const items = (got: LiveEvent[]) => got.map((e) => (e.type === 'item' ? `${e.kind} ${e.item}` : e.type));
    expect(items(alex.got)).toEqual(['note i1', 'private-record i2']);
    expect(items(sam.got)).toEqual(['note i1']);
    expect(items(other.got)).toEqual(['note i3']);
  });

  it('replays what a reconnecting stream missed, and asks for a resync when it cannot know', () => {
    const hub = new EventHub();
    hub.handlers.live();
    const first = collect();
    const sub = hub.subscribe('u1', 's1', first.send);
    hub.handlers.change('space:s1');
    const seen = first.got.at(-1)?.id ?? '';
    sub.close();
    hub.handlers.change('space:s2');
    hub.handlers.change('space:s1');
    hub.handlers.change('user:u1');
    const again = collect();
    hub.subscribe('u1', 's1', again.send, { lastEventId: seen });
    expect(again.got.map((e) => e.type)).toEqual(['space', 'you']);

    const elsewhere = collect();
    hub.subscribe('u1', 's1', elsewhere.send, { lastEventId: 'another-process.3' });
    expect(elsewhere.got.map((e) => e.type)).toEqual(['resync']);
  });

  it('ends every stream when it is closed (a shutdown)', () => {
    const hub = new EventHub();
    let ended = 0;
    hub.subscribe('u1', 's1', () => undefined, { end: () => (ended += 1) });
    hub.subscribe('u2', 's1', () => undefined, { end: () => (ended += 1) });
    hub.closeAll();
    expect(ended).toBe(2);
    expect(hub.streams).toBe(0);
  });

  it('asks every stream to resync when the change feed comes back after a gap', () => {
    const hub = new EventHub();
    hub.handlers.live();
    const one = collect();
    hub.subscribe('u1', null, one.send);
    hub.handlers.gap();
    hub.handlers.live();
    expect(one.got.map((e) => e.type)).toEqual(['resync']);
  });
});

describe.each(engines)('GET /api/events on $name', (engine) => {
  let database: Database;
  let one: Awaited<ReturnType<typeof makeLiveApp>>;
  let two: Awaited<ReturnType<typeof makeLiveApp>>;

  beforeAll(async () => {
    database = await engine.open();
    const clock = new Clock();
    // Two apps on one database: two `hearth serve` processes.
    one = await makeLiveApp(database, { clock });
    two = await makeLiveApp(database, { clock });
  });
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await database.close();
  });

  it('refuses a stream without a session', async () => {
    const res = await one.app.request('/api/events');
    expect(res.status).toBe(401);
  });

  it("tells the partner, on another process, what changed, and no one outside the space", async () => {
    const { a, b } = await makeCouple(one);
    const stranger = await signUp(one, 'stranger');
    const partner = await openStream(two, b);
    const outsider = await openStream(two, stranger);
    expect(partner.res.headers.get('Content-Type')).toContain('text/event-stream');
    await partner.next('ready');
    await outsider.next('ready');
    const before = partner.heard.length;
    const shared = randomUUID();
    expect((await note(a, shared)).status).toBe(201);
    const event = await partner.next('item', before);
    expect(JSON.parse(event.data)).toEqual({ kind: 'note', id: shared });
    // A private note: its author's own stream hears it, the partner's never does.
    const mine = await openStream(one, a);
    await mine.next('ready');
    const secret = randomUUID();
    expect((await note(a, secret, 'private')).status).toBe(201);
    // The shared note's event may reach this process after the stream opened, so wait for the private one by id.
    const heardMine = await mine.next('item', 0, 5000, (h) => h.data.includes(secret));
    expect(JSON.parse(heardMine.data)).toEqual({ kind: 'note', id: secret });
    mine.close();
    // A marker after the write: once the outsider hears its own change, the note's event had its chance to arrive.
    await stranger.agent.patch('/api/me/settings', { theme: 'dark' });
    await outsider.next('you');
    expect(outsider.heard.map((h) => h.type)).not.toContain('item');
    await b.agent.patch('/api/me/settings', { theme: 'dark' });
    await partner.next('you');
    expect(partner.heard.filter((h) => h.type === 'item').map((h) => h.data)).not.toContain(JSON.stringify({ kind: 'note', id: secret }));
    partner.close();
    outsider.close();
  });

  it('streams over a real socket as `hearth serve` writes it, straight to the response', async () => {
    const { a, b } = await makeCouple(one);
    const server = listen(two.app.fetch, 0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const overHttp: Target = { app: { request: (path, init) => fetch(`http://127.0.0.1:${String(port)}${path}`, init) } };
    try {
      const stream = await openStream(overHttp, b);
      expect(stream.res.headers.get('Content-Type')).toBe('text/event-stream');
      expect(stream.res.headers.get('Cache-Control')).toBe('no-store');
      await stream.next('ready');
      const id = randomUUID();
      expect((await note(a, id)).status).toBe(201);
      expect(JSON.parse((await stream.next('item')).data)).toEqual({ kind: 'note', id });
      stream.close();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('catches up a reconnecting stream on the same process with what it missed', async () => {
    const { a, b } = await makeCouple(one);
    const first = await openStream(one, b);
    const ready = await first.next('ready');
    first.close();
    expect((await note(a)).status).toBe(201);
    // Let the change feed deliver the announcement to this process's hub.
    await new Promise((r) => setTimeout(r, 300));
    const again = await openStream(one, b, ready.id);
    await again.next('item');
    again.close();
    const elsewhere = await openStream(two, b, ready.id);
    await elsewhere.next('resync');
    elsewhere.close();
  });

  it('closes the stream of a person who signs out', async () => {
    const { b } = await makeCouple(one);
    const stream = await openStream(two, b);
    await stream.next('ready');
    const cookie = b.agent.cookie;
    expect((await b.agent.post('/api/auth/logout')).status).toBe(204);
    await stream.closedWithin();
    expect(cookie).toBeDefined();
  });

  it('stops telling a member who left about the space', async () => {
    const { a, b } = await makeCouple(one);
    const stream = await openStream(two, a);
    await stream.next('ready');
    expect((await a.agent.post('/api/auth/confirm', { authKey: a.authKey })).status).toBe(204);
    expect((await a.agent.post('/api/space/leave')).status).toBe(204);
    // A marker of A's own: once it is heard, everything the leave announced has arrived (the feed keeps commit order).
    await a.agent.patch('/api/me/settings', { theme: 'dark' });
    await stream.next('you', stream.heard.findIndex((h) => h.type === 'you') + 1);
    const after = stream.heard.length;
    // The space has ended; when the partner closes it for good, A is no longer told.
    expect((await b.agent.post('/api/auth/confirm', { authKey: b.authKey })).status).toBe(204);
    expect((await b.agent.post('/api/space/leave')).status).toBe(204);
    await a.agent.patch('/api/me/settings', { theme: 'light' });
    await stream.next('you', after);
    expect(stream.heard.slice(after).map((h) => h.type)).not.toContain('space');
    expect(stream.heard.slice(after).map((h) => h.type)).not.toContain('item');
    stream.close();
  });
});
