import { ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sessionWithUser } from '../auth/store.ts';
import { optionalMember, sessionStanding, sessionTokenHash } from '../http/access.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import type { LiveEvent } from './hub.ts';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream (it backs off on its own after failures). */
const RETRY_MS = 2000;

/** Where a stream's text goes: Node's response itself, or a web stream (in-process tests, other runtimes). */
type Sink = { readonly write: (text: string) => Promise<void>; readonly onClose: (done: () => void) => void };

/**
 * GET /api/events (issue 20): one Server-Sent Events stream per open tab, saying only
 * *what* changed: an item they may see (`item`, with its kind and id as JSON), a deck's
 * match upload (`match`), their space (`space`), themselves (`you`), or that they should
 * load everything again (`resync`). The session and membership are checked
 * when it opens, like every route, and again whenever the person's own row, sessions or
 * membership change: a signed-out or departed member's stream closes, or moves to the
 * new space, before the next event could reach them.
 *
 * Under `hearth serve` the stream is written straight to Node's response: a web stream
 * in between cost 40 KB per open tab against 16 KB without (bench/streams.bench.ts,
 * decision 0058). `app.request()` in tests has no Node response and gets the same
 * stream through Hono's `streamSSE`.
 */
export const eventRoutes = new Hono<AppEnv>().get('/events', async (c) => {
  const { events, config } = c.var.deps;
  // The session first, like every route: a stranger learns nothing, not even whether streams are on.
  const me = await optionalMember(c);
  if (events === undefined) throw new HttpError('not_found', 'Live updates are not available here.');
  const tokenHash = sessionTokenHash(c, config);
  if (tokenHash === undefined) throw new HttpError('unauthenticated', 'Please sign in.');
  const open: Stream = { deps: c.var.deps, tokenHash, userId: me.user.id, spaceId: me.space?.id ?? null, lastEventId: c.req.header('Last-Event-ID') };
  const env: unknown = c.env;
  const outgoing = typeof env === 'object' && env !== null && 'outgoing' in env ? env.outgoing : undefined;
  if (outgoing instanceof ServerResponse) {
    outgoing.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx would otherwise hold events back in its buffer.
      'X-Accel-Buffering': 'no',
    });
    outgoing.flushHeaders();
    void run(open, {
      write: (text) => new Promise((resolve, reject) => outgoing.write(text, (e) => (e ? reject(e) : resolve()))),
      onClose: (done) => outgoing.once('close', done),
    }).finally(() => outgoing.end());
    // @hono/node-server leaves a response with this header alone. Its own RESPONSE_ALREADY_SENT
    // loses the header when secureHeaders copies it, and the server then tries to answer twice.
    return new Response(null, { headers: { 'x-hono-already-sent': 'true' } });
  }
  return streamSSE(c, (stream) => run(open, { write: (text) => stream.write(text).then(() => undefined), onClose: (done) => stream.onAbort(done) }));
});

type Stream = { readonly deps: Deps; readonly tokenHash: Uint8Array; readonly userId: string; readonly spaceId: string | null; readonly lastEventId: string | undefined };

/** Runs one stream until the client goes, the session ends, or the hub closes it. */
function run(open: Stream, sink: Sink): Promise<void> {
  const { events, db, config, now } = open.deps;
  if (events === undefined) return Promise.resolve();
  return new Promise<void>((resolve) => {
    let closed = false;
    // Writes are chained so events go out in order, one at a time; a failed write ends the stream.
    let writing: Promise<void> = Promise.resolve();
    const queue = (write: () => Promise<void>) => {
      writing = writing
        .then(async () => {
          if (!closed) await write();
        })
        .catch(finish);
    };
    const event = (e: LiveEvent) => sink.write(message(e.id, e.type, dataOf(e)));
    // A change to the person themselves (a sign-out, leaving or joining a space) is checked before it is passed on.
    const deliver = (e: LiveEvent) => {
      if (e.type !== 'you') return queue(() => event(e));
      queue(async () => {
        const found = await sessionWithUser(db, open.tokenHash);
        if (found === undefined || sessionStanding(found.session, now(), config) === 'ended') return finish();
        subscription.move(found.membership && found.space ? found.space.id : null);
        await event(e);
      });
    };
    const subscription = events.subscribe(open.userId, open.spaceId, deliver, { lastEventId: open.lastEventId, end: () => finish() });
    const heartbeat = setInterval(() => queue(() => sink.write(': still here\n\n')), HEARTBEAT_MS);
    function finish(): void {
      if (closed) return;
      closed = true;
      subscription.close();
      clearInterval(heartbeat);
      resolve();
    }
    sink.onClose(finish);
    // The first message names where this stream starts, so a reconnect can say what it saw last.
    queue(() => sink.write(message(events.currentId(), 'ready', '', RETRY_MS)));
  });
}

/** One Server-Sent Events message (WHATWG HTML §9.2); ids and data here never hold a line break. */
function message(id: string, event: string, data: string, retry?: number): string {
  return `${retry === undefined ? '' : `retry: ${String(retry)}\n`}id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;
}

/** The JSON an `item` or `match` message carries (core's `liveItemChange`, `liveMatchChange`); the rest carry none. */
function dataOf(e: LiveEvent): string {
  if (e.type === 'item') return JSON.stringify({ kind: e.kind, id: e.item });
  if (e.type === 'match') return JSON.stringify({ deck: e.deck });
  return '';
}
