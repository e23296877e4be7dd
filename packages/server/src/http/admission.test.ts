import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open.ts';
import { engines, makeCouple, makeTestApp, type Account } from '../test/harness.ts';

/**
 * Issue 20 on the embedded engine: more requests than it can answer in time wait in line
 * for a bounded time and are then refused with `503 busy` and `Retry-After`, never left to
 * time out. The health check and the event stream never wait in that line.
 */
const pglite = engines.filter((e) => e.name === 'pglite');

describe.each(pglite)('the request queue on $name', (engine) => {
  let database: Database;
  let a: Account;
  let t: ReturnType<typeof makeTestApp>;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db, { admission: { inFlight: 1, maxWaitMs: 5 } });
    ({ a } = await makeCouple(t, 'queue'));
  });
  afterAll(async () => {
    await database.close();
  });

  it('answers what it can in time and refuses the rest with 503 busy and Retry-After', async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, () => a.agent.get('/api/items?limit=50')));
    const refused = replies.filter((r) => r.status === 503);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length + replies.filter((r) => r.status === 200).length).toBe(40);
    for (const r of refused) {
      expect(r.body).toMatchObject({ error: { code: 'busy' } });
      expect(r.headers.get('Retry-After')).toBe('1');
    }
    // Once the crowd has gone, one request alone goes straight through.
    expect((await a.agent.get('/api/items?limit=50')).status).toBe(200);
  });

  it('never holds the health check in line', async () => {
    const busy = Promise.all(Array.from({ length: 20 }, () => a.agent.get('/api/items?limit=50')));
    const health = await Promise.all(Array.from({ length: 20 }, () => t.app.request('/api/health')));
    expect(health.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    await busy;
  });
});
