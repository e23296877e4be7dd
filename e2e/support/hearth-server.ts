import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export type HearthServer = {
  readonly url: string;
  readonly dataDir: string;
  /** Stops the server and waits for it to release the database. */
  stop(): Promise<void>;
};

/**
 * Starts `hearth serve` as its own process on a free port with a fresh embedded
 * database, exactly as `npm start` would, and resolves once it says it is listening.
 * `env` adds or overrides variables (e.g. a short WORKER_POLL_SECONDS).
 */
export async function startHearth(env: Record<string, string> = {}, again?: { dataDir: string; port: number }): Promise<HearthServer> {
  // `again`: the same database on the same port, as after a crash or a deploy (the browser's origin stays the same).
  const dataDir = again?.dataDir ?? mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const port = again?.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['packages/server/bin/hearth.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Generous: on a busy 2-core machine the first start (TypeScript compiled on the fly, migrations) can take over a minute.
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Everything the database holds, as text: every row of every table (bytea shown
 * as hex, so plaintext stored in a binary column would show as its hex), plus the
 * raw bytes of every file in the data directory (catches WAL and dead tuples).
 */
export async function dumpDatabase(dataDir: string): Promise<{ rows: string; files: Buffer[] }> {
  // `hearth serve` keeps the embedded database in DATA_DIR/pglite.
  const db = new PGlite(join(dataDir, 'pglite'));
  try {
    const tables = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    let rows = '';
    for (const t of tables.rows) {
      const r = await db.query<{ row: string }>(`SELECT row_to_json(x)::text AS row FROM "${t.schema}"."${t.name}" x`);
      rows += `-- ${t.schema}.${t.name}: ${r.rows.length} rows\n` + r.rows.map((x) => x.row).join('\n') + '\n';
    }
    return { rows, files: readAllFiles(dataDir) };
  } finally {
    await db.close();
  }
}

function readAllFiles(dir: string): Buffer[] {
  const out: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...readAllFiles(path));
    else if (st.isFile()) out.push(readFileSync(path));
  }
  return out;
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** A port nothing listens on now: journeys may run side by side, so a random guess could collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
