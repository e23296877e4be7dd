/**
 * Issue 20's crowd: 200 seeded couples, 50 connections, every request from a random
 * person — 60% Today, 20% item writes (400-byte bodies), 10% item lists of 50, 10%
 * notifications — against /api/health in the same run with the same client; then
 * writes alone and lists alone. On PostgreSQL and on PGlite. `hearth serve` runs as its
 * own process, as in production.
 *
 * Run alone: `npx tsx bench/mixed.bench.ts` (PostgreSQL at BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres, where it creates and drops a database).
 * BENCH_MIXED_SECONDS sets each measurement's length (default 15); BENCH_MIXED_ONLY one engine.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { toB64 } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { makeCouple, type BenchClient } from './support/client.ts';
import { withPostgres } from './support/postgres.ts';
import { startServer } from './support/server.ts';
import { isMain, ms, printTable, type Row } from './support/report.ts';

const COUPLES = 200;
const ITEMS_PER_PERSON = 15;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env['BENCH_MIXED_SECONDS'] ?? 15);
const WARMUP_S = 3;

type Op = 'today' | 'write' | 'list' | 'notifications';
type Mix = readonly (readonly [Op, number])[];
export const MIXED: Mix = [
  ['today', 0.6],
  ['write', 0.2],
  ['list', 0.1],
  ['notifications', 0.1],
];

type Measured = { readonly rps: number; readonly p50: number; readonly p99: number; readonly failed: number; readonly refused: number };

/** 200 couples from 200 addresses, each partner with a few weeks of items. */
export async function seed(base: string): Promise<BenchClient[]> {
  const people: BenchClient[] = [];
  for (let start = 0; start < COUPLES; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, COUPLES - start) }, async (_, j) => {
        const n = start + j;
        const couple = await makeCouple(base, `crowd${String(n)}`, `10.20.${String(n >> 8)}.${String(n & 255)}`);
        for (const who of [couple.a, couple.b]) {
          for (let i = 0; i < ITEMS_PER_PERSON; i += 1) await who.item('note', { visibility: i % 4 === 0 ? 'private' : 'shared' });
        }
        return [couple.a, couple.b];
      }),
    );
    people.push(...batch.flat());
  }
  return people;
}

function pick(mix: Mix): Op {
  let r = Math.random();
  for (const [op, share] of mix) {
    if (r < share) return op;
    r -= share;
  }
  return mix[0]?.[0] ?? 'today';
}

export async function run(base: string, people: readonly BenchClient[], mix: Mix | 'health', seconds: number): Promise<Measured> {
  const body = () => JSON.stringify({ id: randomUUID(), kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: toB64(randomBytes(400)) });
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          if (mix === 'health') return { ...req, method: 'GET', path: '/api/health', headers: {} };
          const who = people[Math.floor(Math.random() * people.length)];
          const headers: Record<string, string> = { cookie: who?.cookie ?? '', 'x-hearth-csrf': '1' };
          switch (pick(mix)) {
            case 'today':
              return { ...req, method: 'GET', path: '/api/today', headers };
            case 'write':
              return { ...req, method: 'POST', path: '/api/items', headers: { ...headers, 'content-type': 'application/json' }, body: body() };
            case 'list':
              return { ...req, method: 'GET', path: '/api/items?kind=note&limit=50', headers };
            case 'notifications':
              return { ...req, method: 'GET', path: '/api/notifications', headers };
          }
        },
      },
    ],
  });
  const refused = result.statusCodeStats?.['503']?.count ?? 0;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts, refused };
}

type Runs = { readonly health: Measured; readonly mixed: Measured; readonly writes: Measured; readonly lists: Measured };

async function measure(env: Record<string, string>): Promise<Runs> {
  const server = await startServer({ ...env, TRUST_PROXY: '1', WORKER_POLL_SECONDS: '3600' });
  try {
    const people = await seed(server.url);
    await run(server.url, people, 'health', WARMUP_S);
    await run(server.url, people, MIXED, WARMUP_S);
    return {
      health: await run(server.url, people, 'health', DURATION_S),
      mixed: await run(server.url, people, MIXED, DURATION_S),
      writes: await run(server.url, people, [['write', 1]], DURATION_S),
      lists: await run(server.url, people, [['list', 1]], DURATION_S),
    };
  } finally {
    await server.stop();
  }
}

const describe = (m: Measured) =>
  `${m.rps.toFixed(0)} req/s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}${m.failed ? `, ${String(m.failed)} failed` : ''}${m.refused ? ` (${String(m.refused)} were 503)` : ''}`;

function rows(name: 'PostgreSQL' | 'PGlite', r: Runs): Row[] {
  const share = (m: Measured) => m.rps / r.health.rps;
  const of = (m: Measured) => `${describe(m)}; ${share(m).toFixed(2)} of health`;
  const line = (label: string, m: Measured, pgGoal: string, pgMet: boolean): Row =>
    name === 'PostgreSQL'
      ? { benchmark: `mixed ${name}: ${label}`, result: of(m), goal: pgGoal, met: pgMet && m.failed === 0 }
      : { benchmark: `mixed ${name}: ${label}`, result: of(m), goal: 'no failed request, p99 < 250 ms', met: m.failed === 0 && m.p99 < 250 };
  return [
    { benchmark: `mixed ${name}: /api/health`, result: describe(r.health), goal: '(reference)', met: null },
    line('60/20/10/10 mix', r.mixed, '>= 0.5 of health, p99 < 50 ms', share(r.mixed) >= 0.5 && r.mixed.p99 < 50),
    line('writes only', r.writes, '>= 0.3 of health', share(r.writes) >= 0.3),
    line('lists of 50 only', r.lists, '>= 0.3 of health', share(r.lists) >= 0.3),
  ];
}

/** BENCH_MIXED_ONLY=postgres or =pglite runs one engine (while profiling one). */
export async function mixedBench(): Promise<Row[]> {
  const only = process.env['BENCH_MIXED_ONLY'];
  const out: Row[] = [];
  if (only !== 'pglite') out.push(...rows('PostgreSQL', await withPostgres((url) => measure({ DATABASE_URL: url }))));
  if (only !== 'postgres') out.push(...rows('PGlite', await measure({})));
  return out;
}

if (isMain(import.meta.url)) printTable(await mixedBench());
