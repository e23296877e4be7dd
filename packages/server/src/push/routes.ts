import { isIP } from 'node:net';
import { Hono } from 'hono';
import { pushSubscribeBody, pushUnsubscribeBody, type PushDeviceView } from '@hearth/core/api';
import type { Config } from '../config/env.ts';
import { requireSession } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { readBody } from '../http/validate.ts';
import { listSubscriptions, removeSubscription, saveSubscription, type PushSubscriptionRow } from './store.ts';
import { vapidKeys } from './vapid.ts';

function deviceView(row: PushSubscriptionRow): PushDeviceView {
  return {
    id: row.id,
    endpoint: row.endpoint,
    label: row.label,
    previews: row.previews,
    discreet: row.discreet,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The server will POST to whatever endpoint a device names, so the endpoint must look
 * like a real push service: https on a public host name. Loopback http is allowed only
 * when the config says so (tests, with an in-process push service).
 */
export function endpointAllowed(endpoint: string, config: Pick<Config, 'allowLoopbackPushEndpoints'>): boolean {
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '::1';
  if (config.allowLoopbackPushEndpoints === true && loopback) return true;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return !loopback && isIP(host) === 0 && host.includes('.') && !host.endsWith('.local') && !host.endsWith('.internal');
}

/** A person's own devices: scoped by the signed-in user, whatever space they are in. */
export const pushRoutes = new Hono<AppEnv>()
  .get('/push/key', async (c) => {
    await requireSession(c);
    const { publicKey } = await vapidKeys(c.var.deps.db);
    return c.json({ publicKey });
  })
  .get('/push/subscriptions', async (c) => {
    const { user } = await requireSession(c);
    const rows = await listSubscriptions(c.var.deps.db, user.id);
    return c.json({ devices: rows.map(deviceView) });
  })
  .put('/push/subscription', async (c) => {
    const { user } = await requireSession(c);
    const body = await readBody(c, pushSubscribeBody);
    const { db, now, config } = c.var.deps;
    if (!endpointAllowed(body.endpoint, config)) throw new HttpError('invalid_input', 'endpoint: must be an https address of a push service.');
    const row = unwrap(await saveSubscription(db, user.id, body, now()));
    return c.json({ device: deviceView(row) });
  })
  .post('/push/unsubscribe', async (c) => {
    const { user } = await requireSession(c);
    const { endpoint } = await readBody(c, pushUnsubscribeBody);
    // Idempotent: removing what is already gone (or never was) is the same success.
    const removed = await removeSubscription(c.var.deps.db, user.id, endpoint);
    return c.json({ removed });
  });
