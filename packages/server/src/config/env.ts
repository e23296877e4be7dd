import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { err, ok, type Result } from '@hearth/core';

/** The web app's build output, found from this package so `hearth` works from any cwd. */
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
/** The repository's content folder (guides and their images), found the same way. */
const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../../../content', import.meta.url));

/** Every variable the server reads, with what it does and its default, for the README and `hearth help`. */
export const ENV_VARS = [
  { name: 'PORT', default: '3000', description: 'TCP port to listen on.' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; use 0.0.0.0 to accept connections from other machines.' },
  {
    name: 'DATABASE_URL',
    default: '(unset)',
    description: 'PostgreSQL connection URL. When unset, Hearth uses the embedded database (PGlite) in DATA_DIR.',
  },
  { name: 'DATA_DIR', default: './data', description: 'Folder for the embedded database, relative to the current directory.' },
  {
    name: 'PUBLIC_URL',
    default: '(unset)',
    description: 'The address people use, e.g. https://hearth.example. When it is https, cookies are Secure and __Host- prefixed.',
  },
  { name: 'SESSION_IDLE_MINUTES', default: '30', description: 'Sign a session out after this many minutes without a request.' },
  { name: 'SESSION_MAX_DAYS', default: '7', description: 'Sign a session out this many days after sign-in, however active.' },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description: 'Set to true behind a reverse proxy, so rate limits use the client address from X-Forwarded-For.',
  },
  { name: 'WEB_DIST', default: 'packages/web/dist', description: 'Folder with the built web app, served under /app/.' },
  { name: 'CONTENT_DIR', default: 'content', description: 'Folder with guides/*.md and guides/images/, read once at start-up.' },
  {
    name: 'SMTP_URL',
    default: '(unset)',
    description: 'SMTP server for email, e.g. smtps://user:pass@mail.example:465. When unset, mail is written to DATA_DIR/outbox/*.eml.',
  },
  { name: 'MAIL_FROM', default: 'Hearth <hearth@localhost>', description: 'Sender of newsletter and confirmation emails.' },
  {
    name: 'HELP_DIRECTORY_FILE',
    default: '(unset)',
    description: 'JSON file replacing the built-in helplines by country and counselor directories (same shape as DEFAULT_HELP_DIRECTORY in packages/core).',
  },
  {
    name: 'WORKER_POLL_SECONDS',
    default: '30',
    description: 'How often a worker (in hearth serve, or hearth worker) looks for due reminders and pushes to send; fractions allowed (0.5).',
  },
  {
    name: 'PUSH_LEASE_SECONDS',
    default: '60',
    description: 'How long a worker may take to send a claimed push before another worker retries it (after a crash); fractions allowed.',
  },
  {
    name: 'TODAY_CACHE_SECONDS',
    default: '30',
    description:
      "How long a person's Today answer, and their session check, may be served from memory; any change to their space, account or sessions drops both at once, in every process (decisions 0048, 0058). 0 turns both caches off.",
  },
  {
    name: 'PHOTO_QUOTA_MB',
    default: '2048',
    description: "How much sealed photo data one couple's space may hold, in MiB (issue 24); an upload past it is refused with 413.",
  },
  {
    name: 'VAPID_SUBJECT',
    default: 'PUBLIC_URL if https, else mailto: MAIL_FROM',
    description: 'Contact for push services (an https: URL or mailto: address), sent with every push (RFC 8292).',
  },
] as const;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_DAYS: positiveInt(7),
  TRUST_PROXY: flag.default(false),
  WEB_DIST: z.string().min(1).optional(),
  CONTENT_DIR: z.string().min(1).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  HELP_DIRECTORY_FILE: z.string().min(1).optional(),
  WORKER_POLL_SECONDS: z.coerce.number().positive().default(30),
  PUSH_LEASE_SECONDS: z.coerce.number().positive().default(60),
  TODAY_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  PHOTO_QUOTA_MB: positiveInt(2048),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(https:\/\/|mailto:)\S+$/, 'must be an https: URL or a mailto: address')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, e.g. Hearth <hearth@example.org>')
    .default('Hearth <hearth@localhost>'),
});

export type Config = {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly publicUrl: URL | undefined;
  /** True when PUBLIC_URL is https: cookies get Secure and the __Host- prefix. */
  readonly secureCookies: boolean;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  readonly trustProxy: boolean;
  readonly webDist: string;
  readonly contentDir: string;
  /** Unset: mail goes to DATA_DIR/outbox as .eml files instead of a server. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Unset: the helplines and counselor directories maintained in packages/core. */
  readonly helpDirectoryFile?: string | undefined;
  /** How often a worker polls for due reminders and pushes. */
  readonly workerPollMs: number;
  /** How long a claimed push stays with the worker that claimed it (decision 0025). */
  readonly pushLeaseMs: number;
  /** How long a Today answer may be served from memory (decision 0048); 0 is off. */
  readonly todayCacheMs: number;
  /** Sealed photo bytes one space may hold (issue 24). */
  readonly photoQuotaBytes: number;
  /** RFC 8292 contact sent to push services. */
  readonly vapidSubject: string;
  /** Tests only (never from the environment): accept http://127.0.0.1 push endpoints for an in-process push service. */
  readonly allowLoopbackPushEndpoints?: boolean;
};

/** "Hearth <hearth@x>" → "hearth@x". */
function mailAddress(from: string): string {
  return /<([^<>]+)>/.exec(from)?.[1] ?? from;
}

/** Reads the environment once; an empty string counts as unset, as shells tend to leave them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Result<Config, 'invalid_config'> {
  const raw: Record<string, string> = {};
  for (const { name } of ENV_VARS) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    return err('invalid_config', `Hearth cannot start: the environment is not valid.\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL === undefined ? undefined : new URL(e.PUBLIC_URL);
  return ok({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    publicUrl,
    secureCookies: publicUrl?.protocol === 'https:',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_DAYS * 86_400_000,
    trustProxy: e.TRUST_PROXY,
    webDist: e.WEB_DIST === undefined ? DEFAULT_WEB_DIST : path.resolve(cwd, e.WEB_DIST),
    contentDir: e.CONTENT_DIR === undefined ? DEFAULT_CONTENT_DIR : path.resolve(cwd, e.CONTENT_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    helpDirectoryFile: e.HELP_DIRECTORY_FILE === undefined ? undefined : path.resolve(cwd, e.HELP_DIRECTORY_FILE),
    workerPollMs: Math.round(e.WORKER_POLL_SECONDS * 1000),
    pushLeaseMs: Math.round(e.PUSH_LEASE_SECONDS * 1000),
    todayCacheMs: Math.round(e.TODAY_CACHE_SECONDS * 1000),
    photoQuotaBytes: e.PHOTO_QUOTA_MB * 1024 * 1024,
    vapidSubject: e.VAPID_SUBJECT ?? (publicUrl?.protocol === 'https:' ? publicUrl.origin : `mailto:${mailAddress(e.MAIL_FROM)}`),
  });
}
