import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from './open.ts';
import { users } from './schema.ts';
import { serverSecret } from './secrets.ts';

describe('embedded database folder', () => {
  let dir: string;

  beforeAll(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-data-')), 'nested', 'data');
  });
  afterAll(async () => {
    await fs.rm(path.dirname(path.dirname(dir)), { recursive: true, force: true });
  });

  it('creates the folder, refuses a second opener with a clear error, and frees it on close', async () => {
    const first = await openDatabase({ engine: 'pglite', dataDir: dir });
    if (!first.ok) throw new Error(first.message);
    const secret = await serverSecret(first.value.db, 'fake-salt');

    const second = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.code).toBe('locked');
      expect(second.message).toMatch(/Another Hearth process is already using the data folder/);
    }

    await first.value.close();
    const third = await openDatabase({ engine: 'pglite', dataDir: dir });
    if (!third.ok) throw new Error(third.message);
    // Data and the server secret survive a restart; migrations run again without harm.
    expect(await serverSecret(third.value.db, 'fake-salt')).toEqual(secret);
    const [row] = await third.value.db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(row?.n).toBe(0);
    await third.value.close();
  });
});

const pgUrl = process.env['TEST_DATABASE_URL'];

describe.skipIf(pgUrl === undefined || pgUrl === '')('PostgreSQL migrations', () => {
  it('can run from several processes at once', async () => {
    const { randomUUID } = await import('node:crypto');
    const pg = await import('pg');
    const name = `hearth_test_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.default.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(pgUrl ?? '');
      url.pathname = `/${name}`;
      const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ engine: 'postgres', url: url.toString() })));
      for (const o of opened) {
        expect(o.ok).toBe(true);
        if (o.ok) await o.value.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
