import { describe, expect, it } from 'vitest';
import { coupleDate, nextDailyReminderAt, nextReminderAt } from './day.ts';

describe('the couple’s day boundary', () => {
  it('follows the partner whose date changes first (furthest east)', () => {
    // 14:30 UTC on the 15th: already the 16th in Auckland (UTC+13), still the 15th in Los Angeles.
    const now = new Date('2030-01-15T14:30:00Z');
    expect(coupleDate(now, ['America/Los_Angeles', 'Pacific/Auckland'])).toBe('2030-01-16');
    expect(coupleDate(now, ['Pacific/Auckland', 'America/Los_Angeles'])).toBe('2030-01-16');
    // Berlin turns to the 16th at 23:00 UTC, London an hour later: Berlin leads.
    expect(coupleDate(new Date('2030-01-15T23:30:00Z'), ['Europe/London', 'Europe/Berlin'])).toBe('2030-01-16');
    expect(coupleDate(new Date('2030-01-15T22:30:00Z'), ['Europe/London', 'Europe/Berlin'])).toBe('2030-01-15');
  });

  it('uses the one partner’s zone before the other has joined, and UTC without any', () => {
    const now = new Date('2030-01-15T14:30:00Z');
    expect(coupleDate(now, ['America/Los_Angeles'])).toBe('2030-01-15');
    expect(coupleDate(now, ['Pacific/Auckland'])).toBe('2030-01-16');
    expect(coupleDate(new Date('2030-01-15T23:59:00Z'), [])).toBe('2030-01-15');
  });

  it('treats an unknown zone as UTC', () => {
    expect(coupleDate(new Date('2030-01-15T23:30:00Z'), ['Not/AZone'])).toBe('2030-01-15');
  });
});

describe('reminder instants', () => {
  it('is the next time the wall clock shows the chosen time', () => {
    expect(nextReminderAt(new Date('2030-01-15T06:00:00Z'), '08:00', 'Europe/Berlin')).toBe('2030-01-15T07:00:00.000Z');
    expect(nextReminderAt(new Date('2030-01-15T07:00:00Z'), '08:00', 'Europe/Berlin')).toBe('2030-01-16T07:00:00.000Z');
    expect(nextReminderAt(new Date('2030-01-15T20:00:00Z'), '08:00', 'Pacific/Auckland')).toBe('2030-01-16T19:00:00.000Z');
  });

  it('keeps the local time across DST changes', () => {
    // Berlin springs forward on 31 March 2030: 08:00 is 07:00 UTC before, 06:00 UTC after.
    expect(nextReminderAt(new Date('2030-03-30T08:00:00Z'), '08:00', 'Europe/Berlin')).toBe('2030-03-31T06:00:00.000Z');
    // New York falls back on 3 November 2030.
    expect(nextReminderAt(new Date('2030-11-02T13:00:00Z'), '09:00', 'America/New_York')).toBe('2030-11-03T14:00:00.000Z');
  });

  it('refuses a malformed time', () => {
    expect(nextReminderAt(new Date('2030-01-15T06:00:00Z'), '8am', 'Europe/Berlin')).toBeNull();
  });
});

describe('nextDailyReminderAt', () => {
  it('re-arms at the same local time the next day, across a DST change', () => {
    // 20:30 in Berlin on 24 October 2026 (summer time, UTC+2) is 18:30 UTC.
    const fired = new Date('2026-10-24T18:30:00Z');
    // The clocks go back overnight: the next 20:30 is 19:30 UTC.
    expect(nextDailyReminderAt(fired, new Date('2026-10-24T18:30:05Z'), 'Europe/Berlin')).toBe('2026-10-25T19:30:00.000Z');
  });

  it('skips to the next occurrence after now when the app was closed for days', () => {
    const fired = new Date('2026-11-01T07:00:00Z'); // 08:00 in Berlin
    expect(nextDailyReminderAt(fired, new Date('2026-11-05T09:00:00Z'), 'Europe/Berlin')).toBe('2026-11-06T07:00:00.000Z');
  });
});
