import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Config } from '../config/env.ts';
import type { Db } from '../db/open.ts';
import { siteOrigin } from '../guides/routes.ts';
import { absolute } from '../guides/layout.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv } from '../http/context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { hit, type RateLimitConfig } from '../rate-limit/rate-limit.ts';
import { HONEYPOT_FIELD } from './form.ts';
import { confirmationMail } from './mails.ts';
import { checkInboxPage, confirmedPage, confirmPage, problemPage, subscribePage, unsubscribedPage, unsubscribePage } from './pages.ts';
import { confirm, releaseConfirmation, subscribe, unsubscribe } from './service.ts';
import { CONFIRM_TTL_MS, signToken, verifyToken } from './tokens.ts';
export { NEWSLETTER_SECRET } from './tokens.ts';

export type NewsletterDeps = {
  readonly db: Db;
  readonly config: Config;
  readonly now: () => Date;
  readonly limits: RateLimitConfig;
  readonly mailer: Mailer;
  /** The HMAC key for confirm and unsubscribe links, from server_secrets. */
  readonly secret: () => Promise<Uint8Array>;
};

/** A form post is a few hundred bytes; anything larger is not from our form. */
const MAX_FORM_BYTES = 8 * 1024;

const email = z
  .string({ error: 'Please enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Please enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'That doesn’t look like an email address. Please check it — it should look like name@example.com.' }));

const subscribeBody = z.object({ email, [HONEYPOT_FIELD]: z.string().optional() });
const tokenField = z.object({ token: z.string().min(1).max(1000) });
/** RFC 8058: the one-click POST carries exactly this; our own button sends the same. */
const oneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') });

type Status = 200 | 400 | 403 | 413 | 415 | 429 | 503;

function send(c: Context, body: string, status: Status = 200, headers: Record<string, string> = {}): Response {
  // These pages carry tokens or personal state: never cached, never stored.
  return c.body(body, status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
}

/**
 * These forms live outside /api, so the API's custom-header rule cannot apply to a
 * plain HTML form. Instead: when the browser says where the post came from, it must
 * be us. `Origin: null` is what browsers send under our no-referrer policy, so it
 * counts as "not said" and Sec-Fetch-Site decides.
 */
function fromElsewhere(c: Context, config: Config): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  if (parsed.origin === siteOrigin(c, config) || parsed.origin === new URL(c.req.url).origin) return false;
  // Behind a TLS-terminating proxy without PUBLIC_URL, the host is what we can compare.
  return !(config.publicUrl === undefined && parsed.host === c.req.header('host'));
}

async function readForm(c: Context): Promise<Record<string, unknown> | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i.test(type)) return undefined;
  try {
    return await c.req.parseBody();
  } catch {
    // A multipart body that does not match its boundary (found by the route fuzzer): not our form.
    return undefined;
  }
}

