import { Hono } from 'hono';
import { buildCalendar, fromB64, toB64, type CalendarEntry } from '@hearth/core';
import { randomBytes, sha256Bytes } from '@hearth/core/crypto';
import { calendarFeedRequest, type CalendarFeedCreated, type CalendarFeedStatus } from '@hearth/core/api';
import { readBody } from '../http/validate.ts';
import type { Config } from '../config/env.ts';
import type { Db } from '../db/open.ts';
import { requireActive, requireMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { scheduleOf } from '../items/store.ts';
import { deleteFeed, feedOf, saveFeed, schedulesInSpace, spaceOfFeed } from './store.ts';

const TOKEN_BYTES = 32;
/** What every event is called in the feed: a calendar app (or whoever sees the screen) learns only that it is couple time. */
export const FEED_TITLE = 'Hearth: time together';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The hash stored for a token, or undefined for anything that is not one of ours. */
export function feedTokenHash(token: string): string | undefined {
  const raw = fromB64(token);
  return raw.ok && raw.value.length === TOKEN_BYTES ? hex(sha256Bytes(raw.value)) : undefined;
}

const baseUrl = (config: Config, requestUrl: string): string => (config.publicUrl ?? new URL(requestUrl)).origin;

/**
 * The member's calendar feed address (decision 0017). POST makes a new one and returns
 * it once (only its hash is kept, so it cannot be shown again); the previous address
 * stops working at once. DELETE turns the feed off.
 */
export const togetherRoutes = new Hono<AppEnv>()
  .get('/together/calendar-feed', async (c) => {
    const { user, space } = await requireMember(c);
    const feed = await feedOf(c.var.deps.db, user.id);
    const active = feed !== undefined && feed.spaceId === space.id;
    return c.json({ active, createdAt: active ? feed.createdAt.toISOString() : null } satisfies CalendarFeedStatus);
  })
  .post('/together/calendar-feed', async (c) => {
    const { user, space } = await requireMember(c);
    requireActive(space);
    await readBody(c, calendarFeedRequest);
    const { db, config, now } = c.var.deps;
    const token = toB64(randomBytes(TOKEN_BYTES));
    const hash = feedTokenHash(token);
    if (hash === undefined) throw new Error('unreachable: a fresh token always hashes');
    const at = now();
    await saveFeed(db, user.id, space.id, hash, at);
    return c.json({ url: `${baseUrl(config, c.req.url)}/cal/${token}.ics`, createdAt: at.toISOString() } satisfies CalendarFeedCreated, 201);
  })
  .delete('/together/calendar-feed', async (c) => {
    const { user } = await requireMember(c);
    await deleteFeed(c.var.deps.db, user.id);
    return c.body(null, 204);
  });

/**
 * GET /cal/<token>.ics: the subscribable feed. Public (a calendar app has no session),
 * so the unguessable token is the only key; an unknown, rotated or revoked one is a
 * plain 404 that says nothing about why. Events carry only the schedule the server
 * already holds, a discreet title and a link back into the app.
 */
export function calendarFeedRoutes(deps: { db: Db; config: Config; now: () => Date }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/cal/:file', async (c) => {
    const file = c.req.param('file');
    const hash = file.endsWith('.ics') ? feedTokenHash(file.slice(0, -'.ics'.length)) : undefined;
    const spaceId = hash === undefined ? undefined : await spaceOfFeed(deps.db, hash);
    if (spaceId === undefined) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    const base = baseUrl(deps.config, c.req.url);
    const entries: CalendarEntry[] = [];
    for (const row of await schedulesInSpace(deps.db, spaceId)) {
      const schedule = scheduleOf(row);
      if (schedule !== null) entries.push({ id: `${row.id}@hearth`, title: FEED_TITLE, url: `${base}/app/together`, schedule });
    }
    const text = buildCalendar(entries, { name: 'Hearth', now: deps.now(), url: `${base}/app/together` });
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    });
  });
}
