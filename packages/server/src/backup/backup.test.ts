import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMatchUpload } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import type { Database } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { dispatchDueReminders } from '../notifications/dispatch.ts';
import { Agent, b64, engines, makeCouple, makeTestApp, type Engine, type TestApp } from '../test/harness.ts';
import { parentsFirst, restoreBackup, writeBackup } from './backup.ts';
import { databaseTables, tableJsonRows, tablesInDependencyOrder } from './tables.ts';

/** Every row of every table, sorted, as PostgreSQL renders it: two databases with the same snapshot are equal. */
async function snapshot(db: Database['db']): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name } of tablesInDependencyOrder()) out[name] = (await tableJsonRows(db, name)).sort();
  return out;
}

/** A couple who used the app a little: threads, private items, a reminder delivered, a blind-matching upload, counters, secrets. */
async function populate(t: TestApp): Promise<void> {
  const { a, b } = await makeCouple(t, 'backup');
  const checkin = randomUUID();
  await a.agent.post('/api/items', { id: checkin, kind: 'checkin', visibility: 'shared', body: b64(120) });
  await b.agent.post('/api/items', { id: randomUUID(), kind: 'checkin-reply', visibility: 'shared', parentId: checkin, body: b64(60) });
  await a.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'private', body: b64(60) });
  const remindAt = new Date(t.clock.now().getTime() + 1000).toISOString();
  await b.agent.post('/api/items', { id: randomUUID(), kind: 'support-date', visibility: 'shared', body: b64(60), remindAt });
  t.clock.advance(5000);
  await dispatchDueReminders(t.db, t.clock.now());
  const upload = buildMatchUpload(randomBytes(32), 'ideas', [{ id: 'picnic', category: 'outdoors' }], new Map([['picnic', 'yes']]));
  if (!upload.ok) throw new Error(upload.message);
  await a.agent.put('/api/matching/ideas', upload.value);
  // An unknown email's salt makes the server keep its fake-salt secret.
  await new Agent(t).post('/api/auth/salt', { email: 'nobody@example.test' });
}

describe('backup table order', () => {
  it('covers every table the migrations create, each after the tables it refers to', async () => {
    const engine = engines[0];
    if (engine === undefined) throw new Error('no engine');
    const database = await engine.open();
    try {
      const order = tablesInDependencyOrder().map((t) => t.name);
      expect([...order].sort()).toEqual(await databaseTables(database.db));
      expect(order.length).toBe(Object.keys(ALL_TABLES).length);
      expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
      expect(order.indexOf('spaces')).toBeLessThan(order.indexOf('items'));
      expect(order.indexOf('items')).toBeLessThan(order.indexOf('notifications'));
    } finally {
      await database.close();
    }
  });

  it('puts parents before children inside a table that refers to itself', () => {
    const rows = [
      { id: 'c', parent_id: 'b' },
      { id: 'b', parent_id: 'a' },
      { id: 'a', parent_id: null },
      { id: 'x', parent_id: 'gone' },
    ];
    expect(parentsFirst(rows, [{ column: 'parent_id', refColumn: 'id' }]).map((r) => r.id)).toEqual(['a', 'x', 'b', 'c']);
  });
});

describe.each(engines)('backup and restore on $name', (engine: Engine) => {
  let source: Database;
  let t: TestApp;
  let dir: string;
  const opened: Database[] = [];

  beforeAll(async () => {
    source = await engine.open();
    t = makeTestApp(source.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-backup-'));
    await populate(t);
  });
  afterAll(async () => {
    await source.close();
    for (const d of opened) await d.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const fresh = async () => {
    const d = await engine.open();
    opened.push(d);
    return d;
  };

  it('restores every row into an empty database, byte for byte, and the app works on it', async () => {
    const file = path.join(dir, 'full.jsonl');
    const summary = await writeBackup(source.db, file);
    expect(summary.rows).toBeGreaterThan(10);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const before = await snapshot(source.db);
    expect(before['items']?.length).toBe(4);
    expect(before['notifications']?.length).toBeGreaterThan(0);
    expect(before['server_secrets']?.length).toBeGreaterThan(0);

    const target = await fresh();
    const restored = await restoreBackup(target.db, file);
    expect(restored).toEqual({ ok: true, value: summary });
    expect(await snapshot(target.db)).toEqual(before);
    // Sealed bodies come back as the same ciphertext, never decoded.
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('"body":"\\\\x');

    // A partner can sign in to the restored database with the same secrets.
    const app = makeTestApp(target.db);
    const health = await new Agent(app).get('/api/health');
    expect(health.status).toBe(200);
  });

  it('refuses a database that is not empty unless forced, and a damaged file', async () => {
    const file = path.join(dir, 'again.jsonl');
    await writeBackup(source.db, file);
    const target = await fresh();
    expect((await restoreBackup(target.db, file)).ok).toBe(true);
    const second = await restoreBackup(target.db, file);
    expect(second).toMatchObject({ ok: false, code: 'not_empty', message: expect.stringMatching(/--force/) });

    // Forced: everything in the target is replaced by the backup, nothing added twice.
    await makeCouple(makeTestApp(target.db), 'extra');
    expect((await restoreBackup(target.db, file, { force: true })).ok).toBe(true);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));

    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\n');
    const cut = path.join(dir, 'cut.jsonl');
    await fs.writeFile(cut, lines.slice(0, -3).join('\n'));
    const empty = await fresh();
    expect(await restoreBackup(empty.db, cut)).toMatchObject({ ok: false, code: 'invalid_backup' });
    const notOurs = path.join(dir, 'other.jsonl');
    await fs.writeFile(notOurs, '{"hello":"world"}\n');
    expect(await restoreBackup(empty.db, notOurs)).toMatchObject({ ok: false, code: 'invalid_backup' });
    const older = path.join(dir, 'older.jsonl');
    const head = JSON.parse(lines[0] ?? '{}');
    await fs.writeFile(older, [JSON.stringify({ ...head, migrations: head.migrations.slice(0, -1) }), ...lines.slice(1)].join('\n'));
    expect(await restoreBackup(empty.db, older)).toMatchObject({ ok: false, code: 'schema_mismatch' });
    // Nothing was half-restored by the refused attempts.
    for (const rows of Object.values(await snapshot(empty.db))) expect(rows).toEqual([]);
  });
});

describe.runIf(engines.length === 2)('backup across engines', () => {
  it('moves a PGlite database to PostgreSQL and back with the same rows', async () => {
    const [pglite, postgres] = engines;
    if (pglite === undefined || postgres === undefined) throw new Error('two engines expected');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-backup-x-'));
    const a = await pglite.open();
    const b = await postgres.open();
    const c = await pglite.open();
    try {
      await populate(makeTestApp(a.db));
      await writeBackup(a.db, path.join(dir, 'a.jsonl'));
      expect((await restoreBackup(b.db, path.join(dir, 'a.jsonl'))).ok).toBe(true);
      await writeBackup(b.db, path.join(dir, 'b.jsonl'));
      expect((await restoreBackup(c.db, path.join(dir, 'b.jsonl'))).ok).toBe(true);
      expect(await snapshot(c.db)).toEqual(await snapshot(a.db));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
