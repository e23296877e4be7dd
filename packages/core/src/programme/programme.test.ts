import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitiesOf, type Activity, type ActivityItem } from './activity.ts';
import { activeAfter, offerReconnectOnToday, midweekReminderAt, nextWeekAfter, nextWeeklyReminderAt, programmeView, progressChanged, weekLater, type ProgrammeEvent, type ProgrammeInput } from './progress.ts';
import { ACTIVITY_TYPES, PROGRAMME_WEEKS } from './weeks.ts';
import { nextWithinReminderHours, reminderTimes, withinReminderHours } from './hours.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T18:00:00.000Z');
const iso = (t: number) => new Date(t).toISOString();

function input(over: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    events: [{ action: 'start', at: iso(T0), mine: true }],
    activities: [],
    myPublished: {},
    partnerPublished: null,
    hasPartner: true,
    sparkOnForBoth: false,
    timeZone: 'Europe/Berlin',
    now: new Date(T0 + DAY),
    ...over,
  };
}

const act = (type: Activity['type'], t: number, mine = true): Activity => ({ type, at: iso(t), mine });
const week1Mine = (t: number): Activity[] => [act('checkin', t), act('question-answer', t + 1000), act('talk-side', t + 2000)];
const week1Done = (t: number) => ({ 'w1-checkin': iso(t), 'w1-question': iso(t), 'w1-talk': iso(t) });

describe('what counts as an exercise done', () => {
  it('reads week 1 from a couple’s decrypted items', () => {
    const items: ActivityItem[] = [
      { kind: 'checkin', visibility: 'shared', mine: true, createdAt: iso(T0 + 10), body: {} },
      { kind: 'daily-question-answer', visibility: 'shared', mine: true, createdAt: iso(T0 + 20), body: {} },
      { kind: 'talk-side', visibility: 'shared', mine: true, createdAt: iso(T0 + 30), body: {} },
      // The partner's check-in is theirs, not mine.
      { kind: 'checkin', visibility: 'shared', mine: false, createdAt: iso(T0 + 40), body: {} },
    ];
    const view = programmeView(input({ activities: activitiesOf(items) }));
    const w1 = view.weeks[0];
    expect(w1?.exercises.map((e) => e.mine)).toEqual([iso(T0 + 10), iso(T0 + 20), iso(T0 + 30)]);
    expect(w1?.doneByMe).toBe(true);
  });

  it('does not count what happened before the week opened', () => {
    const view = programmeView(input({ activities: week1Mine(T0 - DAY) }));
    expect(view.weeks[0]?.exercises.every((e) => e.mine === null)).toBe(true);
  });

  it('counts a kept date or ritual for both partners, and only "we did it" marks', () => {
    const items: ActivityItem[] = [
      { kind: 'together-mark', visibility: 'shared', mine: false, createdAt: iso(T0 + 8 * DAY), body: { occurrence: '2026-03-10T19:00', outcome: 'skipped' } },
      { kind: 'together-mark', visibility: 'shared', mine: false, createdAt: iso(T0 + 8 * DAY + 5), body: { occurrence: '2026-03-10T19:00', outcome: 'done' } },
    ];
    const view = programmeView(input({ activities: activitiesOf(items), now: new Date(T0 + 9 * DAY) }));
    expect(view.weeks[1]?.exercises.find((e) => e.id === 'w2-ritual')?.mine).toBe(iso(T0 + 8 * DAY + 5));
  });

  it('tells a pulse and a desire list apart inside the neutral private kind', () => {
    const pulse = { type: 'pulse', answers: { happiness: 3, warmth: 3, rewarding: 3, satisfied: 3 }, score: 12, takenAt: iso(T0) };
    const items: ActivityItem[] = [
      { kind: 'private-record', visibility: 'private', mine: true, createdAt: iso(T0), body: pulse },
      { kind: 'private-record', visibility: 'private', mine: true, createdAt: iso(T0), body: { type: 'help-prefs', alwaysSharePulse: true } },
      { kind: 'private-record', visibility: 'private', mine: true, createdAt: iso(T0), body: null },
    ];
    expect(activitiesOf(items).map((a) => a.type)).toEqual(['pulse']);
  });

  it('needs different days in the person’s own time zone for the touch week', () => {
    const w3open = T0 + 14 * DAY;
    const events: ProgrammeEvent[] = [{ action: 'start', at: iso(T0), mine: true }];
    const late = Date.parse('2026-03-16T22:30:00.000Z'); // 23:30 in Berlin
    // 23:30 on the 16th, 00:30 on the 17th and 00:30 on the 18th in Berlin: three days there, two in UTC.
    const touches = [act('touch-done', late), act('touch-done', late + 3_600_000), act('touch-done', late + DAY + 3_600_000)];
    const at = new Date(w3open + 3 * DAY);
    const berlin = programmeView(input({ events, activities: touches, now: at }));
    const utc = programmeView(input({ events, activities: touches, now: at, timeZone: 'UTC' }));
    expect(berlin.weeks[2]?.exercises.find((e) => e.id === 'w3-three-days')?.mine).toBe(iso(late + DAY + 3_600_000));
    expect(utc.weeks[2]?.exercises.find((e) => e.id === 'w3-three-days')?.mine).toBeNull();
  });
});

