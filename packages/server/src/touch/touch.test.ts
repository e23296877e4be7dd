import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudgeActionResponse, notificationListResponse, touchResponse, type NudgePreferences } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { notifications, nudgeDays } from '../db/schema.ts';
import { serverSecret } from '../db/secrets.ts';
import { Clock, engines, makeCouple, makeTestApp, signUp, testConfig, type Account, type TestApp } from '../test/harness.ts';
import { deliverDueNudges, NUDGE_SEED_SECRET, nudgesOf, planDueDays } from './planning.ts';

/**
 * Affection nudges on the server: each partner's day is planned once per local date
 * (however many workers race), nothing lands outside their hours, budget 0 means none,
 * and only the recipient can answer a nudge. Users sign up in Europe/Berlin.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 01:30 in Berlin: the whole of a day's active hours is still ahead. */
const EARLY = Date.parse('2030-01-15T00:30:00.000Z');

const PREFS: NudgePreferences = {
  timeZone: 'Europe/Berlin',
  activeHours: { start: '08:00', end: '22:00' },
  quietHours: null,
  dailyBudget: 2,
  spacingMinutes: 90,
};

/** Wall-clock minutes after midnight in Berlin (winter and summer both appear in these tests). */
const berlinMinutes = (at: Date): number => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]),
  );
  return Number(p['hour']) * 60 + Number(p['minute']);
};

