import { describe, expect, it } from 'vitest';
import { DIGEST_KINDS, describeCount, digestDue, digestMail, nextStepFor, summarizeWeek, weekCategoryOf, WEEK_KINDS, type WeekEntry } from './our-week.ts';

const ME = 'me';
const PARTNER = 'partner';
const at = (iso: string, kind: string, authorId = ME): WeekEntry => ({ kind, authorId, createdAt: iso });

describe('our week', () => {
  const now = new Date('2026-11-25T20:00:00Z'); // Wednesday evening in Berlin

  it('counts the last seven local days by practice, mine and my partner’s apart', () => {
    const s = summarizeWeek({
      me: ME,
      now,
      timeZone: 'Europe/Berlin',
      matchedIdeas: 0,
      entries: [
        at('2026-11-25T08:00:00Z', 'checkin'),
        at('2026-11-24T08:00:00Z', 'checkin', PARTNER),
        at('2026-11-19T08:00:00Z', 'checkin'), // Thursday a week ago: inside the seven days
        at('2026-11-18T22:30:00Z', 'checkin'), // 23:30 Berlin on the 18th: outside
        at('2026-11-23T10:00:00Z', 'support-thanks', PARTNER),
        at('2026-11-23T11:00:00Z', 'support-response'),
        at('2026-11-23T11:00:00Z', 'private-record'),
        at('2026-11-23T11:00:00Z', 'support-prefs'),
      ],
    });
    expect(s?.from).toBe('2026-11-19');
    expect(s?.to).toBe('2026-11-25');
    expect(s?.counts.checkins).toEqual({ mine: 2, partner: 1 });
    expect(s?.counts.appreciations).toEqual({ mine: 0, partner: 1 });
    expect(s?.counts.support).toEqual({ mine: 1, partner: 0 });
  });

  it('counts nothing private or unknown, so a new practice must opt in', () => {
    expect(weekCategoryOf('private-record')).toBeNull();
    expect(weekCategoryOf('constructor')).toBeNull();
    expect(WEEK_KINDS).not.toContain('private-record');
    expect(DIGEST_KINDS).not.toContain('together-mark');
    expect(WEEK_KINDS).toContain('together-first');
  });

  it('suggests time together first, pointing at matched ideas when there are some', () => {
    const none = { checkins: { mine: 1, partner: 1 }, together: { mine: 0, partner: 0 }, firsts: { mine: 0, partner: 0 }, appreciations: { mine: 1, partner: 0 }, support: { mine: 0, partner: 0 } };
    expect(nextStepFor(none, 22, 3)).toMatchObject({ code: 'plan-time-together', text: 'No date in three weeks — here are your matched ideas.' });
    expect(nextStepFor(none, null, 0).text).toContain('swipe through some ideas');
    // Ten days ago is not yet a gap worth mentioning.
    expect(nextStepFor(none, 10, 3).code).toBe('keep-going');
    expect(nextStepFor({ ...none, checkins: { mine: 0, partner: 2 } }, 10, 3).code).toBe('check-in');
    expect(nextStepFor({ ...none, appreciations: { mine: 0, partner: 2 } }, 10, 3).code).toBe('say-thanks');
  });

  it('words counts plainly', () => {
    expect(describeCount('checkins', 0)).toBe('no check-ins');
    expect(describeCount('checkins', 1)).toBe('1 check-in');
    expect(describeCount('appreciations', 3)).toBe('3 thank-yous');
  });
});

describe('weekly digest', () => {
  it('is due from Monday 09:00 local to the end of Tuesday, for the week before', () => {
    // Monday 30 November 2026, 08:30 in New York (13:30 UTC): not yet.
    expect(digestDue(new Date('2026-11-30T13:30:00Z'), 'America/New_York')).toBeNull();
    expect(digestDue(new Date('2026-11-30T14:00:00Z'), 'America/New_York')).toEqual({ week: '2026-11-30', from: '2026-11-23', to: '2026-11-29' });
    expect(digestDue(new Date('2026-12-02T04:59:00Z'), 'America/New_York')?.week).toBe('2026-11-30');
    // Wednesday: too late for last week, too early for this one.
    expect(digestDue(new Date('2026-12-02T05:00:00Z'), 'America/New_York')).toBeNull();
  });

  it('follows the reader’s clock across a daylight-saving change', () => {
    // Berlin leaves summer time on Sunday 25 October 2026; Monday 09:00 is then 08:00 UTC.
    expect(digestDue(new Date('2026-10-26T07:59:00Z'), 'Europe/Berlin')).toBeNull();
    expect(digestDue(new Date('2026-10-26T08:00:00Z'), 'Europe/Berlin')?.from).toBe('2026-10-19');
  });

  it('says counts only, under a neutral subject', () => {
    const mail = digestMail({ checkins: 4, firsts: 0, appreciations: 2, support: 1 }, '2026-11-23', '2026-11-29', 'https://hearth.example/app/week');
    expect(mail.subject).toBe('Your week in Hearth');
    expect(mail.text).toContain('- 4 check-ins');
    // The server can't tell a ritual done from one skipped, so the email leaves it out.
    expect(mail.text).not.toMatch(/times? together/);
    expect(mail.text).toContain('- no firsts');
    expect(mail.text).toContain('https://hearth.example/app/week');
  });
});
