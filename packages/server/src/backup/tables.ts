import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';

/**
 * Every Hearth table, ordered so a table comes after each table it refers to: restoring
 * in this order never breaks a foreign key. Derived from the schema (`ALL_TABLES` and
 * each table's foreign keys), so a table a feature adds is backed up without changes here.
 */
export function tablesInDependencyOrder(): { name: string; table: PgTable; selfRefs: { column: string; refColumn: string }[]; primaryKey: string[] }[] {
  const all = Object.values(ALL_TABLES).map((table) => ({ table, config: getTableConfig(table) }));
  const byName = new Map(all.map((t) => [t.config.name, t]));
  const done = new Set<string>();
  const out: ReturnType<typeof tablesInDependencyOrder> = [];
  const visit = (name: string, trail: Set<string>) => {
    if (done.has(name) || trail.has(name)) return;
    const entry = byName.get(name);
    if (entry === undefined) return;
    const selfRefs: { column: string; refColumn: string }[] = [];
    for (const fk of entry.config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      if (target === name) {
        ref.columns.forEach((c, i) => {
          const to = ref.foreignColumns[i];
          if (to !== undefined) selfRefs.push({ column: c.name, refColumn: to.name });
        });
      } else visit(target, new Set([...trail, name]));
    }
    done.add(name);
    const pk =
      entry.config.primaryKeys[0]?.columns.map((c) => c.name) ?? entry.config.columns.filter((c) => c.primary).map((c) => c.name);
    out.push({ name, table: entry.table, selfRefs, primaryKey: pk });
  };
  for (const t of all) visit(t.config.name, new Set());
  return out;
}

const rowsResult = z.object({ rows: z.array(z.record(z.string(), z.unknown())) });

/** Raw rows of a query on either engine (both drivers answer with `{ rows }`). */
export async function rawRows(db: Db, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return rowsResult.parse(await db.execute(query)).rows;
}

const jsonRow = z.object({ row: z.string() });

/**
 * Every row of a table as PostgreSQL's own JSON text (bytea as `\x` hex, times in ISO
 * form), the lossless form backups carry and tests compare.
 */
export async function tableJsonRows(db: Db, tableName: string): Promise<string[]> {
  const rows = await rawRows(db, sql`select row_to_json(t)::text as row from ${sql.identifier(tableName)} t`);
  return rows.map((r) => jsonRow.parse(r).row);
}

/** Names of the tables that exist in the database's public schema. */
export async function databaseTables(db: Db): Promise<string[]> {
  const rows = await rawRows(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => z.object({ name: z.string() }).parse(r).name);
}