export function newsletterRoutes(deps: NewsletterDeps): Hono<AppEnv> {
  const { db, config, now, limits, mailer } = deps;
  const app = new Hono<AppEnv>();
  const where = (c: Context) => ({ origin: siteOrigin(c, config), path: c.req.path });

  app.use(
    '/newsletter/*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => send(c, problemPage(where(c), 'That was too much', 'The form sent more than we expect. Please try again.'), 413),
    }),
  );

  app.get('/newsletter', (c) => send(c, subscribePage(where(c))));
  app.get('/newsletter/check-your-inbox', (c) => send(c, checkInboxPage(where(c))));

  app.post('/newsletter/subscribe', async (c) => {
    const p = where(c);
    if (fromElsewhere(c, config)) return send(c, problemPage(p, 'Not allowed', 'Please subscribe with the form on this site.'), 403);
    const form = await readForm(c);
    if (form === undefined) return send(c, problemPage(p, 'Please use the form', 'Send the sign-up form as a normal web form.'), 415);
    const parsed = subscribeBody.safeParse(form);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'Please check your email address.';
      const typed = typeof form['email'] === 'string' ? form['email'].slice(0, 254) : '';
      return send(c, subscribePage(p, { email: typed, error: message }), 400);
    }
    // A filled honeypot is a bot: it sees the same success as a person and nothing is stored or sent.
    if ((parsed.data[HONEYPOT_FIELD] ?? '') !== '') return c.redirect('/newsletter/check-your-inbox', 303);

    const at = now();
    const address = parsed.data.email;
    for (const verdict of await Promise.all([
      hit(db, `newsletter-subscribe:ip:${clientIp(c, config.trustProxy)}`, limits.perIp, at.getTime()),
      hit(db, `newsletter-subscribe:email:${address}`, limits.perAccount, at.getTime()),
    ])) {
      if (!verdict.allowed) {
        return send(c, problemPage(p, 'Too many attempts', 'Please wait a little and try again.'), 429, { 'Retry-After': String(verdict.retryAfterSeconds) });
      }
    }

    const { sendConfirmation } = await subscribe(db, address, at);
    if (sendConfirmation) {
      const secret = await deps.secret();
      const confirmUrl = absolute(p.origin, `/newsletter/confirm?token=${encodeURIComponent(signToken(secret, 'confirm', address, new Date(at.getTime() + CONFIRM_TTL_MS)))}`);
      const mail = confirmationMail(address, confirmUrl, { origin: p.origin, unsubscribeToken: signToken(secret, 'unsubscribe', address, undefined) });
      const sent = await mailer.send(mail);
      if (!sent.ok) {
        await releaseConfirmation(db, address, at);
        // For the operator: the mail setup needs attention. Not an error in the app itself.
        console.warn(`Hearth: ${sent.message}`);
        return send(c, problemPage(p, 'We couldn’t send the email', 'Sending the confirmation email failed on our side. Please try again in a few minutes.'), 503);
      }
      if (mailer.kind === 'outbox') {
        // No SMTP_URL: the quick start has no mail server, so the link is shown where the operator looks.
        console.info(`Hearth: no SMTP_URL set, so the mail was saved to ${sent.value.file ?? 'the outbox'}.\nHearth: confirmation link for ${address}: ${confirmUrl}`);
      }
    }
    // Same answer whether the address was new, pending or already confirmed: the form reveals nothing.
    return c.redirect('/newsletter/check-your-inbox', 303);
  });

  app.get('/newsletter/confirm', async (c) => {
    const p = { ...where(c), path: '/newsletter/confirm' };
    const query = tokenField.safeParse(c.req.query());
    if (!query.success) return send(c, problemPage(p, 'Link not valid', 'This link is not complete. Open it from the email again.'), 400);
    // Only checked here, not used: mail scanners fetch links, and only the POST below confirms.
    const checked = verifyToken(await deps.secret(), 'confirm', query.data.token, now());
    if (!checked.ok) return send(c, problemPage(p, 'Link not valid', checked.message), 400);
    return send(c, confirmPage(p, query.data.token));
  });

  app.post('/newsletter/confirm', async (c) => {
    const p = where(c);
    if (fromElsewhere(c, config)) return send(c, problemPage(p, 'Not allowed', 'Please confirm with the button on this site.'), 403);
    const form = await readForm(c);
    const parsed = tokenField.safeParse(form ?? {});
    if (!parsed.success) return send(c, problemPage(p, 'Link not valid', 'This confirmation is not complete. Open the link from the email again.'), 400);
    const checked = verifyToken(await deps.secret(), 'confirm', parsed.data.token, now());
    if (!checked.ok) return send(c, problemPage(p, 'Link not valid', checked.message), 400);
    const outcome = await confirm(db, checked.value, now());
    if (!outcome.ok) return send(c, problemPage(p, 'Nothing to confirm', outcome.message), 400);
    return send(c, confirmedPage(p, outcome.value === 'already_confirmed'));
  });

  app.get('/newsletter/unsubscribe', async (c) => {
    const p = { ...where(c), path: '/newsletter/unsubscribe' };
    const query = tokenField.safeParse(c.req.query());
    if (!query.success) return send(c, problemPage(p, 'Link not valid', 'This unsubscribe link is not complete. Open it from the email again.'), 400);
    const checked = verifyToken(await deps.secret(), 'unsubscribe', query.data.token, now());
    if (!checked.ok) return send(c, problemPage(p, 'Link not valid', checked.message), 400);
    // A GET never unsubscribes (link scanners would); the page's button POSTs.
    return send(c, unsubscribePage(p, query.data.token));
  });

  /**
   * RFC 8058 one-click: mail providers POST here from their own servers (or their
   * webmail's origin), so there is no same-origin check: the signed token is what
   * authorises it, and nobody without the email has the token.
   */
  app.post('/newsletter/unsubscribe', async (c) => {
    const p = { ...where(c), path: '/newsletter/unsubscribe' };
    const query = tokenField.safeParse(c.req.query());
    const form = await readForm(c);
    if (!query.success || !oneClickBody.safeParse(form ?? {}).success) {
      return send(c, problemPage(p, 'Link not valid', 'This unsubscribe request is not complete. Open the link from the email again.'), 400);
    }
    const checked = verifyToken(await deps.secret(), 'unsubscribe', query.data.token, now());
    if (!checked.ok) return send(c, problemPage(p, 'Link not valid', checked.message), 400);
    await unsubscribe(db, checked.value, now());
    return send(c, unsubscribedPage(p));
  });

  return app;
}
