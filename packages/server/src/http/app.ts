import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config/env.ts';
import type { Db } from '../db/open.ts';
import { serverSecret } from '../db/secrets.ts';
import { accountRoutes } from '../account/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { decoyHash, DEFAULT_SCRYPT, type ScryptParams } from '../auth/secret-hash.ts';
import { inviteRoutes } from '../invites/routes.ts';
import { itemRoutes } from '../items/routes.ts';
import { PHOTO_UPLOAD_PATH, photoRoutes } from '../photos/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { pushRoutes } from '../push/routes.ts';
import { deviceRoutes } from '../devices/routes.ts';
import { matchingRoutes } from '../matching/routes.ts';
import { calendarFeedRoutes, togetherRoutes } from '../together/routes.ts';
import { sparkRoutes } from '../spark/routes.ts';
import { touchRoutes } from '../touch/routes.ts';
import { DEFAULT_LIMITS, type RateLimitConfig } from '../rate-limit/rate-limit.ts';
import { spaceRoutes } from '../space/routes.ts';
import type { SessionCache, TodayCache } from '../today/cache.ts';
import type { EventHub } from '../events/hub.ts';
import { eventRoutes } from '../events/routes.ts';
import { todayRoutes } from '../today/routes.ts';
import { staticRoutes } from '../static/routes.ts';
import { EMPTY_LIBRARY, type GuideLibrary } from '../guides/load.ts';
import { guideRoutes } from '../guides/routes.ts';
import { EMPTY_PROGRAMME, type ProgrammeLibrary } from '../programme/load.ts';
import { programmeRoutes } from '../programme/routes.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { NEWSLETTER_SECRET, newsletterRoutes } from '../newsletter/routes.ts';
import { helpRoutes } from '../help/routes.ts';
import { DEFAULT_HELP_DIRECTORY, type HelpDirectory } from '@hearth/core';
import type { AppEnv, Deps } from './context.ts';
import { checkedSession, sessionTokenHash } from './access.ts';
import { admission, type AdmissionOptions } from './admission.ts';
import { csrfGuard } from './csrf.ts';
import { HttpError } from './errors.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export type AppOptions = {
  readonly db: Db;
  readonly config: Config;
  /** Injected in tests to move time forward (session expiry, invite expiry, rate windows). */
  readonly now?: () => Date;
  readonly limits?: RateLimitConfig;
  /** Tests use cheaper scrypt parameters; production keeps the default. */
  readonly hashParams?: ScryptParams;
  /** Guides loaded at start-up (`loadGuides`); without them the public pages list none. */
  readonly guides?: GuideLibrary;
  /** Reconnect's lessons (`loadProgramme`); without them the programme has no text. */
  readonly programme?: ProgrammeLibrary;
  /** Defaults to SMTP_URL, or the DATA_DIR/outbox folder. */
  readonly mailer?: Mailer;
  /** Helplines and counselor directories (`loadHelpDirectory`); defaults to the list in packages/core. */
  readonly helpDirectory?: HelpDirectory;
  /** Today's answers in memory, fed by `Database.watchChanges` (decision 0048); none by default. */
  readonly todayCache?: TodayCache;
  /** A bounded queue in front of the API (the embedded engine, issue 20); none by default. */
  readonly admission?: AdmissionOptions;
  /** Session checks in memory, fed by the same feed (decision 0058); none by default. */
  readonly sessionCache?: SessionCache;
  /** The live-update hub `/api/events` streams from, fed by the same change feed; without it that route answers 404. */
  readonly events?: EventHub;
};

