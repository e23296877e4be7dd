import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { itemListResponse } from '@hearth/core/api';
import { Agent, b64, createSpaceFor, signUp, type Target } from '../test/harness.ts';
import { freePort, killHard, startChild, type Child } from '../test/child.ts';

/**
 * A power cut in the middle of a burst of writes (issue 17): `hearth serve` is killed with
 * SIGKILL while a client has several writes in flight, then started again on the same
 * data. Every write the server acknowledged must be there, byte for byte, nothing may be
 * half-written, and the embedded folder must open as it is (no repair step exists).
 */

const adminUrl = process.env['TEST_DATABASE_URL'];

type Setup = { readonly name: string; env(): Promise<Record<string, string>>; cleanup(): Promise<void> };

function pgliteSetup(): Setup {
  let root = '';
  return {
    name: 'pglite',
    async env() {
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-crash-'));
      return { DATA_DIR: path.join(root, 'data') };
    },
    async cleanup() {
      if (root !== '') await fs.rm(root, { recursive: true, force: true });
    },
  };
}

function postgresSetup(url: string): Setup {
  const name = `hearth_crash_${randomUUID().replaceAll('-', '')}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'postgres',
    async env() {
      await admin(`CREATE DATABASE ${name}`);
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      return { DATABASE_URL: dbUrl.toString() };
    },
    cleanup: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

const setups: Setup[] = adminUrl === undefined || adminUrl === '' ? [pgliteSetup()] : [pgliteSetup(), postgresSetup(adminUrl)];

describe.each(setups)('a server killed with SIGKILL during a burst of writes, on $name', (setup) => {
  const children: Child[] = [];
  afterAll(async () => {
    await Promise.all(children.map(killHard));
    await setup.cleanup();
  });

  const serve = async (env: Record<string, string>) => {
    const child = startChild(['serve'], env);
    children.push(child);
    await child.printed('Hearth is running at');
    return child;
  };

  it('keeps every acknowledged write, whole, and starts again at once', async () => {
    const port = await freePort();
    const env = { ...(await setup.env()), PORT: String(port), HOST: '127.0.0.1', TODAY_CACHE_SECONDS: '0' };
    const base = `http://127.0.0.1:${String(port)}`;
    const target: Target = { app: { request: (p, init) => fetch(base + p, init) } };

    const first = await serve(env);
    const a = await signUp(target, 'crash');
    await createSpaceFor(a);

    const sent = new Map<string, string>();
    const acknowledged = new Set<string>();
    let killed = false;
    const writer = async (): Promise<void> => {
      while (!killed) {
        const id = randomUUID();
        const body = b64(400);
        sent.set(id, body);
        try {
          const res = await a.agent.post('/api/items', { id, kind: 'note', visibility: 'shared', body });
          if (res.status === 201) acknowledged.add(id);
          else throw new Error(`write answered ${String(res.status)}`);
        } catch (e) {
          // The kill: a write in flight gets no answer. Anything else is a real failure.
          if (!killed) throw e;
        }
      }
    };
    // Six writes in flight at any moment; the kill lands while several are half-way through.
    const writers = Array.from({ length: 6 }, writer);
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 5));
    first.proc.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(writers);
    const ackedAtKill = new Set(acknowledged);

    // A supervisor's restart: one attempt, on the same data.
    const second = await serve(env);
    expect(second.output()).not.toMatch(/repair|recover|another hearth process/i);

    const res = await a.agent.get('/api/items?kind=note&limit=500');
    expect(res.status).toBe(200);
    const stored = new Map(itemListResponse.parse(res.body).items.map((i) => [i.id, i.body]));
    for (const id of ackedAtKill) expect(stored.get(id), `acknowledged write ${id}`).toBe(sent.get(id));
    // Writes that got no answer are either there in full or not there at all.
    for (const [id, body] of stored) expect(body, `stored item ${id}`).toBe(sent.get(id));
    console.log(`crash test on ${setup.name}: ${String(ackedAtKill.size)} acknowledged, ${String(stored.size)} stored, ${String(sent.size)} sent`);

    // And it goes on taking writes.
    const after = await new Agent(target).request('GET', '/api/health');
    expect(after.status).toBe(200);
    const more = await a.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'shared', body: b64(40) });
    expect(more.status).toBe(201);
  });
});
