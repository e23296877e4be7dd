import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { err, ok, type Result } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { transact } from '../db/transact.ts';
import { rawRows, tableJsonRows, tablesInDependencyOrder } from './tables.ts';

/**
 * Operator backups (issue #10, decision 0041): every table, row by row, as JSON lines in
 * foreign-key order, read inside one snapshot. The same file restores on PGlite and on
 * PostgreSQL (no pg_dump, whose version must match the server's). Rows are copied as
 * PostgreSQL renders them (`row_to_json`): sealed bodies and wrapped keys stay the
 * ciphertext they are, bytea as hex. The file still holds emails and password
 * verifiers, so it is written readable by its owner only.
 */
export const BACKUP_FORMAT = 'hearth-backup';
export const BACKUP_VERSION = 1;

const header = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  /** Applied migrations (their hashes, in order): a backup restores only into the same schema. */
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().min(0) })),
});
const rowLine = z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) });
const endLine = z.object({ end: z.literal(true), rows: z.number().int().min(0) });

export type BackupSummary = { readonly tables: number; readonly rows: number };

async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await rawRows(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  return rows.map((r) => z.object({ hash: z.string() }).parse(r).hash);
}

const countOf = async (db: Db, name: string): Promise<number> => {
  const [row] = await rawRows(db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
  return z.object({ n: z.number() }).parse(row).n;
};

/** Writes the backup to `file` (via a temporary file, so a failed run never leaves a file that looks whole). */
export async function writeBackup(db: Db, file: string, now = new Date()): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const handle = await fs.open(partial, 'w', 0o600);
  let total = 0;
  const order = tablesInDependencyOrder();
  try {
    // One snapshot for every table, so rows that refer to each other are copied as of one moment.
    await db.transaction(
      async (tx) => {
        const counts = [];
        for (const t of order) counts.push({ name: t.name, rows: await countOf(tx, t.name) });
        const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), migrations: await appliedMigrations(tx), tables: counts };
        await handle.write(`${JSON.stringify(head)}\n`);
        for (const t of order) {
          const rows = await tableJsonRows(tx, t.name);
          // Rows arrive as JSON text already; wrapping them by hand avoids parsing every row again.
          if (rows.length > 0) await handle.write(rows.map((r) => `{"table":${JSON.stringify(t.name)},"row":${r}}\n`).join(''));
          total += rows.length;
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await handle.write(`${JSON.stringify({ end: true, rows: total })}\n`);
  } finally {
    await handle.close();
  }
  await fs.rename(partial, file);
  return { tables: order.length, rows: total };
}

export type RestoreError = 'not_empty' | 'invalid_backup' | 'schema_mismatch';

const INSERT_CHUNK = 500;

/** Parents before children in a table that refers to itself (item threads), so chunks never break a reference. */
export function parentsFirst(rows: Record<string, unknown>[], selfRefs: { column: string; refColumn: string }[]): Record<string, unknown>[] {
  if (selfRefs.length === 0) return rows;
  // A reference may span several columns (an item's parent is (space_id, parent_id) → (space_id, id)).
  const key = (r: Record<string, unknown>, cols: readonly string[]) => {
    const values = cols.map((col) => r[col]);
    return values.some((v) => v === null || v === undefined) ? null : JSON.stringify(values.map(String));
  };
  const from = selfRefs.map((s) => s.column);
  const to = selfRefs.map((s) => s.refColumn);
  const present = new Set(rows.map((r) => key(r, to)));
  const placed = new Set<string | null>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const r of pending) {
      const parent = key(r, from);
      if (parent === null || !present.has(parent) || placed.has(parent)) {
        out.push(r);
        placed.add(key(r, to));
      } else next.push(r);
    }
    // A cycle cannot be ordered; leave the rest in one go and let the database judge it.
    if (next.length === pending.length) return [...out, ...next];
    pending = next;
  }
  return out;
}

/**
 * Restores a backup into a database with the same migrations, in one transaction.
 * An empty database is required unless `force`, which first empties every Hearth table.
 */
export async function restoreBackup(db: Db, file: string, options: { force?: boolean } = {}): Promise<Result<BackupSummary, RestoreError>> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let head: z.infer<typeof header> | undefined;
  let end: z.infer<typeof endLine> | undefined;
  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return err('invalid_backup', `${file}: line ${lineNo} is not JSON; the backup is damaged.`);
    }
    if (head === undefined) {
      const parsed = header.safeParse(value);
      if (!parsed.success) return err('invalid_backup', `${file} is not a Hearth backup (format ${BACKUP_FORMAT} version ${BACKUP_VERSION}).`);
      head = parsed.data;
      continue;
    }
    if (end !== undefined) return err('invalid_backup', `${file}: there is more after the end mark (line ${lineNo}).`);
    const row = rowLine.safeParse(value);
    if (row.success) {
      const list = rowsByTable.get(row.data.table) ?? [];
      list.push(row.data.row);
      rowsByTable.set(row.data.table, list);
      continue;
    }
    const last = endLine.safeParse(value);
    if (!last.success) return err('invalid_backup', `${file}: line ${lineNo} is neither a row nor the end mark.`);
    end = last.data;
  }
  if (head === undefined) return err('invalid_backup', `${file} is empty.`);
  if (end === undefined) return err('invalid_backup', `${file} stops before its end mark: the backup is incomplete.`);

  const order = tablesInDependencyOrder();
  const known = new Set(order.map((t) => t.name));
  const unknown = [...rowsByTable.keys(), ...head.tables.map((t) => t.name)].filter((n) => !known.has(n));
  if (unknown.length > 0) return err('schema_mismatch', `The backup has tables this Hearth doesn't: ${[...new Set(unknown)].join(', ')}.`);
  for (const t of head.tables) {
    const got = rowsByTable.get(t.name)?.length ?? 0;
    if (got !== t.rows) return err('invalid_backup', `${file}: table ${t.name} should have ${t.rows} rows but has ${got}; the backup is damaged.`);
  }

  const backupHead = head;
  return transact<BackupSummary, RestoreError>(db, async (tx) => {
    const migrations = await appliedMigrations(tx);
    if (JSON.stringify(migrations) !== JSON.stringify(backupHead.migrations)) {
      return err(
        'schema_mismatch',
        `The backup was made with ${backupHead.migrations.length} migrations and this database has ${migrations.length}. ` +
          'Restore with the Hearth version that made the backup, then upgrade.',
      );
    }
    const occupied = [];
    for (const t of order) if ((await countOf(tx, t.name)) > 0) occupied.push(t.name);
    if (occupied.length > 0) {
      if (options.force !== true) {
        return err('not_empty', `The database is not empty (${occupied.join(', ')} hold rows). Restore into an empty database, or pass --force to replace everything in it.`);
      }
      await tx.execute(sql`truncate ${sql.join(order.map((t) => sql.identifier(t.name)), sql`, `)}`);
    }
    // Items keep the change positions they had (migration 0016), so devices' cursors stay true.
    await tx.execute(sql`select set_config('hearth.restoring', 'on', true)`);
    let total = 0;
    for (const t of order) {
      const rows = parentsFirst(rowsByTable.get(t.name) ?? [], t.selfRefs);
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = JSON.stringify(rows.slice(i, i + INSERT_CHUNK));
        await tx.execute(
          sql`insert into ${sql.identifier(t.name)} select * from json_populate_recordset(null::${sql.identifier(t.name)}, ${chunk}::json)`,
        );
      }
      total += rows.length;
    }
    return ok({ tables: order.length, rows: total });
  });
}
