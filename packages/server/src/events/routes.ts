import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sessionWithUser } from '../auth/store.ts';
import { optionalMember, sessionStanding, sessionTokenHash } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';
import type { LiveEvent } from './hub.ts';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream (it backs off on its own after failures). */
const RETRY_MS = 2000;

/**
 * GET /api/events (issue 20): one Server-Sent Events stream per open tab, saying only
 * *what* changed: an item they may see (`item`, with its kind and id as JSON), their
 * space (`space`), themselves (`you`), or that they should load everything again (`resync`). The session and membership are checked
 * when it opens, like every route, and again whenever the person's own row, sessions or
 * membership change: a signed-out or departed member's stream closes, or moves to the
 * new space, before the next event could reach them.
 */
export const eventRoutes = new Hono<AppEnv>().get('/events', async (c) => {
  const { events, db, config, now } = c.var.deps;
  // The session first, like every route: a stranger learns nothing, not even whether streams are on.
  const me = await optionalMember(c);
  if (events === undefined) throw new HttpError('not_found', 'Live updates are not available here.');
  const tokenHash = sessionTokenHash(c, config);
  if (tokenHash === undefined) throw new HttpError('unauthenticated', 'Please sign in.');
  const lastEventId = c.req.header('Last-Event-ID');
  return streamSSE(c, (stream) =>
    new Promise<void>((resolve) => {
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
      const event = (e: LiveEvent) => stream.writeSSE({ id: e.id, event: e.type, data: dataOf(e) });
      // A change to the person themselves (a sign-out, leaving or joining a space) is checked before it is passed on.
      const deliver = (e: LiveEvent) => {
        if (e.type !== 'you') return queue(() => event(e));
        queue(async () => {
          const found = await sessionWithUser(db, tokenHash);
          if (found === undefined || sessionStanding(found.session, now(), config) === 'ended') return finish();
          subscription.move(found.membership && found.space ? found.space.id : null);
          await event(e);
        });
      };
      const subscription = events.subscribe(me.user.id, me.space?.id ?? null, deliver, { lastEventId, end: () => finish() });
      const heartbeat = setInterval(() => queue(() => stream.write(': still here\n\n').then(() => undefined)), HEARTBEAT_MS);
      function finish(): void {
        if (closed) return;
        closed = true;
        subscription.close();
        clearInterval(heartbeat);
        resolve();
      }
      stream.onAbort(finish);
      // The first message names where this stream starts, so a reconnect can say what it saw last.
      queue(() => stream.writeSSE({ id: events.currentId(), event: 'ready', data: '', retry: RETRY_MS }));
    }),
  );
});

/** The JSON an `item` or `match` message carries (core's `liveItemChange`, `liveMatchChange`); the rest carry none. */
function dataOf(e: LiveEvent): string {
  if (e.type === 'item') return JSON.stringify({ kind: e.kind, id: e.item } satisfies { kind: string; id: string });
  if (e.type === 'match') return JSON.stringify({ deck: e.deck });
  return '';
}
