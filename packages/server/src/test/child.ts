import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The `hearth` command, as an operator runs it. */
export const HEARTH = fileURLToPath(new URL('../../bin/hearth.js', import.meta.url));

export type Child = {
  readonly proc: ChildProcess;
  /** Everything it printed, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Resolves once `text` appears in its output; rejects if it exits first. */
  printed(text: string, limitMs?: number): Promise<void>;
};

/** Starts `hearth <args>` (or another Node script) with the given environment on top of this one. */
export function startChild(args: readonly string[], env: Record<string, string>, script = HEARTH): Child {
  // A TypeScript script runs through tsx, as bin/hearth.js runs the server.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...loader, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const listeners = new Set<() => void>();
  const heard = (d: Buffer) => {
    chunks.push(d.toString());
    for (const l of listeners) l();
  };
  proc.stdout?.on('data', heard);
  proc.stderr?.on('data', heard);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const output = () => chunks.join('');
  const printed = (text: string, limitMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output().includes(text)) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`gave up waiting for "${text}"; it printed: ${output()}`));
      }, limitMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => {
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`exited (${String(code)}) before printing "${text}": ${output()}`));
      });
      check();
    });
  return { proc, output, exited, printed };
}

/** Ends a child with SIGKILL (if it still runs) and waits for it to be gone. */
export async function killHard(child: Child): Promise<void> {
  if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL');
  await child.exited;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
