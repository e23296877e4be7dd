import { test } from '@playwright/test';
import { removeDataDir, startHearth, type HearthServer } from './hearth-server.ts';

/**
 * One server with a fresh embedded database for the journeys of a spec file: started
 * before them, stopped and wiped after. The returned object reads through to the
 * running server, so specs use it like the server itself. `env` is passed to `startHearth`.
 * `restart` brings the same server back after a journey stopped it.
 */
export function useHearthServer(env: Record<string, string> = {}): HearthServer & { restart(): Promise<void> } {
  let running: HearthServer | undefined;
  const current = (): HearthServer => {
    if (running === undefined) throw new Error('the Hearth server is not running yet (use it inside a test)');
    return running;
  };
  test.beforeAll(async () => {
    running = await startHearth(env);
  });
  test.afterAll(async () => {
    if (running === undefined) return;
    await running.stop();
    removeDataDir(running.dataDir);
  });
  return {
    get url() {
      return current().url;
    },
    get dataDir() {
      return current().dataDir;
    },
    stop: () => current().stop(),
    /** Stops the server (if it runs) and starts it again on the same port and database. */
    async restart() {
      const { url, dataDir } = current();
      await current().stop();
      running = await startHearth(env, { dataDir, port: Number(new URL(url).port) });
    },
  };
}
