import type { Config } from '../config/env.ts';
import type { Db } from '../db/open.ts';
import type { ScryptParams } from '../auth/secret-hash.ts';
import type { RateLimitConfig } from '../rate-limit/rate-limit.ts';
import type { SessionCache, TodayCache } from '../today/cache.ts';
import type { EventHub } from '../events/hub.ts';

/** What every handler may reach: built once in createApp, never global. */
export type Deps = {
  readonly db: Db;
  readonly config: Config;
  readonly now: () => Date;
  readonly limits: RateLimitConfig;
  readonly hashParams: ScryptParams;
  /** Loaded on first use and then kept, so requests do not read it each time. */
  readonly fakeSaltSecret: () => Promise<Uint8Array>;
  /** A hash nothing matches, checked against for unknown emails so timing does not reveal accounts. */
  readonly decoy: () => Promise<string>;
  /** Today's answers kept in memory (decision 0048); absent when TODAY_CACHE_SECONDS is 0 and in most tests. */
  readonly todayCache: TodayCache | undefined;
  /** Session checks kept in memory (decision 0058), beside the Today cache and switched with it. */
  readonly sessionCache: SessionCache | undefined;
  /** Fans the change feed out to open `/api/events` streams (issue 20); absent in tests that do not watch the database. */
  readonly events: EventHub | undefined;
};

export type AppEnv = { Variables: { deps: Deps } };
