import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNull, sql } from 'drizzle-orm';
import { itemListResponse, pushPayload } from '@hearth/core/api';
import { freePort } from '../../../e2e/support/hearth-server.ts';
import { openDatabase, type Database } from './db/open.ts';
import { notifications, pushDeliveries } from './db/schema.ts';
import { b64, Clock, makeCouple, makeTestApp, testConfig, type Account } from './test/harness.ts';
import { startFakePushService, type FakePushService } from './test/fake-push-service.ts';

/**
 * Issue 20, as the README's deployment section runs Hearth: two `hearth serve` processes
 * (as behind a load balancer) and two `hearth worker` processes on one PostgreSQL, under
 * the mixed load (60% Today, 20% writes, 10% lists, 10% notifications, each request from a
 * random person to a random process) for 30 seconds, while reminders fall due. Nothing is
 * lost — every acknowledged write reads back, byte for byte, from the other process — and
 * no reminder becomes two notifications, and no notification two pushes.
 */

const adminUrl = process.env['TEST_DATABASE_URL'];
if (adminUrl === undefined || adminUrl === '') {
  console.warn('\n*** TEST_DATABASE_URL is not set: the two-serve, two-worker test is SKIPPED (it needs PostgreSQL). ***\n');
}

const HEARTH = fileURLToPath(new URL('../bin/hearth.js', import.meta.url));
const COUPLES = 12;
const LOAD_MS = 30_000;
const CLIENTS = 12;

