import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';

/**
 * How much of a refused body the server reads and throws away so the client can finish
 * sending and see the answer. A browser that is still uploading when the connection
 * closes shows "network error" instead of our 413; past this the sender is not a browser
 * that will read the answer anyway, and the connection is cut.
 */
export const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
/** The longest a refused upload may take to finish; a slow one on a phone still gets its answer. */
const DISCARD_TIMEOUT_MS = 30_000;

/**
 * Reads and discards what is left of a request body after its answer went out.
 * @hono/node-server's own clean-up gives up after 500 ms, which resets the connection of
 * any upload bigger than a few megabytes; this one waits for the body up to the limits above.
 */
function discardRest(incoming: IncomingMessage): void {
  if (incoming.readableEnded || incoming.destroyed) return;
  let read = 0;
  const cut = () => {
    clearTimeout(timer);
    incoming.socket.destroy();
  };
  // The answer is out, so nobody reads this body any more; the web-stream adapter that
  // fed the app would pause the socket again each time its queue filled.
  incoming.removeAllListeners('data');
  const timer = setTimeout(cut, DISCARD_TIMEOUT_MS);
  timer.unref();
  incoming.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > MAX_DISCARD_BYTES) cut();
  });
  incoming.once('end', () => clearTimeout(timer));
  incoming.once('error', () => clearTimeout(timer));
  incoming.resume();
}

/** Serves a fetch handler over HTTP/1.1, as `hearth serve` does (and the tests that need a socket). */
export function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Server {
  const server = serve({ fetch, port, hostname, autoCleanupIncoming: false });
  if (!(server instanceof Server)) throw new Error('Hearth expects an HTTP/1.1 server');
  server.on('request', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method === 'GET' || incoming.method === 'HEAD') return;
    outgoing.once('finish', () => discardRest(incoming));
  });
  return server;
}
