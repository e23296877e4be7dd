import { describe, expect, it } from 'vitest';
import { privateRecordBody } from '../help/records.ts';
import { ITEM_KIND_RULES, REVEAL_WHEN_BOTH_KINDS } from '../items/kinds.ts';
import {
  MAX_WISH_PER_MONTH,
  RHYTHM_BANDS,
  meetingBand,
  meetingView,
  paceAgainst,
  partnerBandsConsistentWith,
  recentCount,
  rhythmBandOf,
  rhythmThreadId,
} from './rhythm.ts';

const WISHES = Array.from({ length: MAX_WISH_PER_MONTH + 1 }, (_, i) => i);

/** What a person sees of the meeting, as the screen renders it (never the partner's band or number). */
function seen(own: number, partner: number): string {
  const view = meetingView({ ownWish: own, partnerBand: rhythmBandOf(partner), recent: 0, ownReveal: false, partnerReveal: null });
  return view.state === 'met' ? `${view.meeting.min}-${view.meeting.max}` : view.state;
}

describe('wish bands', () => {
  it('cover every wish exactly once, each band holding several numbers', () => {
    for (const w of WISHES) expect(RHYTHM_BANDS.filter((b) => w >= b.min && w <= b.max), String(w)).toHaveLength(1);
    for (const b of RHYTHM_BANDS) expect(b.max - b.min + 1).toBeGreaterThanOrEqual(2);
    expect(rhythmBandOf(0)).toBe(0);
    expect(rhythmBandOf(4)).toBe(2);
    expect(rhythmBandOf(MAX_WISH_PER_MONTH)).toBe(RHYTHM_BANDS.length - 1);
  });
});

describe('where the wishes meet', () => {
  it('is symmetric, lies between the two wishes and leans toward the gentler one', () => {
    for (const a of RHYTHM_BANDS)
      for (const b of RHYTHM_BANDS) {
        const m = meetingBand(a.band, b.band);
        expect(m).toBe(meetingBand(b.band, a.band));
        expect(m).toBeGreaterThanOrEqual(Math.min(a.band, b.band));
        expect(m).toBeLessThanOrEqual(Math.max(a.band, b.band));
        expect(m - Math.min(a.band, b.band)).toBeLessThanOrEqual(Math.max(a.band, b.band) - m);
      }
    expect(meetingBand(2, 2)).toBe(2);
    expect(meetingBand(1, 4)).toBe(2);
  });

  it('never lets either partner work out the other’s number from what they see', () => {
    for (const own of WISHES)
      for (const partner of WISHES) {
        // Every partner wish that would look exactly the same to this person.
        const lookAlikes = WISHES.filter((p) => seen(own, p) === seen(own, partner));
        expect(lookAlikes.length, `own ${own}, partner ${partner}`).toBeGreaterThanOrEqual(2);
      }
  });

  it('leaves at least two whole bands possible unless one wish sits at the very edge of the scale', () => {
    const last = RHYTHM_BANDS.length - 1;
    for (const own of RHYTHM_BANDS)
      for (const partner of RHYTHM_BANDS) {
        const possible = partnerBandsConsistentWith(own.band, meetingBand(own.band, partner.band));
        expect(possible).toContain(partner.band);
        const edge = partner.band === 0 || partner.band === last || own.band === 0 || own.band === last;
        if (!edge) expect(possible.length, `${own.band}/${partner.band}`).toBeGreaterThanOrEqual(2);
      }
  });

  it('shows the numbers only when both chose to reveal', () => {
    const base = { ownWish: 8, partnerBand: rhythmBandOf(3), recent: 5 };
    expect(meetingView({ ...base, ownReveal: true, partnerReveal: null })).toMatchObject({ state: 'met', revealed: null });
    expect(meetingView({ ...base, ownReveal: false, partnerReveal: 3 })).toMatchObject({ state: 'met', revealed: null });
    expect(meetingView({ ...base, ownReveal: true, partnerReveal: 3 })).toMatchObject({ revealed: { mine: 8, theirs: 3 } });
    expect(meetingView({ ...base, ownWish: null, ownReveal: false, partnerReveal: null })).toEqual({ state: 'no-wish' });
    expect(meetingView({ ...base, partnerBand: null, ownReveal: false, partnerReveal: null })).toEqual({ state: 'waiting' });
  });

  it('says whether the recent rhythm is below, near or above the meeting point', () => {
    const weekly = rhythmBandOf(5);
    expect(paceAgainst(2, weekly)).toBe('below');
    expect(paceAgainst(4, weekly)).toBe('near');
    expect(paceAgainst(6, weekly)).toBe('near');
    expect(paceAgainst(9, weekly)).toBe('above');
    expect(meetingView({ ownWish: 6, partnerBand: rhythmBandOf(4), recent: 1, ownReveal: false, partnerReveal: null })).toMatchObject({
      meeting: { label: 'about once a week' },
      pace: 'below',
    });
  });

  it('counts the last 30 days including today', () => {
    // 2 March is the 30th day back from 31 March; 1 March and a future date fall outside.
    const dates = ['2030-03-31', '2030-03-15', '2030-03-02', '2030-03-01', '2030-02-28', '2030-04-01'];
    expect(recentCount(dates, '2030-03-31')).toBe(3);
  });
});

describe('what is stored', () => {
  it('keeps log entries and the exact wish as private records', () => {
    const entry = { type: 'rhythm-entry', date: '2030-03-01', satisfaction: 4, note: 'lovely' };
    expect(privateRecordBody.parse(entry)).toEqual(entry);
    expect(privateRecordBody.safeParse({ ...entry, satisfaction: 6 }).success).toBe(false);
    expect(privateRecordBody.parse({ type: 'rhythm-wish', perMonth: 8, reveal: false })).toEqual({ type: 'rhythm-wish', perMonth: 8, reveal: false });
    expect(privateRecordBody.safeParse({ type: 'rhythm-wish', perMonth: 100, reveal: false }).success).toBe(false);
  });

  it('shares bands and revealed numbers only through kinds the server withholds until both wrote one', () => {
    expect(REVEAL_WHEN_BOTH_KINDS).toContain('spark-wish-band');
    expect(REVEAL_WHEN_BOTH_KINDS).toContain('spark-wish-reveal');
    expect(ITEM_KIND_RULES['spark-wish-band'].parents).toEqual(['spark-rhythm']);
  });

  it('derives one thread id per space', () => {
    const id = rhythmThreadId(new Uint8Array(32).fill(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rhythmThreadId(new Uint8Array(32).fill(1))).toBe(id);
    expect(rhythmThreadId(new Uint8Array(32).fill(2))).not.toBe(id);
  });
});
