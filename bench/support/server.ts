import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../e2e/support/hearth-server.ts';

export type BenchServer = { readonly url: string; readonly pid: number; stop(): Promise<void> };

/**
 * `hearth serve` as its own process (as `npm start` runs it), on a free port with a
 * fresh data folder (`nodeArgs` such as `--cpu-prof` go to node); resolves once it says where it listens. The first start of a
 * fresh clone compiles the TypeScript on the fly, so it gets a generous three minutes.
 */
export async function startServer(env: Record<string, string> = {}, nodeArgs: readonly string[] = []): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'packages/server/bin/hearth.js', 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

