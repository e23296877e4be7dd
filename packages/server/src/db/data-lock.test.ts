import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toB64 } from '@hearth/core';
import { freePort, killHard, startChild, type Child } from '../test/child.ts';
import { openDatabase } from './open.ts';
import { serverSecret } from './secrets.ts';

/**
 * The embedded database's folder lock (issue 25, decision 0051): the operating system
 * releases it when its process dies, so a supervisor's restart after a crash starts at
 * once, and two live processes can still never share the folder.
 */

const HOLDER = fileURLToPath(new URL('../test/hold-data-dir.ts', import.meta.url));
const LOCKED = 'Another Hearth process is already using the data folder';

describe('the data folder lock', () => {
  let dir: string;
  const children: Child[] = [];

  beforeEach(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-lock-')), 'data');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map(killHard));
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('is free the moment its holder is killed with SIGKILL, and what the holder committed is there', async () => {
    const holder = startChild([], { DATA_DIR: dir }, HOLDER);
    children.push(holder);
    await holder.printed('committed ');
    const committed = /committed (\S+)/.exec(holder.output())?.[1];

    // While it lives, nobody else gets in, and a refused attempt does not loosen the holder's lock.
    const refused = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(LOCKED);
    expect(await fs.readFile(path.join(dir, 'hearth.lock'), 'utf8')).toMatch(new RegExp(`^pid ${String(holder.proc.pid)} since `));
    const again = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(again.ok).toBe(false);

    await killHard(holder);
    const killedAt = Date.now();
    // The first attempt after the kill opens it: no stale-lock wait, no retry loop.
    const reopened = await openDatabase({ engine: 'pglite', dataDir: dir });
    if (!reopened.ok) throw new Error(reopened.message);
    console.log(`data-lock: reopened ${String(Date.now() - killedAt)} ms after the SIGKILL`);
    try {
      expect(toB64(await serverSecret(reopened.value.db, 'crash-test'))).toBe(committed);
    } finally {
      await reopened.value.close();
    }
  });

  it('lets exactly one of ten `hearth serve` started in the same instant have the folder', async () => {
    const port = String(await freePort());
    const starts = Array.from({ length: 10 }, () => startChild(['serve'], { DATA_DIR: dir, PORT: port, HOST: '127.0.0.1', TODAY_CACHE_SECONDS: '0' }));
    children.push(...starts);
    // Every loser exits on its own, with the clear message; the winner keeps serving.
    const outcomes = await Promise.all(
      starts.map(async (child) => {
        const result = await Promise.race([child.printed('Hearth is running at').then(() => 'serving' as const), child.exited.then(() => 'exited' as const)]);
        if (result === 'exited' && !child.output().includes('Hearth is running at')) return { result, code: child.proc.exitCode, output: child.output() };
        return { result: 'serving' as const, code: null, output: child.output() };
      }),
    );
    const serving = outcomes.filter((o) => o.result === 'serving');
    const losers = outcomes.filter((o) => o.result === 'exited');
    expect(serving, JSON.stringify(outcomes.map((o) => o.output))).toHaveLength(1);
    expect(losers).toHaveLength(9);
    for (const loser of losers) {
      expect(loser.code).toBe(1);
      expect(loser.output).toContain(LOCKED);
    }
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
  });
});
