import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';

export type AdmissionOptions = {
  /** Requests running at once; the rest wait in arrival order. */
  readonly inFlight: number;
  /** The longest a request waits for its turn before it is told to come back. */
  readonly maxWaitMs: number;
};

/**
 * Issue 20, for the embedded engine: PGlite runs one statement at a time, so under a crowd
 * requests queue inside it with no bound and the slowest wait seconds. Here they queue in
 * arrival order instead, a few at a time, and one that has waited `maxWaitMs` is answered
 * `503` with `Retry-After` at once — a short, honest refusal the app retries, rather than
 * an answer that comes too late or a timeout. Streams (`/api/events`) and the health
 * check hold no slot: one is open for hours, the other never touches the database.
 */
export function admission(options: AdmissionOptions): MiddlewareHandler<AppEnv> {
  let running = 0;
  const waiting: { readonly since: number; readonly go: (admitted: boolean) => void }[] = [];

  const next = () => {
    while (running < options.inFlight && waiting.length > 0) {
      const turn = waiting.shift();
      if (turn === undefined) break;
      const admitted = performance.now() - turn.since <= options.maxWaitMs;
      if (admitted) running += 1;
      turn.go(admitted);
    }
  };
  // A request still waiting when its time is up is refused then, not when a slot frees.
  const sweep = setInterval(() => {
    const now = performance.now();
    for (let i = waiting.length - 1; i >= 0; i -= 1) {
      const turn = waiting[i];
      if (turn !== undefined && now - turn.since > options.maxWaitMs) {
        waiting.splice(i, 1);
        turn.go(false);
      }
    }
  }, Math.max(10, Math.floor(options.maxWaitMs / 4)));
  sweep.unref();

  return async (c, proceed) => {
    if (c.req.path === '/api/health' || c.req.path === '/api/events') return proceed();
    let admitted = running < options.inFlight && waiting.length === 0;
    if (admitted) running += 1;
    else admitted = await new Promise<boolean>((go) => waiting.push({ since: performance.now(), go }));
    if (!admitted) throw new HttpError('busy', 'Hearth is busy for a moment. Please try again.', { 'Retry-After': '1' });
    try {
      await proceed();
    } finally {
      running -= 1;
      next();
    }
  };
}
