/**
 * Issue 20's open tabs: one `hearth serve` on PostgreSQL holds 2,000 `/api/events`
 * streams (200 couples, ten tabs each: five of each partner), and we measure what each stream costs in the
 * server's memory and how long a write takes to reach the partner's stream while all
 * 2,000 are open.
 *
 * Run alone: `npx tsx bench/streams.bench.ts` (PostgreSQL at BENCH_DATABASE_URL).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { toB64 } from '@hearth/core';
import { randomBytes } from '@hearth/core/crypto';
import { makeCouple, type BenchClient } from './support/client.ts';
import { withPostgres } from './support/postgres.ts';
import { startServer } from './support/server.ts';
import { isMain, ms, printTable, type Row } from './support/report.ts';

const COUPLES = 200;
const TABS = 10;
const WRITES = 300;

/** The server's resident memory, from /proc (Linux). */
function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

type Stream = { heard: (itemId: string) => Promise<number>; close: () => void };

/** One tab's stream: resolves `heard(id)` with the time the item's event arrived. */
async function openStream(base: string, who: BenchClient): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { cookie: who.cookie, accept: 'text/event-stream' }, signal: controller.signal });
  if (res.status !== 200 || res.body === null) throw new Error(`stream refused: ${String(res.status)}`);
  const waiting = new Map<string, (at: number) => void>();
  const arrived = new Map<string, number>();
  let buffer = '';
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body ?? []) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: ready')) ready();
          const data = /data: (\{.*\})/.exec(block)?.[1];
          if (!block.includes('event: item') || data === undefined) continue;
          const id = /"id":"([^"]+)"/.exec(data)?.[1];
          if (id === undefined) continue;
          const at = performance.now();
          arrived.set(id, at);
          waiting.get(id)?.(at);
        }
      }
    } catch {
      // Closed by the benchmark.
    }
  })();
  await isReady;
  return {
    heard: (itemId) => {
      const at = arrived.get(itemId);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
        waiting.set(itemId, (when) => {
          clearTimeout(timer);
          resolve(when);
        });
      });
    },
    close: () => controller.abort(),
  };
}

type Measured = { readonly perStreamBytes: number; readonly p50: number; readonly p99: number; readonly streams: number };

async function measure(url: string): Promise<Measured> {
  const server = await startServer({ DATABASE_URL: url, TRUST_PROXY: '1', WORKER_POLL_SECONDS: '3600' });
  const streams: Stream[] = [];
  try {
    const couples: { a: BenchClient; b: BenchClient }[] = [];
    for (let start = 0; start < COUPLES; start += 10) {
      couples.push(...(await Promise.all(Array.from({ length: Math.min(10, COUPLES - start) }, (_, j) => makeCouple(server.url, `tabs${String(start + j)}`, `10.30.${String((start + j) >> 8)}.${String((start + j) & 255)}`)))));
    }
    // Warm the server's code paths with a few streams and writes before the baseline.
    const warm = await openStream(server.url, couples[0]?.b ?? fail());
    warm.close();
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssBytes(server.pid);
    const tabsOf = new Map<BenchClient, Stream[]>();
    for (const couple of couples) {
      for (const who of [couple.a, couple.b]) {
        const mine: Stream[] = [];
        // Ten tabs a couple, five of each partner's (phones, laptops, forgotten tabs).
        const tabs = who === couple.a ? Math.ceil(TABS / 2) : Math.floor(TABS / 2);
        for (let t = 0; t < tabs; t += 1) mine.push(await openStream(server.url, who));
        streams.push(...mine);
        tabsOf.set(who, mine);
      }
    }
    await new Promise((r) => setTimeout(r, 3000));
    const after = rssBytes(server.pid);

    const latencies: number[] = [];
    for (let i = 0; i < WRITES; i += 1) {
      const couple = couples[i % couples.length] ?? fail();
      const id = randomUUID();
      const tab = tabsOf.get(couple.b)?.[0] ?? fail();
      const started = performance.now();
      await couple.a.call('POST', '/api/items', { id, kind: 'note', visibility: 'shared', parentId: null, remindAt: null, body: toB64(randomBytes(400)) });
      latencies.push((await tab.heard(id)) - started);
    }
    latencies.sort((x, y) => x - y);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
    return { perStreamBytes: (after - before) / streams.length, p50: at(0.5), p99: at(0.99), streams: streams.length };
  } finally {
    for (const s of streams) s.close();
    await server.stop();
  }
}

function fail(): never {
  throw new Error('unexpected: no such couple');
}

export async function streamsBench(): Promise<Row[]> {
  const m = await withPostgres(measure);
  return [
    { benchmark: `live streams: memory per open stream (${String(m.streams)} open)`, result: `${(m.perStreamBytes / 1024).toFixed(1)} KB`, goal: '< 20 KB', met: m.perStreamBytes < 20 * 1024 },
    {
      benchmark: `live streams: write → partner's event, ${String(m.streams)} open`,
      result: `p50 ${ms(m.p50)}, p99 ${ms(m.p99)} (from sending the write, ${String(WRITES)} writes)`,
      goal: 'p99 < 200 ms',
      met: m.p99 < 200,
    },
  ];
}

if (isMain(import.meta.url)) printTable(await streamsBench());
