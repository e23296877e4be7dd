import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull, sql } from 'drizzle-orm';
import { pushPayload } from '@hearth/core/api';
import { openDatabase, type Database } from '../db/open.ts';
import { notifications, pushDeliveries } from '../db/schema.ts';
import { b64, Clock, makeCouple, makeTestApp, testConfig, type Account } from '../test/harness.ts';
import { startFakePushService, type FakePushService } from '../test/fake-push-service.ts';
import { pushTopic } from './deliver.ts';

/**
 * Exactly once, with real processes (decision 0025): two `hearth worker` processes share
 * one PostgreSQL, a few hundred reminders fall due within seconds, and one worker is
 * killed with SIGKILL in the middle. Every notification must reach its device (no loss),
 * and any repeat must carry the same Topic as the first, so the push service (and the
 * service worker's tag) collapse it into the one the person sees.
 */

const adminUrl = process.env['TEST_DATABASE_URL'];
if (adminUrl === undefined || adminUrl === '') {
  console.warn('\n*** TEST_DATABASE_URL is not set: the two-worker SIGKILL push test is SKIPPED (it needs PostgreSQL). ***\n');
}

const HEARTH = fileURLToPath(new URL('../../bin/hearth.js', import.meta.url));
const COUPLES = 10;
const ITEMS_PER_COUPLE = 12;
// Shared items remind both partners: one notification (and one push) each.
const EXPECTED = COUPLES * ITEMS_PER_COUPLE * 2;

type Worker = { proc: ChildProcess; output: string[]; exited: Promise<number | null> };

function startWorker(url: string, name: string): Promise<Worker> {
  const proc = spawn(process.execPath, [HEARTH, 'worker'], {
    env: { ...process.env, DATABASE_URL: url, WORKER_POLL_SECONDS: '0.2', PUSH_LEASE_SECONDS: '10', VAPID_SUBJECT: 'mailto:ops@example.test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output.join('')}`)), 120_000);
    proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    proc.stdout?.on('data', (d: Buffer) => {
      output.push(d.toString());
      if (output.join('').includes('worker is running')) {
        clearTimeout(timer);
        resolve({ proc, output, exited });
      }
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, limitMs = 45_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

describe.skipIf(adminUrl === undefined || adminUrl === '')('two push workers on PostgreSQL, one killed mid-run', () => {
  let database: Database;
  let service: FakePushService;
  let dbName = '';
  let dbUrl = '';
  const workers: Worker[] = [];

  beforeAll(async () => {
    dbName = `hearth_push_kill_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    const opened = await openDatabase({ engine: 'postgres', url: dbUrl });
    if (!opened.ok) throw new Error(opened.message);
    database = opened.value;
    // Each answer takes a little while, as over a real network, so sends are in flight when the kill lands.
    service = await startFakePushService({ delayMs: 15 });
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) {
      if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGTERM');
      await w.exited;
    }
    await service.close();
    await database.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }, 30_000);

  it('delivers every notification, and any repeat only under the same Topic', async () => {
    const began = Date.now();
    const t = makeTestApp(database.db, { config: testConfig({ allowLoopbackPushEndpoints: true }), clock: new Clock(Date.now()) });
    const accounts: Account[] = [];
    for (let i = 0; i < COUPLES; i += 1) {
      const { a, b } = await makeCouple(t, `kill-${i}`);
      for (const who of [a, b]) {
        const device = service.addDevice(`${who.session.user.id}`);
        const res = await who.agent.put('/api/push/subscription', { endpoint: device.endpoint, keys: device.keys, label: 'Phone' });
        expect(res.status).toBe(200);
      }
      accounts.push(a);
    }
    const phase = (name: string) => console.info(`two-worker kill test: ${name} after ${Math.round((Date.now() - began) / 100) / 10} s`);
    phase('couples ready');
    // Made through the API with reminders far away; they are moved to "in a few seconds" below.
    const ids: string[] = [];
    for (const a of accounts) {
      for (let j = 0; j < ITEMS_PER_COUPLE; j += 1) {
        const id = randomUUID();
        const res = await a.agent.post('/api/items', {
          id,
          kind: 'support-date',
          visibility: 'shared',
          parentId: null,
          remindAt: new Date(Date.now() + 86_400_000).toISOString(),
          body: b64(80),
        });
        expect(res.status).toBe(201);
        ids.push(id);
      }
    }
    phase('items made');
    workers.push(...(await Promise.all([startWorker(dbUrl, 'worker 1'), startWorker(dbUrl, 'worker 2')])));
    phase('workers running');
    // Due one to three seconds from now, spread out, so both workers are busy at once.
    await database.db.execute(
      // Whole milliseconds, as the API stores them (the dispatcher matches notifications to remindAt exactly).
      sql`update items set remind_at = date_trunc('milliseconds', now() + interval '1 second' + random() * interval '2 seconds') where remind_at is not null`,
    );

    const [victim, survivor] = workers;
    if (victim === undefined || survivor === undefined) throw new Error('workers missing');
    phase('reminders scheduled');
    await until(async () => service.received.length >= EXPECTED / 4, 'a quarter of the pushes', 45_000, 10);
    victim.proc.kill('SIGKILL');
    expect(await victim.exited).toBe(null);
    const killedAt = service.received.length;

    await until(async () => {
      const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(pushDeliveries).where(isNull(pushDeliveries.sentAt));
      const [made] = await database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
      return row?.n === 0 && made?.n === EXPECTED;
    }, 'every delivery marked sent', 150_000).catch(async (e: unknown) => {
      const left = await database.db.select().from(pushDeliveries).where(isNull(pushDeliveries.sentAt));
      console.error(`received ${service.received.length}; unsent ${left.length}, e.g. ${JSON.stringify(left.slice(0, 3))}; survivor said: ${survivor.output.join('')}`);
      throw e;
    });

    phase('all sent');
    expect(service.rejected).toEqual([]);
    const all = await database.db.select({ id: notifications.id, userId: notifications.userId }).from(notifications);
    expect(all).toHaveLength(EXPECTED);
    expect(ids).toHaveLength(EXPECTED / 2);

    // What each device got, by notification id.
    const got = new Map<string, { topics: (string | null)[]; device: string }>();
    for (const r of service.received) {
      const p = pushPayload.parse(JSON.parse(r.text));
      const entry = got.get(p.id) ?? { topics: [], device: r.device };
      entry.topics.push(r.topic);
      expect(entry.device).toBe(r.device);
      got.set(p.id, entry);
    }
    // No loss: every notification reached its recipient's device.
    for (const n of all) expect(got.get(n.id)?.device, n.id).toBe(n.userId);
    expect(got.size).toBe(EXPECTED);
    // No duplicate the person would see: every copy of a notification carried its own Topic.
    const repeats = [...got.entries()].filter(([, e]) => e.topics.length > 1);
    for (const [id, e] of got) expect(new Set(e.topics)).toEqual(new Set([pushTopic(id)]));
    console.info(
      `two-worker kill test: ${EXPECTED} notifications, ${service.received.length} pushes received (${killedAt} before the SIGKILL), ` +
        `${repeats.length} resent after the kill and collapsed by Topic.`,
    );
    expect(survivor.output.join('')).not.toMatch(/failed/i);
    // Generous: on a loaded machine two cold `tsx` starts alone can take most of a minute.
  }, 240_000);
});
