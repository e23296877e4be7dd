import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A throwaway database on the PostgreSQL server, dropped afterwards. */
export async function withPostgres<T>(run: (url: string) => Promise<T>): Promise<T> {
  const admin = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hearth_bench_${randomUUID().replaceAll('-', '')}`;
  const exec = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await exec(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
