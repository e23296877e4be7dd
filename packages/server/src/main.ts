import { serve } from '@hono/node-server';
import type { Config } from './config/env.ts';
import { openDatabase, type Database } from './db/open.ts';
import { createApp } from './http/app.ts';
import { sweep } from './maintenance.ts';
import { loadGuides } from './guides/load.ts';
import { loadHelpDirectory } from './help/directory.ts';

const SWEEP_EVERY_MS = 10 * 60_000;

export function openFromConfig(config: Config, migrate = true) {
  return config.databaseUrl !== undefined
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl, migrate })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir, migrate });
}

/** `hearth serve`: resolves once the server has stopped after SIGINT/SIGTERM. Returns an exit code. */
export async function runServer(config: Config): Promise<number> {
  // Guides first: a guide with bad front matter stops start-up before anything else is touched.
  const guides = await loadGuides(config.contentDir);
  if (!guides.ok) {
    console.error(guides.message);
    return 1;
  }
  const helpDirectory = await loadHelpDirectory(config.helpDirectoryFile);
  if (!helpDirectory.ok) {
    console.error(helpDirectory.message);
    return 1;
  }
  const opened = await openFromConfig(config);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  const database: Database = opened.value;
  const app = createApp({ db: database.db, config, guides: guides.value, helpDirectory: helpDirectory.value });

  const sweeper = setInterval(() => {
    sweep(database.db, config, new Date()).catch((e: unknown) => {
      console.error('Hearth: periodic cleanup failed:', e);
    });
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (e: unknown) => {
    clearInterval(sweeper);
    await database.close();
    throw e;
  });
  console.log(`Hearth is running at http://${config.host}:${config.port}/app/`);

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`Hearth: ${signal} received, shutting down…`);
      clearInterval(sweeper);
      // Stop accepting connections, let open requests finish, then close the database
      // (which also releases the data-folder lock).
      server.close(() => {
        database.close().then(
          () => resolve(0),
          (e: unknown) => {
            console.error('Hearth: closing the database failed:', e);
            resolve(1);
          },
        );
      });
      // Keep-alive connections would hold close() open; nudge idle ones now.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** `hearth migrate`: apply pending migrations and exit. */
export async function runMigrate(config: Config): Promise<number> {
  const opened = await openFromConfig(config, true);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  await opened.value.close();
  console.log(`Hearth: database is up to date (${opened.value.engine === 'postgres' ? 'PostgreSQL' : `embedded, in ${config.dataDir}`}).`);
  return 0;
}
