import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the triggers of migration 0011 announce changes on (decision 0048). */
export const CHANGES_CHANNEL = 'hearth_changes';

/**
 * What a process holding cached answers hears from the database. `change` gets each
 * announced key ('space:<id>', 'user:<id>', 'all', or anything a test sends); `gap` means
 * announcements may have been missed (the listening connection dropped), `live` that
 * they arrive again — everything cached before it is suspect.
 */
export type ChangeHandlers = {
  change(key: string): void;
  gap(): void;
  live(): void;
};

/** Starts listening; the returned function stops. */
export type WatchChanges = (handlers: ChangeHandlers) => Promise<() => Promise<void>>;

const RECONNECT_MS = 1000;

/**
 * PostgreSQL: one connection of its own, outside the pool (a pooled connection cannot
 * hold a LISTEN). When it drops, the cache hears `gap` at once and `live` once a new
 * connection listens again; until then it serves nothing from memory.
 */
export function watchPostgres(url: string): WatchChanges {
  return async (handlers) => {
    let stopped = false;
    let current: pg.Client | undefined;
    let retry: NodeJS.Timeout | undefined;

    const schedule = () => {
      if (stopped || retry !== undefined) return;
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, RECONNECT_MS);
      retry.unref();
    };

    const connect = async (): Promise<void> => {
      const client = new pg.Client({ connectionString: url });
      let lost = false;
      const lose = () => {
        if (lost) return;
        lost = true;
        if (current === client) current = undefined;
        handlers.gap();
        client.end().catch(() => undefined);
        schedule();
      };
      client.on('notification', (n) => {
        if (n.channel === CHANGES_CHANNEL && n.payload !== undefined) handlers.change(n.payload);
      });
      client.on('error', lose);
      client.on('end', lose);
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      } catch {
        lose();
        return;
      }
      if (stopped) {
        lost = true;
        await client.end().catch(() => undefined);
        return;
      }
      current = client;
      handlers.live();
    };

    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      if (client !== undefined) {
        client.removeAllListeners('end');
        client.removeAllListeners('error');
        client.on('error', () => undefined);
        await client.end().catch(() => undefined);
      }
    };
  };
}

/** PGlite: one process holds the database, and its notifications arrive on the same connection. */
export function watchPglite(client: PGlite): WatchChanges {
  return async (handlers) => {
    const unlisten = await client.listen(CHANGES_CHANNEL, (payload) => handlers.change(payload));
    handlers.live();
    return async () => {
      if (!client.closed) await unlisten();
    };
  };
}

/** One change feed for several listeners (the Today cache and the live-update hub). */
export function fanOut(all: readonly ChangeHandlers[]): ChangeHandlers {
  return {
    change: (key) => all.forEach((h) => h.change(key)),
    gap: () => all.forEach((h) => h.gap()),
    live: () => all.forEach((h) => h.live()),
  };
}