describe.each(engines)('touch nudges on $name', (engine) => {
  let database: Database;
  let secret: Uint8Array;

  beforeAll(async () => {
    database = await engine.open();
    secret = await serverSecret(database.db, NUDGE_SEED_SECRET);
  });
  afterAll(async () => {
    await database.close();
  });

  /** A fresh app on its own clock; sessions outlive the days these tests skip through. */
  const appAt = (start = EARLY): TestApp =>
    makeTestApp(database.db, { clock: new Clock(start), config: testConfig({ sessionIdleMs: 60 * DAY, sessionMaxMs: 60 * DAY }) });
  const plan = (t: TestApp) => planDueDays(database.db, t.clock.now(), secret);
  const deliver = (t: TestApp) => deliverDueNudges(database.db, t.clock.now());
  const setPrefs = async (who: Account, prefs: Partial<NudgePreferences>) => {
    const res = await who.agent.put('/api/touch/preferences', { ...PREFS, ...prefs });
    expect(res.status).toBe(200);
    return touchResponse.parse(res.body);
  };
  const overview = async (who: Account) => {
    const res = await who.agent.get('/api/touch');
    expect(res.status).toBe(200);
    return touchResponse.parse(res.body);
  };
  const notes = async (who: Account) => notificationListResponse.parse((await who.agent.get('/api/notifications')).body).notifications;
  /** Moves the clock to the user's next waiting nudge and sends it. */
  const reachNext = async (t: TestApp, who: Account) => {
    const next = (await nudgesOf(database.db, who.session.user.id)).find((n) => n.state === 'planned');
    if (next === undefined) throw new Error('nothing planned');
    t.clock.advance(next.dueAt.getTime() - t.clock.now().getTime());
    await deliver(t);
    return next.id;
  };

  it('plans each local day once, even with two workers planning at the same moment', async () => {
    const t = appAt();
    const { a, b } = await makeCouple(t, 'once');
    await setPrefs(a, { dailyBudget: 3 });
    // b never turned nudges on: nothing is planned for them.
    await Promise.all([plan(t), plan(t)]);
    await Promise.all([plan(t), plan(t)]);
    const day1 = await nudgesOf(database.db, a.session.user.id);
    expect(day1).toHaveLength(3);
    expect(new Set(day1.map((n) => n.localDate))).toEqual(new Set(['2030-01-15']));
    expect(await nudgesOf(database.db, b.session.user.id)).toEqual([]);

    // Later the same day: still planned, not again.
    t.clock.advance(10 * HOUR);
    await plan(t);
    expect(await nudgesOf(database.db, a.session.user.id)).toHaveLength(3);

    // Past local midnight (23:00 UTC in winter), the next day is planned, once.
    t.clock.advance(13 * HOUR);
    await Promise.all([plan(t), plan(t), plan(t)]);
    const both = await nudgesOf(database.db, a.session.user.id);
    expect(both.filter((n) => n.localDate === '2030-01-16')).toHaveLength(3);
    expect(await database.db.select().from(nudgeDays).where(eq(nudgeDays.userId, a.session.user.id))).toHaveLength(2);
    // Different times on different days: no fixed alarm.
    const wall = (d: string) => both.filter((n) => n.localDate === d).map((n) => berlinMinutes(n.dueAt));
    expect(wall('2030-01-15')).not.toEqual(wall('2030-01-16'));
  });

  it('keeps every nudge inside the active hours, out of the quiet hours and spaced, over a month', async () => {
    const t = appAt();
    const { a } = await makeCouple(t, 'quiet');
    await setPrefs(a, { dailyBudget: 5, spacingMinutes: 60, activeHours: { start: '07:30', end: '21:00' }, quietHours: { start: '12:00', end: '14:00' } });
    for (let day = 0; day < 30; day++) {
      await plan(t);
      t.clock.advance(DAY);
    }
    const all = await nudgesOf(database.db, a.session.user.id);
    expect(all.length).toBeGreaterThanOrEqual(30 * 4);
    for (const n of all) {
      const m = berlinMinutes(n.dueAt);
      expect(m).toBeGreaterThanOrEqual(7 * 60 + 30);
      expect(m).toBeLessThan(21 * 60);
      expect(m >= 12 * 60 && m < 14 * 60).toBe(false);
    }
    for (let i = 1; i < all.length; i++) {
      const [prev, cur] = [all[i - 1], all[i]];
      if (prev && cur) expect(cur.dueAt.getTime() - prev.dueAt.getTime()).toBeGreaterThanOrEqual(60 * MINUTE);
    }
  });

  it('plans nothing at budget 0, and turning the budget down drops what was still waiting today', async () => {
    const t = appAt();
    const { a } = await makeCouple(t, 'zero');
    await setPrefs(a, { dailyBudget: 0 });
    for (let day = 0; day < 3; day++) {
      await plan(t);
      t.clock.advance(DAY);
    }
    expect(await nudgesOf(database.db, a.session.user.id)).toEqual([]);

    await setPrefs(a, { dailyBudget: 4, spacingMinutes: 60 });
    await plan(t);
    expect(await nudgesOf(database.db, a.session.user.id)).toHaveLength(4);
    await setPrefs(a, { dailyBudget: 0 });
    await plan(t);
    expect(await nudgesOf(database.db, a.session.user.id)).toEqual([]);
    t.clock.advance(DAY);
    await plan(t);
    await deliver(t);
    expect(await nudgesOf(database.db, a.session.user.id)).toEqual([]);
    expect(await notes(a)).toEqual([]);
  });

  it('sends a due nudge once, without its prompt, and shows the prompt only to its recipient', async () => {
    const t = appAt();
    const { a, b } = await makeCouple(t, 'deliver');
    await setPrefs(a, {});
    await plan(t);
    expect((await overview(a)).today).toEqual([]);
    expect((await overview(a)).laterToday).toBe(2);

    const id = await reachNext(t, a);
    await deliver(t);
    const got = await notes(a);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ event: 'nudge', refId: id, title: 'A small moment for today', itemId: null });
    // The notification row (which push payloads are made from) does not name the prompt.
    const [row] = await database.db.select().from(notifications).where(eq(notifications.refId, id));
    const stored = (await nudgesOf(database.db, a.session.user.id)).find((n) => n.id === id);
    expect(JSON.stringify(row)).not.toContain(stored?.promptId ?? 'missing');

    const mine = await overview(a);
    expect(mine.today).toEqual([expect.objectContaining({ id, state: 'delivered', promptId: stored?.promptId })]);
    expect(mine.laterToday).toBe(1);
    expect((await overview(b)).today).toEqual([]);
    expect(await notes(b)).toEqual([]);
  });

  it('"did it" can send the partner a content-free "thinking of you", once, and counts in a private weekly tally', async () => {
    const t = appAt();
    const { a, b } = await makeCouple(t, 'did');
    await setPrefs(a, {});
    await plan(t);
    const id = await reachNext(t, a);

    const done = await a.agent.post(`/api/touch/nudges/${id}/done`, { thinkingOfYou: true });
    expect(done.status).toBe(200);
    expect(nudgeActionResponse.parse(done.body).nudge).toMatchObject({ id, state: 'done', sentThinkingOfYou: true });
    // A retried request changes nothing and sends nothing twice.
    expect((await a.agent.post(`/api/touch/nudges/${id}/done`, { thinkingOfYou: true })).status).toBe(200);

    const forB = await notes(b);
    expect(forB).toEqual([expect.objectContaining({ event: 'thinking-of-you', refId: null, itemId: null, title: 'Something new in Hearth' })]);
    expect((await notes(a)).map((n) => n.event)).toEqual(['nudge']);
    expect((await overview(b)).thinkingOfYou).toHaveLength(1);
    expect((await overview(a)).thinkingOfYou).toEqual([]);

    expect((await overview(a)).week).toEqual({ done: 1, delivered: 1 });
    expect((await overview(b)).week).toEqual({ done: 0, delivered: 0 });

    // Without the tick box, "did it" tells nobody.
    const second = await reachNext(t, a);
    expect((await a.agent.post(`/api/touch/nudges/${second}/done`, { thinkingOfYou: false })).status).toBe(200);
    expect(await notes(b)).toHaveLength(1);
    expect((await overview(a)).week).toEqual({ done: 2, delivered: 2 });
  });

  it('snooze brings a nudge back once an hour later; "not now" closes it', async () => {
    const t = appAt();
    const { a } = await makeCouple(t, 'snooze');
    await setPrefs(a, {});
    await plan(t);
    const id = await reachNext(t, a);

    const snoozed = await a.agent.post(`/api/touch/nudges/${id}/snooze`);
    expect(snoozed.status).toBe(200);
    expect(nudgeActionResponse.parse(snoozed.body).nudge).toMatchObject({ state: 'snoozed', snoozed: true });
    await deliver(t);
    t.clock.advance(59 * MINUTE);
    await deliver(t);
    expect((await notes(a)).filter((n) => n.refId === id)).toHaveLength(1);
    t.clock.advance(2 * MINUTE);
    await deliver(t);
    await deliver(t);
    expect((await notes(a)).filter((n) => n.refId === id)).toHaveLength(2);

    const again = await a.agent.post(`/api/touch/nudges/${id}/snooze`);
    expect(again.status).toBe(409);
    const notNow = await a.agent.post(`/api/touch/nudges/${id}/not-now`);
    expect(nudgeActionResponse.parse(notNow.body).nudge.state).toBe('not-now');
    expect((await a.agent.post(`/api/touch/nudges/${id}/not-now`)).status).toBe(200);
    expect((await a.agent.post(`/api/touch/nudges/${id}/done`, { thinkingOfYou: true })).status).toBe(409);
    expect((await overview(a)).week).toEqual({ done: 0, delivered: 1 });
  });

  it('refuses to answer a nudge that has not arrived yet', async () => {
    const t = appAt();
    const { a } = await makeCouple(t, 'early');
    await setPrefs(a, {});
    await plan(t);
    const [waiting] = await nudgesOf(database.db, a.session.user.id);
    expect((await a.agent.post(`/api/touch/nudges/${waiting?.id ?? ''}/done`, { thinkingOfYou: false })).status).toBe(409);
  });

  it("another couple, and the partner, cannot see or answer someone's nudges", async () => {
    const t = appAt();
    const { a, b } = await makeCouple(t, 'mine');
    const { a: c } = await makeCouple(t, 'other');
    await setPrefs(a, {});
    await plan(t);
    const id = await reachNext(t, a);
    for (const who of [b, c]) {
      for (const [path, body] of [
        ['done', { thinkingOfYou: true }],
        ['snooze', undefined],
        ['not-now', undefined],
      ] as const) {
        const res = await who.agent.post(`/api/touch/nudges/${id}/${path}`, body);
        expect(res.status).toBe(404);
      }
      expect((await overview(who)).today).toEqual([]);
    }
    expect((await nudgesOf(database.db, a.session.user.id)).find((n) => n.id === id)?.state).toBe('delivered');
    expect(await database.db.select().from(notifications).where(and(eq(notifications.event, 'thinking-of-you'), eq(notifications.userId, b.session.user.id)))).toEqual([]);
  });

  it('validates preferences, and needs a space', async () => {
    const t = appAt();
    const { a } = await makeCouple(t, 'valid');
    for (const bad of [
      { ...PREFS, timeZone: 'Mars/Olympus_Mons' },
      { ...PREFS, dailyBudget: 6 },
      { ...PREFS, dailyBudget: -1 },
      { ...PREFS, spacingMinutes: 5 },
      { ...PREFS, activeHours: { start: '09:00', end: '09:00' } },
      { ...PREFS, quietHours: { start: '25:00', end: '09:00' } },
      { ...PREFS, extra: 1 },
    ]) {
      expect((await a.agent.put('/api/touch/preferences', bad)).status).toBe(400);
    }
    expect((await overview(a)).preferences).toBeNull();
    const saved = await setPrefs(a, { timeZone: 'America/New_York', quietHours: { start: '13:00', end: '14:00' } });
    expect(saved.preferences).toEqual({ ...PREFS, timeZone: 'America/New_York', quietHours: { start: '13:00', end: '14:00' } });

    const loner = await signUp(t, 'loner');
    expect((await loner.agent.put('/api/touch/preferences', PREFS)).status).toBe(403);
    expect((await loner.agent.post(`/api/touch/nudges/${randomUUID()}/snooze`)).status).toBe(403);
  });
});