describe('pace without pressure', () => {
  it('opens the next week seven days after the last, on the same wall-clock time across a DST change', () => {
    // Berlin moves to summer time on 29 March 2026: that week is 167 hours long.
    const start = Date.parse('2026-03-23T18:00:00.000Z');
    expect(weekLater(start, 'Europe/Berlin') - start).toBe(167 * 3_600_000);
    expect(weekLater(start, 'UTC') - start).toBe(7 * DAY);
    const before = programmeView(input({ events: [{ action: 'start', at: iso(start), mine: true }], now: new Date(start + 167 * 3_600_000 - 1) }));
    const after = programmeView(input({ events: [{ action: 'start', at: iso(start), mine: true }], now: new Date(start + 167 * 3_600_000) }));
    expect([before.current, after.current]).toEqual([1, 2]);
    expect(after.weeks[1]?.openedAt).toBe(iso(start + 167 * 3_600_000));
  });

  it('opens sooner once everyone who started has done the week, never for one partner alone', () => {
    const events: ProgrammeEvent[] = [
      { action: 'start', at: iso(T0), mine: true },
      { action: 'start', at: iso(T0 + 60_000), mine: false },
    ];
    const onlyMe = programmeView(input({ events, activities: week1Mine(T0 + 3_600_000), now: new Date(T0 + 2 * DAY) }));
    expect(onlyMe.current).toBe(1);
    expect(onlyMe.weeks[0]?.doneByMe).toBe(true);
    expect(onlyMe.weeks[0]?.doneByPartner).toBe(false);
    const both = programmeView(input({ events, activities: week1Mine(T0 + 3_600_000), partnerPublished: week1Done(T0 + 5 * 3_600_000), now: new Date(T0 + 2 * DAY) }));
    expect(both.current).toBe(2);
    expect(both.weeks[1]?.openedAt).toBe(iso(T0 + 5 * 3_600_000));
    expect(both.weeks[0]?.exercises[0]?.partner).toBe(iso(T0 + 5 * 3_600_000));
  });

  it('a pause stops the clock and nothing opens until resumed', () => {
    const events: ProgrammeEvent[] = [
      { action: 'start', at: iso(T0), mine: true },
      { action: 'pause', at: iso(T0 + 2 * DAY), mine: false },
    ];
    const paused = programmeView(input({ events, now: new Date(T0 + 30 * DAY), activities: week1Mine(T0 + 3 * DAY), timeZone: 'UTC' }));
    expect(paused.status).toBe('paused');
    expect(paused.current).toBe(1);
    const resumed = [...events, { action: 'resume' as const, at: iso(T0 + 12 * DAY), mine: true }];
    // Done during the pause: the week opens at the resume, not before.
    const view = programmeView(input({ events: resumed, now: new Date(T0 + 30 * DAY), activities: week1Mine(T0 + 3 * DAY), hasPartner: false, timeZone: 'UTC' }));
    expect(view.weeks[1]?.openedAt).toBe(iso(T0 + 12 * DAY));
    expect(activeAfter(T0, 7 * DAY, [{ from: T0 + DAY, to: T0 + 3 * DAY }])).toBe(T0 + 9 * DAY);
  });

  it('says "pick up where you left off" for an earlier week with something left, never a streak', () => {
    const view = programmeView(input({ now: new Date(T0 + 15 * DAY), timeZone: 'UTC' }));
    expect(view.current).toBe(3);
    expect(view.pickUp).toBe(1);
  });

  it('the partner who has not started is invited; one who has not joined the space gets the solo track', () => {
    const invited = programmeView(input({ events: [{ action: 'start', at: iso(T0), mine: false }] }));
    expect(invited.status).toBe('invited');
    const solo = programmeView(input({ hasPartner: false }));
    expect(solo.solo).toBe(true);
    expect(solo.weeks[0]?.exercises[1]?.title).toBe('Answer the daily question for yourself');
    expect(solo.weeks[0]?.doneByPartner).toBeNull();
    expect(programmeView(input({ events: [] })).status).toBe('not-started');
  });

  it('week 5 follows Spark: desire with Spark on for both, closeness without pressure otherwise', () => {
    expect(programmeView(input({ sparkOnForBoth: true })).weeks[4]?.title).toBe('Desire and flirting');
    expect(programmeView(input({ sparkOnForBoth: false })).weeks[4]?.exercises.map((e) => e.id)).toEqual(['w5g-touch', 'w5g-idea', 'w5g-closeness']);
  });

  it('keeps an exercise done when its item is gone, and says when to publish again', () => {
    const view = programmeView(input({ myPublished: { 'w1-checkin': iso(T0 + 5) } }));
    expect(view.weeks[0]?.exercises[0]?.mine).toBe(iso(T0 + 5));
    expect(progressChanged({ 'w1-checkin': iso(T0 + 5) }, view.myDone)).toBe(false);
    expect(progressChanged({}, view.myDone)).toBe(true);
  });
});

