/**
 * How fast the push outbox drains on PostgreSQL: notifications are created through
 * notify() (which fills the outbox), then deliverDuePushes sends them to an in-process
 * push service that verifies and decrypts every one (so the figure includes the service's
 * own work on the same 2 cores). Run by hand:
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/push-dispatch.bench.ts
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../packages/server/src/db/open.ts';
import { notifyMany, type NewNotification } from '../packages/server/src/notifications/notify.ts';
import { deliverDuePushes, type PushOptions } from '../packages/server/src/push/deliver.ts';
import { vapidLoader } from '../packages/server/src/push/vapid.ts';
import { makeCouple, makeTestApp, testConfig } from '../packages/server/src/test/harness.ts';
import { startFakePushService } from '../packages/server/src/test/fake-push-service.ts';

const adminUrl = process.env['TEST_DATABASE_URL'];
if (adminUrl === undefined || adminUrl === '') {
  console.error('Set TEST_DATABASE_URL (a PostgreSQL server this benchmark may create a database on).');
  process.exit(2);
}
const COUPLES = 10;
const NOTIFICATIONS_PER_PERSON = 100;
const WORKERS = [1, 2];

const name = `hearth_bench_${randomUUID().replaceAll('-', '')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const opened = await openDatabase({ engine: 'postgres', url: url.toString() });
if (!opened.ok) throw new Error(opened.message);
const db = opened.value.db;
const service = await startFakePushService();
try {
  const t = makeTestApp(db, { config: testConfig({ allowLoopbackPushEndpoints: true }) });
  const people: { userId: string; spaceId: string }[] = [];
  for (let i = 0; i < COUPLES; i += 1) {
    const { a, b, space } = await makeCouple(t, `bench-${i}`);
    for (const who of [a, b]) {
      const device = service.addDevice(who.session.user.id);
      const res = await who.agent.put('/api/push/subscription', { endpoint: device.endpoint, keys: device.keys, label: 'Phone' });
      if (res.status !== 200) throw new Error(`subscribe failed: ${res.status}`);
      people.push({ userId: who.session.user.id, spaceId: space.id });
    }
  }
  const push: PushOptions = { vapid: vapidLoader(db), subject: 'mailto:bench@example.test', leaseMs: 60_000 };
  await push.vapid();

  for (const workers of WORKERS) {
    const batch: NewNotification[] = [];
    for (const p of people) {
      for (let n = 0; n < NOTIFICATIONS_PER_PERSON; n += 1) {
        const refId = randomUUID();
        batch.push({ userId: p.userId, spaceId: p.spaceId, event: 'nudge', itemId: null, itemKind: null, refId, dedupeKey: `nudge:${refId}`, at: t.clock.now() });
      }
    }
    const enqueueStart = performance.now();
    for (let i = 0; i < batch.length; i += 200) await db.transaction((tx) => notifyMany(tx, batch.slice(i, i + 200)));
    const enqueueMs = performance.now() - enqueueStart;
    const before = service.received.length;
    const sendStart = performance.now();
    const counts = await Promise.all(Array.from({ length: workers }, () => deliverDuePushes(db, t.clock.now, push)));
    const sendMs = performance.now() - sendStart;
    const sent = counts.reduce((s, c) => s + c.sent, 0);
    if (service.received.length - before !== batch.length || sent !== batch.length || service.rejected.length > 0) {
      throw new Error(`expected ${batch.length} pushes, got ${service.received.length - before} (${service.rejected.length} rejected)`);
    }
    console.log(
      `${batch.length} notifications: notify()+outbox ${((batch.length / enqueueMs) * 1000).toFixed(0)}/s; ` +
        `delivered with ${workers} in-process deliverer(s) in ${(sendMs / 1000).toFixed(2)} s = ${((sent / sendMs) * 1000).toFixed(0)} pushes/s`,
    );
  }
} finally {
  await service.close();
  await opened.value.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