/** Computes once, on first use, and shares the same promise with every caller. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((e: unknown) => {
      value = undefined;
      throw e;
    });
    return value;
  };
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  const hashParams = options.hashParams ?? DEFAULT_SCRYPT;
  const deps: Deps = {
    db: options.db,
    config: options.config,
    now: options.now ?? (() => new Date()),
    limits: options.limits ?? DEFAULT_LIMITS,
    hashParams,
    fakeSaltSecret: once(() => serverSecret(options.db, 'fake-salt')),
    decoy: once(() => decoyHash(hashParams)),
    todayCache: options.todayCache,
    sessionCache: options.sessionCache,
    events: options.events,
  };

  // Made now rather than on the first unknown-email login, so that login is not the slow one.
  deps.decoy().catch(() => undefined);

  const app = new Hono<AppEnv>();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Argon2id (hash-wasm) compiles WebAssembly in the key-derivation worker;
        // 'wasm-unsafe-eval' allows exactly that and no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      // Only when served over HTTPS (PUBLIC_URL): HSTS on a plain-HTTP laptop install would be ignored at best.
      strictTransportSecurity: options.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
      },
    }),
  );

  app.use('/api/*', async (c, next) => {
    c.set('deps', deps);
    try {
      await next();
    } finally {
      // The database announces this write to every process, but not before this
      // response: the writer's next Today must not be the one from before it. Items are
      // not part of Today's answer, so their writes (the busiest kind) keep it.
      const reads = c.req.method === 'GET' || c.req.method === 'HEAD';
      const writer = reads || c.req.path.startsWith('/api/items') ? undefined : checkedSession(c);
      if (writer !== undefined) {
        deps.todayCache?.changedBy(writer.user.id, writer.space?.id ?? null);
        deps.sessionCache?.changedBy(writer.user.id, writer.space?.id ?? null);
      }
      // Whatever a write did to its own session (a sign-out needs no session check to
      // run), that session is read afresh next time, here, before the answer leaves.
      const own = reads ? undefined : sessionTokenHash(c, deps.config);
      if (own !== undefined) deps.sessionCache?.forget(own);
    }
    // Responses may hold ciphertext and account data: never keep them in any cache
    // (photos say `private, no-store`, which is as strict and says it twice).
    if (c.res.headers.get('Cache-Control') !== 'private, no-store') c.header('Cache-Control', 'no-store');
  });
  if (options.admission !== undefined) app.use('/api/*', admission(options.admission));
  app.use('/api/*', csrfGuard(options.config));
  const apiBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    },
  });
  // A photo upload streams into the database under its own limits (photos/routes.ts).
  app.use('/api/*', (c, next) => (c.req.method === 'PUT' && PHOTO_UPLOAD_PATH.test(c.req.path) ? next() : apiBodyLimit(c, next)));

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api', authRoutes);
  app.route('/api', accountRoutes);
  app.route('/api', spaceRoutes);
  app.route('/api', inviteRoutes);
  app.route('/api', itemRoutes);
  app.route('/api', photoRoutes);
  app.route('/api', notificationRoutes);
  app.route('/api', pushRoutes);
  app.route('/api', deviceRoutes);
  app.route('/api', matchingRoutes);
  app.route('/api', todayRoutes);
  app.route('/api', eventRoutes);
  app.route('/api', togetherRoutes);
  app.route('/', calendarFeedRoutes({ db: options.db, config: options.config, now: deps.now }));
  app.route('/api', sparkRoutes);
  app.route('/api', touchRoutes);
  app.route('/', guideRoutes(options.guides ?? EMPTY_LIBRARY, options.config));
  app.route('/', programmeRoutes(options.programme ?? EMPTY_PROGRAMME));
  app.route(
    '/',
    newsletterRoutes({
      db: options.db,
      config: options.config,
      now: deps.now,
      limits: deps.limits,
      mailer: options.mailer ?? createMailer(options.config),
      secret: once(() => serverSecret(options.db, NEWSLETTER_SECRET)),
    }),
  );
  app.route('/', helpRoutes(options.helpDirectory ?? DEFAULT_HELP_DIRECTORY));
  app.route('/', staticRoutes(options.config.webDist));

  app.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return c.json(new HttpError('not_found', 'No such API route.').body(), 404, { 'Cache-Control': 'no-store' });
    }
    return c.text('Not found', 404);
  });

  app.onError((e, c) => {
    const isApi = c.req.path.startsWith('/api/');
    const noStore: Record<string, string> = isApi ? { 'Cache-Control': 'no-store' } : {};
    if (e instanceof HttpError) {
      return c.json(e.body(), e.status, { ...e.headers, ...noStore });
    }
    if (e instanceof HTTPException && e.status < 500) {
      // Hono's own refusals (e.g. a malformed request line) keep their status, in our error shape.
      return c.json({ error: { code: 'invalid_input', message: e.message || 'Bad request.' } }, e.status, noStore);
    }
    // Unexpected: log it for the operator, tell the client nothing about the internals.
    console.error(e);
    return c.json(new HttpError('internal', 'Something went wrong on the server.').body(), 500, noStore);
  });

  return app;
}