describe('the weekly reminder', () => {
  it('comes on the weekday the programme started, at the picked local time, even across DST', () => {
    // Started on Monday 23 March 2026 in Berlin; on Thursday the next reminder is Monday 30 March at 19:00 summer time.
    const next = nextWeeklyReminderAt(new Date('2026-03-26T12:00:00Z'), '2026-03-23T18:00:00Z', '19:00', 'Europe/Berlin');
    expect(next).toBe('2026-03-30T17:00:00.000Z');
    // On the Monday itself, before 19:00, it is that evening; after, a week later.
    expect(nextWeeklyReminderAt(new Date('2026-03-30T16:00:00Z'), '2026-03-23T18:00:00Z', '19:00', 'Europe/Berlin')).toBe('2026-03-30T17:00:00.000Z');
    expect(nextWeeklyReminderAt(new Date('2026-03-30T17:00:00Z'), '2026-03-23T18:00:00Z', '19:00', 'Europe/Berlin')).toBe('2026-04-06T17:00:00.000Z');
    expect(nextWeeklyReminderAt(new Date('2026-03-30T17:00:00Z'), '2026-03-23T18:00:00Z', '25:00', 'Europe/Berlin')).toBeNull();
  });

  it('nudges mid-week once, three days in at the same time, and never late', () => {
    const opened = '2026-03-23T18:00:00Z';
    expect(midweekReminderAt(opened, '19:00', 'Europe/Berlin', new Date('2026-03-24T00:00:00Z'))).toBe('2026-03-26T18:00:00.000Z');
    expect(midweekReminderAt(opened, '19:00', 'Europe/Berlin', new Date('2026-03-26T18:00:00Z'))).toBeNull();
  });

  it('a late worker moves it past now in whole weeks', () => {
    const fired = new Date('2026-03-02T18:00:00Z');
    expect(nextWeekAfter(fired, new Date('2026-03-20T00:00:00Z'), 'UTC')).toBe('2026-03-23T18:00:00.000Z');
  });
});

