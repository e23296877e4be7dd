import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { calendarFeedCreated, calendarFeedStatus, itemResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { items } from '../db/schema.ts';
import { dispatchDueReminders, notificationsFor } from '../notifications/dispatch.ts';
import { Agent, b64, engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';
import { FEED_TITLE } from './routes.ts';

/**
 * Rituals and dates on the server (decision 0016): the schedule is plaintext beside a
 * sealed body, the server computes each reminder and the worker re-arms rituals; the
 * calendar feed shows schedules under a discreet title behind a rotatable token (0017).
 */

const HOUR = 3_600_000;

const sundayLunch = (timeZone: string, start = '2030-03-03T12:30', leadMinutes: number | null = 60) => ({
  start,
  timeZone,
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  durationMinutes: 90,
  leadMinutes,
});

describe.each(engines)('together on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const createPlan = async (who: Account, kind: string, schedule: unknown, extra: Record<string, unknown> = {}) => {
    const id = randomUUID();
    const res = await who.agent.post('/api/items', { id, kind, visibility: 'shared', parentId: null, body: b64(120), schedule, ...extra });
    return { id, res };
  };
  const remindAtOf = async (id: string) => (await database.db.select({ remindAt: items.remindAt }).from(items).where(eq(items.id, id)))[0]?.remindAt?.toISOString() ?? null;
  const reminderCount = async (who: Account, itemId: string) => (await notificationsFor(database.db, who.session.user.id)).filter((n) => n.itemId === itemId).length;

  it('computes remindAt from the schedule and refuses one from the client or a schedule on other kinds', async () => {
    const { a } = await makeCouple(t, 'compute');
    const { id, res } = await createPlan(a, 'together-ritual', sundayLunch('America/New_York'));
    expect(res.status).toBe(201);
    const item = itemResponse.parse(res.body).item;
    // 3 March 2030, 12:30 EST = 17:30Z; an hour before.
    expect(item.remindAt).toBe('2030-03-03T16:30:00.000Z');
    expect(item.schedule).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=SU', timeZone: 'America/New_York' });
    expect(await remindAtOf(id)).toBe('2030-03-03T16:30:00.000Z');

    expect((await createPlan(a, 'together-ritual', sundayLunch('Europe/Berlin'), { remindAt: '2030-03-01T00:00:00.000Z' })).res.status).toBe(400);
    expect((await createPlan(a, 'together-ritual', null)).res.status).toBe(400);
    expect((await createPlan(a, 'note', sundayLunch('Europe/Berlin'))).res.status).toBe(400);
    expect((await createPlan(a, 'together-ritual', { ...sundayLunch('Europe/Berlin'), rrule: 'FREQ=MINUTELY' })).res.status).toBe(400);
    expect((await createPlan(a, 'together-ritual', { ...sundayLunch('Europe/Berlin'), timeZone: 'Nowhere/Special' })).res.status).toBe(400);

    // Editing the schedule moves the reminder; the server still picks the instant.
    const moved = await a.agent.put(`/api/items/${id}`, { body: b64(120), schedule: sundayLunch('Europe/Berlin', '2030-03-03T12:30', 30) });
    expect(moved.status).toBe(200);
    expect(itemResponse.parse(moved.body).item.remindAt).toBe('2030-03-03T11:00:00.000Z');
    expect((await a.agent.put(`/api/items/${id}`, { body: b64(120), remindAt: '2030-03-01T00:00:00.000Z' })).status).toBe(400);
  });

  it('reminds both partners at the lead time, then re-arms for the next occurrence across the DST change', async () => {
    const { a, b } = await makeCouple(t, 'remind');
    const { id } = await createPlan(a, 'together-ritual', sundayLunch('America/New_York', '2030-03-03T12:30'));
    const at = (iso: string) => {
      t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
      return dispatchDueReminders(database.db, t.clock.now());
    };
    await at('2030-03-03T16:29:00.000Z');
    expect(await reminderCount(a, id)).toBe(0);

    await at('2030-03-03T16:30:00.000Z');
    expect(await reminderCount(a, id)).toBe(1);
    expect(await reminderCount(b, id)).toBe(1);
    // Daylight saving starts in New York on 10 March 2030: 12:30 EDT is 16:30Z, so an hour before is 15:30Z.
    expect(await remindAtOf(id)).toBe('2030-03-10T15:30:00.000Z');
    await at('2030-03-03T17:00:00.000Z');
    expect(await reminderCount(b, id)).toBe(1);

    await at('2030-03-10T15:30:00.000Z');
    expect(await reminderCount(a, id)).toBe(2);
    expect(await reminderCount(b, id)).toBe(2);
    expect(await remindAtOf(id)).toBe('2030-03-17T15:30:00.000Z');

    // A worker that was down for weeks sends one reminder, then looks ahead from now.
    await at('2030-04-02T00:00:00.000Z');
    expect(await reminderCount(b, id)).toBe(3);
    expect(await remindAtOf(id)).toBe('2030-04-07T15:30:00.000Z');
  });

  it('a date reminds once and then has no reminder left', async () => {
    const { a, b } = await makeCouple(t, 'date');
    const start = new Date(t.clock.now().getTime() + 48 * HOUR);
    const local = start.toISOString().slice(0, 16);
    const { id, res } = await createPlan(a, 'together-date', { start: local, timeZone: 'UTC', rrule: null, durationMinutes: 120, leadMinutes: 120 });
    expect(res.status).toBe(201);
    t.clock.advance(47 * HOUR);
    await dispatchDueReminders(database.db, t.clock.now());
    expect(await reminderCount(a, id)).toBe(1);
    expect(await reminderCount(b, id)).toBe(1);
    expect(await remindAtOf(id)).toBeNull();
  });

  it('either partner marks an occurrence; only the author edits; other couples cannot touch it', async () => {
    const { a, b } = await makeCouple(t, 'touch');
    const { id } = await createPlan(a, 'together-ritual', sundayLunch('Europe/Berlin'));
    const mark = (who: Account) => who.agent.post('/api/items', { id: randomUUID(), kind: 'together-mark', visibility: 'shared', parentId: id, body: b64(80) });
    expect((await mark(b)).status).toBe(201);
    expect((await mark(a)).status).toBe(201);
    expect((await b.agent.put(`/api/items/${id}`, { body: b64(120), schedule: sundayLunch('Europe/Berlin') })).status).toBe(403);
    expect((await b.agent.get(`/api/items/${id}`)).status).toBe(200);

    const other = await makeCouple(t, 'other');
    expect((await other.a.agent.get(`/api/items/${id}`)).status).toBe(404);
    expect((await other.a.agent.put(`/api/items/${id}`, { body: b64(120), schedule: sundayLunch('Europe/Berlin') })).status).toBe(404);
    expect((await other.a.agent.delete(`/api/items/${id}`)).status).toBe(404);
    expect((await mark(other.a)).status).toBe(404);
    const list = await other.a.agent.get('/api/items?kind=together-ritual');
    expect(list.body).toMatchObject({ items: [] });
  });

  it('serves a feed with discreet titles and the recurrence rule; rotating revokes the old address', async () => {
    const { a, b } = await makeCouple(t, 'feed');
    await createPlan(a, 'together-ritual', sundayLunch('Europe/Berlin', '2030-01-20T12:30'));
    await createPlan(b, 'together-date', { start: '2030-02-14T19:00', timeZone: 'Europe/Berlin', rrule: null, durationMinutes: 150, leadMinutes: null });

    expect(calendarFeedStatus.parse((await a.agent.get('/api/together/calendar-feed')).body)).toEqual({ active: false, createdAt: null });
    const made = await a.agent.post('/api/together/calendar-feed', {});
    expect(made.status).toBe(201);
    const first = new URL(calendarFeedCreated.parse(made.body).url);
    expect(first.pathname).toMatch(/^\/cal\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(calendarFeedStatus.parse((await a.agent.get('/api/together/calendar-feed')).body).active).toBe(true);

    // A calendar app has no session and no CSRF header.
    const anonymous = new Agent(t);
    const feed = await t.app.request(first.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await feed.text();
    const summaries = text.split('\r\n').filter((l) => l.startsWith('SUMMARY'));
    expect(summaries).toEqual([`SUMMARY:${FEED_TITLE}`, `SUMMARY:${FEED_TITLE}`]);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20300120T123000');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20300214T190000');
    expect(text).toMatch(/URL;VALUE=URI:http:\/\/localhost\/app\/together/);
    expect(text).not.toMatch(/LOCATION|DESCRIPTION/);

    const rotated = new URL(calendarFeedCreated.parse((await a.agent.post('/api/together/calendar-feed', {})).body).url);
    expect(rotated.pathname).not.toBe(first.pathname);
    expect((await anonymous.get(first.pathname)).status).toBe(404);
    expect((await anonymous.get(rotated.pathname)).status).toBe(200);

    // The partner's own feed is separate; turning one off leaves the other.
    const bFeed = new URL(calendarFeedCreated.parse((await b.agent.post('/api/together/calendar-feed', {})).body).url);
    expect((await a.agent.delete('/api/together/calendar-feed')).status).toBe(204);
    expect((await anonymous.get(rotated.pathname)).status).toBe(404);
    expect((await anonymous.get(bFeed.pathname)).status).toBe(200);

    // Made-up or malformed tokens say nothing either.
    expect((await anonymous.get(`/cal/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await anonymous.get('/cal/nope.ics')).status).toBe(404);
    expect((await anonymous.get(`${bFeed.pathname.slice(0, -4)}.txt`)).status).toBe(404);

    // Leaving the space ends the leaver's feed.
    expect((await b.agent.post('/api/auth/confirm', { authKey: b.authKey })).status).toBe(204);
    expect((await b.agent.post('/api/space/leave')).status).toBeLessThan(300);
    expect((await anonymous.get(bFeed.pathname)).status).toBe(404);
  });

  it('a feed shows only its own couple\'s plans', async () => {
    const one = await makeCouple(t, 'one');
    const two = await makeCouple(t, 'two');
    await createPlan(one.a, 'together-ritual', sundayLunch('Europe/Berlin'));
    const url = new URL(calendarFeedCreated.parse((await two.a.agent.post('/api/together/calendar-feed', {})).body).url);
    const text = await (await t.app.request(url.pathname)).text();
    expect(text).not.toContain('BEGIN:VEVENT');
  });
});
