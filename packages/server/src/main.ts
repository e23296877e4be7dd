import type { Config } from './config/env.ts';
import { openDatabase, type Database } from './db/open.ts';
import { createApp } from './http/app.ts';
import { listen } from './http/listen.ts';
import { sweep } from './maintenance.ts';
import { SessionCache, TodayCache } from './today/cache.ts';
import { loadGuides } from './guides/load.ts';
import { loadProgramme } from './programme/load.ts';
import { loadHelpDirectory } from './help/directory.ts';
import { startNotificationWorker } from './notifications/worker.ts';
import { createMailer } from './mail/mailer.ts';
import type { Db } from './db/open.ts';
import type { PushOptions } from './push/deliver.ts';
import { vapidKeys, vapidLoader } from './push/vapid.ts';
import { EventHub } from './events/hub.ts';
import { fanOut } from './db/changes.ts';

const SWEEP_EVERY_MS = 10 * 60_000;

function pushOptions(db: Db, config: Config): PushOptions {
  return { vapid: vapidLoader(db), subject: config.vapidSubject, leaseMs: config.pushLeaseMs };
}

export function openFromConfig(config: Config, migrate = true) {
  return config.databaseUrl !== undefined
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl, migrate })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir, migrate });
}

/** `hearth serve`: resolves once the server has stopped after SIGINT/SIGTERM. Returns an exit code. */
/** The mailer for digests and reminder emails, and the origin their links point at (PUBLIC_URL, else the local address). */
function mailOptions(config: Config) {
  return { mailer: createMailer(config), origin: config.publicUrl?.origin ?? `http://${config.host}:${config.port}` };
}

/** How long open requests may run on after a shutdown signal before their connections are closed. */
const SHUTDOWN_GRACE_MS = 5000;

export async function runServer(config: Config): Promise<number> {
  // Guides first: a guide with bad front matter stops start-up before anything else is touched.
  const guides = await loadGuides(config.contentDir);
  if (!guides.ok) {
    console.error(guides.message);
    return 1;
  }
  const programme = await loadProgramme(config.contentDir, new Set(guides.value.images.keys()));
  if (!programme.ok) {
    console.error(programme.message);
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
  const todayCache = config.todayCacheMs > 0 ? new TodayCache({ ttlMs: config.todayCacheMs }) : undefined;
  const sessionCache = config.todayCacheMs > 0 ? new SessionCache({ ttlMs: config.todayCacheMs }) : undefined;
  const events = new EventHub();
  // Until the listener is up the caches serve nothing, so starting them first costs no correctness.
  const listeners = [todayCache?.handlers, sessionCache?.handlers, events.handlers].filter((h) => h !== undefined);
  const stopWatching = await database.watchChanges(fanOut(listeners));
  // PGlite answers one statement at a time: a few requests at once, the rest in line for at most 200 ms.
  const queue = database.engine === 'pglite' ? { inFlight: 4, maxWaitMs: 200 } : undefined;
  const app = createApp({
    db: database.db,
    config,
    guides: guides.value,
    programme: programme.value,
    helpDirectory: helpDirectory.value,
    todayCache,
    sessionCache,
    events,
    ...(queue === undefined ? {} : { admission: queue }),
  });

  const sweeper = setInterval(() => {
    sweep(database.db, config, new Date()).catch((e: unknown) => {
      console.error('Hearth: periodic cleanup failed:', e);
    });
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  // One worker in-process, so `npm start` delivers reminders with nothing else running.
  const worker = startNotificationWorker({ db: database.db, pollMs: config.workerPollMs, mail: mailOptions(config), push: pushOptions(database.db, config) });

  const server = listen(app.fetch, config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (e: unknown) => {
    clearInterval(sweeper);
    await worker.stop();
    await stopWatching();
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
      // Live streams never finish on their own: end them, so the browsers reconnect elsewhere.
      events.closeAll();
      // Stop accepting connections, let open requests finish, then close the database
      // (which also releases the data-folder lock).
      server.close(() => {
        // The worker finishes its poll first: closing the database under it would log a failure.
        worker
          .stop()
          .then(stopWatching)
          .then(() => database.close())
          .then(
          () => resolve(0),
          (e: unknown) => {
            console.error('Hearth: closing the database failed:', e);
            resolve(1);
          },
        );
      });
      // Keep-alive connections would hold close() open; nudge idle ones now, and after a
      // grace period (the ended live streams, a slow client) close whatever is left.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      if ('closeAllConnections' in server) setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
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

/**
 * `hearth worker`: delivers due reminders without serving HTTP, for PostgreSQL
 * deployments that run several processes. (On the embedded database the data folder
 * is locked to one process, so `hearth serve` runs the worker itself.)
 */
export async function runWorker(config: Config): Promise<number> {
  const opened = await openFromConfig(config);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  const database = opened.value;
  const worker = startNotificationWorker({ db: database.db, pollMs: config.workerPollMs, mail: mailOptions(config), push: pushOptions(database.db, config) });
  console.log(`Hearth worker is running (every ${config.workerPollMs / 1000} s).`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      worker
        .stop()
        .then(() => database.close())
        .then(
          () => resolve(0),
          (e: unknown) => {
            console.error('Hearth: stopping the worker failed:', e);
            resolve(1);
          },
        );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** `hearth vapid`: prints the VAPID public key (creating the pair on first use), e.g. for a push-service console. */
export async function runVapid(config: Config): Promise<number> {
  const opened = await openFromConfig(config, true);
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  try {
    const { publicKey } = await vapidKeys(opened.value.db);
    console.log(publicKey);
    return 0;
  } finally {
    await opened.value.close();
  }
}
