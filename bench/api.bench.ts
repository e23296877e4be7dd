/**
 * API throughput: the authenticated Today data (GET /api/today) against /api/health,
 * in the same run, on the same server, with autocannon at 50 connections — on
 * PostgreSQL and on the embedded PGlite, each with the Today cache on and off. The server runs as its own process
 * (`hearth serve`, as in production) so the load generator does not share its thread.
 *
 * Run alone: `npx tsx bench/api.bench.ts` (needs PostgreSQL at BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres, where it may create a database).
 */
import autocannon from 'autocannon';
import { makeCouple, type BenchClient } from './support/client.ts';
import { startServer } from './support/server.ts';
import { withPostgres } from './support/postgres.ts';
import { isMain, kb, ms, printTable, type Row } from './support/report.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_API_SECONDS'] ?? 10);
const WARMUP_S = 3;
const DAY = 24 * 60 * 60 * 1000;

type Measured = { readonly rps: number; readonly p50: number; readonly p99: number; readonly failed: number };

async function load(url: string, cookie: string, seconds: number): Promise<Measured> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: cookie ? { cookie } : {} });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: r.non2xx + r.errors + r.timeouts };
}

/** A couple with a realistic few months of items (and other couples beside them), so the queries have something to skip. */
async function seed(base: string): Promise<BenchClient> {
  const now = Date.now();
  const write = async (who: BenchClient, count: number) => {
    for (let i = 0; i < count; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, count - i) }, (_, j) => {
          const n = i + j;
          if (n % 5 === 0) return who.item('support-date', { remindAt: new Date(now + ((n % 21) - 10) * DAY) });
          return who.item('note', { visibility: n % 5 === 1 ? 'private' : 'shared' });
        }),
      );
    }
  };
  const main = await makeCouple(base, 'bench');
  await write(main.a, 150);
  await write(main.b, 150);
  for (let c = 0; c < 4; c++) {
    const other = await makeCouple(base, `other${c}`);
    await write(other.a, 50);
    await write(other.b, 50);
  }
  return main.a;
}

type Run = { readonly health: Measured; readonly today: Measured; readonly todayBytes: number };

/** One `hearth serve` on a fresh database: seed, warm up, then health and Today back to back. */
async function measure(env: Record<string, string>): Promise<Run> {
  const server = await startServer({ ...env, WORKER_POLL_SECONDS: '3600' });
  try {
    const who = await seed(server.url);
    const health = `${server.url}/api/health`;
    const today = `${server.url}/api/today`;
    await load(health, '', WARMUP_S);
    await load(today, who.cookie, WARMUP_S);
    const todayBytes = (await (await fetch(today, { headers: { cookie: who.cookie } })).arrayBuffer()).byteLength;
    return { health: await load(health, '', DURATION_S), today: await load(today, who.cookie, DURATION_S), todayBytes };
  } finally {
    await server.stop();
  }
}

/**
 * As deployed (the Today cache on, decision 0048), and again with TODAY_CACHE_SECONDS=0
 * so every Today is read from the database: the figure a person meets right after
 * a change, and what the cache saves.
 */
function rows(name: 'PostgreSQL' | 'PGlite', cached: Run, uncached: Run): Row[] {
  const goalsApply = name === 'PostgreSQL';
  const result = (m: Measured) => `${m.rps.toFixed(0)} req/s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}${m.failed ? `, ${m.failed} failed` : ''}`;
  const ratio = cached.today.rps / cached.health.rps;
  const failures = cached.health.failed + cached.today.failed;
  return [
    { benchmark: `API ${name}: /api/health`, result: result(cached.health), goal: '(reference)', met: null },
    {
      benchmark: `API ${name}: /api/today`,
      result: result(cached.today),
      goal: goalsApply ? 'p99 < 50 ms at 50 connections' : '(no goal on PGlite)',
      met: goalsApply ? cached.today.p99 < 50 && failures === 0 : null,
    },
    {
      benchmark: `API ${name}: today / health`,
      result: ratio.toFixed(2),
      goal: goalsApply ? '>= 0.50' : '(no goal on PGlite)',
      met: goalsApply ? ratio >= 0.5 : null,
    },
    {
      benchmark: `API ${name}: /api/today bytes, couple with 300 items`,
      result: kb(cached.todayBytes),
      goal: '< 10 KB',
      met: cached.todayBytes < 10 * 1024,
    },
    {
      benchmark: `API ${name}: /api/today, cache off`,
      result: `${result(uncached.today)}; ${(uncached.today.rps / uncached.health.rps).toFixed(2)} of health`,
      goal: '(reference)',
      met: null,
    },
  ];
}

export async function apiBench(): Promise<Row[]> {
  const off = { TODAY_CACHE_SECONDS: '0' };
  const pgCached = await withPostgres((url) => measure({ DATABASE_URL: url }));
  const pgUncached = await withPostgres((url) => measure({ DATABASE_URL: url, ...off }));
  const pgliteCached = await measure({});
  const pgliteUncached = await measure(off);
  return [...rows('PostgreSQL', pgCached, pgUncached), ...rows('PGlite', pgliteCached, pgliteUncached)];
}

if (isMain(import.meta.url)) printTable(await apiBench());
