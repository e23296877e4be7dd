import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { tryLockFile } from './file-lock.ts';
import pg from 'pg';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { err, ok, type Result } from '@hearth/core';
import { watchPglite, watchPostgres, type WatchChanges } from './changes.ts';

/** The one handle type every storage function takes; both engines produce it, and so does a transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  readonly db: Db;
  readonly engine: 'pglite' | 'postgres';
  /** Hears the changes the database announces (decision 0048), for caches that must drop stale answers. */
  readonly watchChanges: WatchChanges;
  /** Closes connections and releases the data-directory lock. Safe to call twice. */
  close(): Promise<void>;
};

export type OpenOptions =
  | { readonly engine: 'postgres'; readonly url: string; readonly migrate?: boolean }
  | { readonly engine: 'pglite'; readonly dataDir: string; readonly migrate?: boolean }
  | { readonly engine: 'memory'; readonly migrate?: boolean };

export type OpenError = 'locked' | 'open_failed';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
/** Arbitrary constant shared by every Hearth process: one migrator at a time per database. */
const MIGRATION_LOCK_ID = 0x4865_6172; // "Hear"
const LOCK_FILE = 'hearth.lock';

export async function openDatabase(options: OpenOptions): Promise<Result<Database, OpenError>> {
  switch (options.engine) {
    case 'postgres':
      return openPostgres(options.url, options.migrate ?? true);
    case 'pglite':
      return openPglite(options.dataDir, options.migrate ?? true);
    case 'memory':
      return openPglite(undefined, options.migrate ?? true);
  }
}

async function openPostgres(url: string, runMigrations: boolean): Promise<Result<Database, OpenError>> {
  const pool = new pg.Pool({ connectionString: url });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    if (runMigrations) {
      const client = await pool.connect();
      try {
        // The migrator's own transaction is not enough when several app processes start
        // at once: two could both see a migration as missing. The advisory lock queues them.
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        try {
          await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
        }
      } finally {
        client.release();
      }
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    return err('open_failed', `Could not open the PostgreSQL database: ${describe(e)}`);
  }
  let closed = false;
  return ok({
    db: drizzlePg(pool),
    engine: 'postgres',
    watchChanges: watchPostgres(url),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  });
}

async function openPglite(dataDir: string | undefined, runMigrations: boolean): Promise<Result<Database, OpenError>> {
  let release: (() => Promise<void>) | undefined;
  if (dataDir !== undefined) {
    try {
      await fs.mkdir(dataDir, { recursive: true });
    } catch (e) {
      return err('open_failed', `Could not create the data folder ${dataDir}: ${describe(e)}`);
    }
    const locked = await lockDataDir(dataDir);
    if (!locked.ok) return locked;
    release = locked.value;
  }
  let client: PGlite | undefined;
  try {
    client = dataDir === undefined ? await PGlite.create() : await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
    const db = drizzlePglite(client);
    if (runMigrations) await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    let closed = false;
    return ok({
      db,
      engine: 'pglite',
      watchChanges: watchPglite(opened),
      async close() {
        if (closed) return;
        closed = true;
        try {
          await opened.close();
        } finally {
          await release?.();
        }
      },
    });
  } catch (e) {
    await client?.close().catch(() => undefined);
    await release?.().catch(() => undefined);
    return err('open_failed', `Could not open the embedded database in ${dataDir ?? 'memory'}: ${describe(e)}`);
  }
}

/**
 * PGlite is a single-process database: two processes writing the same folder would
 * corrupt it. The lock is an advisory lock the operating system holds for this process
 * on an open lock file (an OFD lock on Linux, flock on macOS; decision 0051): it is
 * released the moment the process ends, however it ends (SIGKILL, OOM, power cut), so a
 * restart after a crash opens at once, and it is taken atomically, so of two processes
 * starting together exactly one wins. The file also says who holds it, for the operator.
 */
async function lockDataDir(dataDir: string): Promise<Result<() => Promise<void>, OpenError>> {
  let file: fs.FileHandle;
  try {
    // Never truncate on open: the holder's note must survive someone else's failed attempt.
    file = await fs.open(path.join(dataDir, LOCK_FILE), 'a+');
  } catch (e) {
    return err('open_failed', `Could not open the lock file in ${dataDir}: ${describe(e)}`);
  }
  let locked: boolean;
  try {
    locked = tryLockFile(file.fd);
  } catch (e) {
    await file.close().catch(() => undefined);
    return err('open_failed', `Could not lock the data folder ${dataDir}: ${describe(e)}`);
  }
  if (!locked) {
    await file.close().catch(() => undefined);
    return err(
      'locked',
      `Another Hearth process is already using the data folder ${dataDir}. ` + 'Stop it first, or set DATA_DIR to another folder.',
    );
  }
  await file.truncate(0).catch(() => undefined);
  await file.write(`pid ${String(process.pid)} since ${new Date().toISOString()}\n`, 0).catch(() => undefined);
  // Closing the file releases the lock; the process ending does the same.
  return ok(() => file.close());
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