type Proc = { proc: ChildProcess; output: string[]; exited: Promise<number | null>; url?: string };

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<Proc> {
  const proc = spawn(process.execPath, [HEARTH, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hearth ${args.join(' ')} did not start: ${output.join('')}`)), 120_000);
    proc.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
    proc.stdout?.on('data', (d: Buffer) => {
      output.push(d.toString());
      const match = ready.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve({ proc, output, exited, ...(match[1] === undefined ? {} : { url: match[1] }) });
      }
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Written = { readonly id: string; readonly kind: 'note' | 'support-date'; readonly body: string; readonly by: Account; readonly via: number };

describe.skipIf(adminUrl === undefined || adminUrl === '')('two serve processes and two workers on one PostgreSQL', () => {
  let database: Database;
  let service: FakePushService;
  let dbName = '';
  const procs: Proc[] = [];

  beforeAll(async () => {
    dbName = `hearth_horizontal_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${dbName}`;
    const opened = await openDatabase({ engine: 'postgres', url: url.toString() });
    if (!opened.ok) throw new Error(opened.message);
    database = opened.value;
    service = await startFakePushService();
    const env = { DATABASE_URL: url.toString(), WORKER_POLL_SECONDS: '0.5', VAPID_SUBJECT: 'mailto:ops@example.test', HOST: '127.0.0.1' };
    const ports = [await freePort(), await freePort()];
    // One after the other, so the first has applied the migrations before the rest start.
    for (const port of ports) procs.push(await start(['serve'], { ...env, PORT: String(port), DATA_DIR: `/tmp/hearth-h-${String(port)}` }, /(http:\/\/127\.0\.0\.1:\d+)/));
    procs.push(...(await Promise.all([start(['worker'], env, /worker is running/), start(['worker'], env, /worker is running/)])));
  }, 300_000);

  afterAll(async () => {
    for (const p of procs) {
      if (p.proc.exitCode === null && p.proc.signalCode === null) p.proc.kill('SIGTERM');
      await p.exited;
    }
    await service?.close();
    await database?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it('loses no acknowledged write and sends no reminder or push twice', async () => {
    const servers = procs.slice(0, 2).map((p) => p.url ?? '');
    // Couples are made through an app on the same database (its config lets devices live on loopback, where the fake push service is).
    const t = makeTestApp(database.db, { config: testConfig({ allowLoopbackPushEndpoints: true }), clock: new Clock(Date.now()) });
    const people: Account[] = [];
    for (let i = 0; i < COUPLES; i += 1) {
      const { a, b } = await makeCouple(t, `h-${String(i)}`);
      for (const who of [a, b]) {
        const device = service.addDevice(who.session.user.id);
        expect((await who.agent.put('/api/push/subscription', { endpoint: device.endpoint, keys: device.keys, label: 'Phone' })).status).toBe(200);
        people.push(who);
      }
    }
    const partnerOf = new Map<Account, Account>();
    for (let i = 0; i < people.length; i += 2) {
      const [a, b] = [people[i], people[i + 1]];
      if (a && b) {
        partnerOf.set(a, b);
        partnerOf.set(b, a);
      }
    }

    const call = async (via: number, who: Account, method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { cookie: who.agent.cookie ?? '', 'x-hearth-csrf': '1' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${servers[via] ?? ''}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const json: unknown = await res.json();
      return { status: res.status, json };
    };

    const written: Written[] = [];
    const reminders: string[] = [];
    const failures: string[] = [];
    const deadline = Date.now() + LOAD_MS;
    const client = async () => {
      while (Date.now() < deadline) {
        const who = people[Math.floor(Math.random() * people.length)];
        if (!who) continue;
        const via = Math.random() < 0.5 ? 0 : 1;
        const r = Math.random();
        if (r < 0.6) {
          const res = await call(via, who, 'GET', '/api/today');
          if (res.status !== 200) failures.push(`today ${String(res.status)}`);
        } else if (r < 0.8) {
          const id = randomUUID();
          const body = b64(400);
          // One write in five is a key date due within the run: both partners are reminded, once.
          const kind = Math.random() < 0.2 ? 'support-date' : 'note';
          const remind = kind === 'support-date';
          const res = await call(via, who, 'POST', '/api/items', {
            id,
            kind,
            visibility: 'shared',
            parentId: null,
            remindAt: remind ? new Date(Date.now() + 1000 + Math.random() * 10_000).toISOString() : null,
            body,
          });
          if (res.status === 201) {
            written.push({ id, kind, body, by: who, via });
            if (remind) reminders.push(id);
          } else failures.push(`write ${String(res.status)}`);
        } else if (r < 0.9) {
          const res = await call(via, who, 'GET', '/api/items?kind=note&limit=50');
          if (res.status !== 200) failures.push(`list ${String(res.status)}`);
        } else {
          const res = await call(via, who, 'GET', '/api/notifications');
          if (res.status !== 200) failures.push(`notifications ${String(res.status)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(failures).toEqual([]);
    expect(written.length).toBeGreaterThan(100);

    // Every acknowledged write, read by the partner from the process that did not take it.
    const byReader = new Map<Account, Map<string, Written>>();
    for (const w of written) {
      const reader = partnerOf.get(w.by);
      if (!reader) throw new Error('no partner');
      const mine = byReader.get(reader) ?? new Map<string, Written>();
      mine.set(w.id, w);
      byReader.set(reader, mine);
    }
    for (const [reader, expected] of byReader) {
      for (const kind of ['note', 'support-date']) {
        for (const via of [0, 1]) {
          const res = await call(via, reader, 'GET', `/api/items?kind=${kind}&limit=500`);
          const listed = itemListResponse.parse(res.json).items;
          const bodies = new Map(listed.map((i) => [i.id, i.body]));
          for (const w of expected.values()) {
            if (w.via === via || w.kind !== kind) continue;
            expect(bodies.get(w.id), `write ${w.id} taken by process ${String(w.via)}, read on ${String(via)}`).toBe(w.body);
          }
        }
      }
    }

    // Every reminder becomes one notification for each partner, and each notification one push.
    const expectedNotifications = reminders.length * 2;
    await until(async () => {
      const [made] = await database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
      const [unsent] = await database.db.select({ n: sql<number>`count(*)::int` }).from(pushDeliveries).where(isNull(pushDeliveries.sentAt));
      return made?.n === expectedNotifications && unsent?.n === 0 && service.received.length >= expectedNotifications;
    }, 'every reminder notified and pushed', 60_000);
    const all = await database.db.select({ id: notifications.id, itemId: notifications.itemId, userId: notifications.userId }).from(notifications);
    expect(all).toHaveLength(expectedNotifications);
    expect(new Set(all.map((n) => `${n.itemId ?? ''} ${n.userId}`)).size).toBe(expectedNotifications);
    const pushes = new Map<string, number>();
    for (const r of service.received) {
      const id = pushPayload.parse(JSON.parse(r.text)).id;
      pushes.set(id, (pushes.get(id) ?? 0) + 1);
    }
    expect(pushes.size).toBe(expectedNotifications);
    expect([...pushes.values()].filter((n) => n > 1)).toEqual([]);
    for (const p of procs) expect(p.output.join('')).not.toMatch(/\bfailed\b|Error:/);
    console.info(`horizontal test: ${String(written.length)} writes over 30 s through two serve processes, ${String(reminders.length)} reminders, ${String(service.received.length)} pushes, none twice.`);
  }, 240_000);
});