describe('properties', () => {
  const activity = fc.record({
    type: fc.constantFrom(...ACTIVITY_TYPES),
    at: fc.integer({ min: 0, max: 60 * DAY }).map((d) => iso(T0 + d)),
    mine: fc.boolean(),
  });
  const event = fc.record({
    action: fc.constantFrom('start' as const, 'pause' as const, 'resume' as const),
    at: fc.integer({ min: 0, max: 60 * DAY }).map((d) => iso(T0 + d)),
    mine: fc.boolean(),
  });
  const partnerDone = fc.option(
    fc.dictionary(
      fc.constantFrom(...PROGRAMME_WEEKS.flatMap((w) => w.exercises.map((e) => e.id))),
      fc.integer({ min: 0, max: 60 * DAY }).map((d) => iso(T0 + d)),
    ),
    { nil: null },
  );
  const scenario = fc.record({
    events: fc.array(event, { maxLength: 6 }).map((e) => [{ action: 'start' as const, at: iso(T0), mine: true }, ...e]),
    activities: fc.array(activity, { maxLength: 40 }),
    partnerPublished: partnerDone,
    hasPartner: fc.boolean(),
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'),
  });

  it('never goes backwards: a later moment keeps every week open, opened at the same time, and every exercise done', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 * DAY }), fc.integer({ min: 0, max: 30 * DAY }), (s, a, gap) => {
        const early = programmeView(input({ ...s, now: new Date(T0 + a) }));
        const late = programmeView(input({ ...s, now: new Date(T0 + a + gap) }));
        expect(late.current).toBeGreaterThanOrEqual(early.current);
        early.weeks.forEach((w, i) => {
          if (w.openedAt !== null) expect(late.weeks[i]?.openedAt).toBe(w.openedAt);
        });
        for (const [id, at] of Object.entries(early.myDone)) expect(late.myDone[id]).toBe(at);
      }),
      { numRuns: 150 },
    );
  });

  it('a week never opens before seven days unless everyone who had started has done the one before', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 60 * DAY }), (s, a) => {
        const view = programmeView(input({ ...s, now: new Date(T0 + a) }));
        for (let i = 1; i < view.weeks.length; i += 1) {
          const opened = view.weeks[i]?.openedAt;
          const prev = view.weeks[i - 1];
          if (opened === null || opened === undefined || prev?.openedAt == null) continue;
          const early = Date.parse(opened) < weekLater(Date.parse(prev.openedAt), s.timeZone);
          if (!early) continue;
          expect(prev.doneByMe).toBe(true);
          const partnerStarted = s.hasPartner && s.events.some((e) => e.action === 'start' && !e.mine && Date.parse(e.at) <= Date.parse(prev.openedAt ?? ''));
          if (partnerStarted) expect(prev.doneByPartner).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('reminders inside the person’s hours', () => {
  const day = { active: { start: '08:00', end: '22:00' }, quiet: null };

  it('offers only half hours inside the active hours and outside the quiet ones', () => {
    expect(reminderTimes(day)).toHaveLength(27);
    const worker = reminderTimes({ active: { start: '10:00', end: '22:00' }, quiet: { start: '12:00', end: '18:00' } });
    expect(worker[0]).toBe('10:00');
    expect(worker).toContain('11:30');
    expect(worker).not.toContain('12:00');
    expect(worker).not.toContain('17:30');
    expect(worker).toContain('18:00');
    expect(worker.at(-1)).toBe('21:00');
  });

  it('falls back to the active hours when they leave no daytime slot (a night shift)', () => {
    const night = reminderTimes({ active: { start: '22:00', end: '06:00' }, quiet: null });
    expect(night[0]).toBe('00:00');
    expect(night).toContain('22:30');
    expect(night).not.toContain('12:00');
  });

  it('moves a reminder that falls in quiet hours to when they end, in the person’s zone', () => {
    const hours = { active: { start: '08:00', end: '22:00' }, quiet: { start: '18:00', end: '20:00' } };
    // 19:00 in Berlin in winter is 18:00 UTC.
    const at = new Date('2026-12-07T18:00:00Z');
    expect(withinReminderHours(at, 'Europe/Berlin', hours)).toBe(false);
    expect(nextWithinReminderHours(at, 'Europe/Berlin', hours)?.toISOString()).toBe('2026-12-07T19:00:00.000Z');
  });

  it('moves a reminder after the active hours to the next morning, across a DST change', () => {
    // 23:30 on Saturday 24 October 2026 in Berlin (CEST, UTC+2); Sunday morning is CET.
    const at = new Date('2026-10-24T21:30:00Z');
    expect(nextWithinReminderHours(at, 'Europe/Berlin', day)?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('leaves an allowed moment alone', () => {
    const at = new Date('2026-12-07T10:00:00Z');
    expect(nextWithinReminderHours(at, 'Europe/Berlin', day)).toBe(at);
  });

  it('always lands inside the hours when any minute is allowed', () => {
    const hm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })).map(([h, q]) => `${String(h).padStart(2, '0')}:${String(q * 15).padStart(2, '0')}`);
    fc.assert(
      fc.property(hm, hm, fc.option(fc.tuple(hm, hm), { nil: null }), fc.integer({ min: 0, max: 14 * DAY }), fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'), (s, e, q, t, zone) => {
        fc.pre(s !== e);
        const hours = { active: { start: s, end: e }, quiet: q === null || q[0] === q[1] ? null : { start: q[0], end: q[1] } };
        const at = new Date(T0 + t);
        const next = nextWithinReminderHours(at, zone, hours);
        if (next === null) return;
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(withinReminderHours(next, zone, hours)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('offering Reconnect on Today', () => {
  it('waits three days after joining, so a first Today stays short', () => {
    const joined = '2026-03-02T18:00:00.000Z';
    expect(offerReconnectOnToday(joined, new Date(T0 + DAY))).toBe(false);
    expect(offerReconnectOnToday(joined, new Date(T0 + 3 * DAY))).toBe(true);
    expect(offerReconnectOnToday('not a date', new Date(T0 + 30 * DAY))).toBe(false);
  });
});
