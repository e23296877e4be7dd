import { describe, expect, it } from 'vitest';
import { ITEM_BODY_SCHEMAS } from '../items/bodies.ts';
import { ITEM_KIND_RULES } from '../items/kinds.ts';
import { PULSE_THRESHOLD, pulseAnswers, pulseDue, pulseScore, isBelowThreshold, PULSE_QUESTIONS } from './pulse.ts';
import { helpShareBody, leftOutOfExports, privateRecordBody } from './records.ts';
import {
  countryFromLocale,
  counselorsFor,
  DEFAULT_HELP_DIRECTORY,
  DEFAULT_RESOURCES,
  helpDirectory,
  resourcesFor,
} from './resources.ts';
import { isWorrying, SAFETY_QUESTIONS, safetyAnswers, type SafetyAnswers } from './safety.ts';
import { describeReason, dropFromRecent, lowTwiceInARow, suggestionReasons, type ScorePoint } from './suggestion.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
const points = (...scores: number[]): ScorePoint[] => scores.map((score, i) => ({ score, takenAt: at(i * 30 + 1) }));

describe('pulse scoring', () => {
  it('sums one 0–6 item and three 0–5 items to 0–21', () => {
    expect(pulseScore({ happiness: 0, warmth: 0, rewarding: 0, satisfied: 0 })).toBe(0);
    expect(pulseScore({ happiness: 6, warmth: 5, rewarding: 5, satisfied: 5 })).toBe(21);
    expect(pulseScore({ happiness: 3, warmth: 4, rewarding: 2, satisfied: 4 })).toBe(13);
    expect(PULSE_QUESTIONS.map((q) => q.labels.length)).toEqual([7, 6, 6, 6]);
  });

  it('refuses answers out of range', () => {
    expect(pulseAnswers.safeParse({ happiness: 7, warmth: 0, rewarding: 0, satisfied: 0 }).success).toBe(false);
    expect(pulseAnswers.safeParse({ happiness: 6, warmth: 6, rewarding: 0, satisfied: 0 }).success).toBe(false);
    expect(pulseAnswers.safeParse({ happiness: 2.5, warmth: 0, rewarding: 0, satisfied: 0 }).success).toBe(false);
  });

  it('uses 13.5 (Funk & Rogge, 2007) as the default threshold', () => {
    expect(PULSE_THRESHOLD).toBe(13.5);
    expect(isBelowThreshold(13)).toBe(true);
    expect(isBelowThreshold(14)).toBe(false);
  });

  it('is due a month after the last one', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(pulseDue(null, now)).toBe(true);
    expect(pulseDue('2026-02-20T12:00:00Z', now)).toBe(false);
    expect(pulseDue('2026-01-29T12:00:00Z', now)).toBe(true);
  });
});

describe('when to suggest counseling', () => {
  const none = { mine: [], partners: [], conversations: [], iAsked: false, partnerAsked: false };

  it('says nothing without a trigger', () => {
    expect(suggestionReasons(none)).toEqual([]);
    expect(suggestionReasons({ ...none, mine: points(18, 17, 19, 16) })).toEqual([]);
  });

  it('suggests after two pulses in a row under the threshold, not one', () => {
    expect(lowTwiceInARow(points(12))).toBe(false);
    expect(lowTwiceInARow(points(12, 15))).toBe(false);
    expect(lowTwiceInARow(points(15, 12, 13))).toBe(true);
    expect(suggestionReasons({ ...none, mine: points(12, 13) })).toEqual([{ kind: 'low-twice', whose: 'mine' }]);
  });

  it('reads pulses in time order, whatever order they come in', () => {
    const [first, second, third] = points(10, 11, 18);
    expect(lowTwiceInARow([third!, first!, second!])).toBe(false);
    expect(lowTwiceInARow([second!, first!])).toBe(true);
  });

  it('suggests after a drop of 4 or more from the average of the previous three', () => {
    expect(dropFromRecent(points(20, 18))).toBeNull();
    expect(dropFromRecent(points(20, 19, 18, 15))).toBe(4);
    expect(suggestionReasons({ ...none, mine: points(20, 19, 18, 15) })).toEqual([{ kind: 'drop', whose: 'mine', by: 4 }]);
    expect(suggestionReasons({ ...none, mine: points(20, 19, 18, 16) })).toEqual([]);
  });

  it("counts the partner's shared pulses too", () => {
    expect(suggestionReasons({ ...none, partners: points(9, 10) })).toEqual([{ kind: 'low-twice', whose: 'partner' }]);
  });

  it('suggests when a conversation was paused three times without agreement', () => {
    expect(suggestionReasons({ ...none, conversations: [{ pauseCount: 2, hasAgreement: false }] })).toEqual([]);
    expect(suggestionReasons({ ...none, conversations: [{ pauseCount: 3, hasAgreement: true }] })).toEqual([]);
    expect(suggestionReasons({ ...none, conversations: [{ pauseCount: 3, hasAgreement: false }] })).toEqual([
      { kind: 'stuck-conversation', count: 1 },
    ]);
  });

  it('suggests when either partner asks, and says why in words', () => {
    const reasons = suggestionReasons({ ...none, iAsked: true, partnerAsked: true });
    expect(reasons).toEqual([
      { kind: 'asked', whose: 'mine' },
      { kind: 'asked', whose: 'partner' },
    ]);
    expect(reasons.map(describeReason)).toEqual([
      'You said you would like to see a counselor together.',
      'Your partner would like the two of you to see a counselor.',
    ]);
  });
});

describe('the safety check', () => {
  const allNo: SafetyAnswers = { afraid: 'no', money: 'no', phone: 'no', people: 'no', hurt: 'no' };

  it('asks about fear, control (money, phone, friends) and harm', () => {
    expect(SAFETY_QUESTIONS.map((q) => q.id)).toEqual(['afraid', 'money', 'phone', 'people', 'hurt']);
  });

  it('treats any yes or unsure answer as worrying', () => {
    expect(isWorrying(allNo)).toBe(false);
    for (const q of SAFETY_QUESTIONS) {
      expect(isWorrying({ ...allNo, [q.id]: 'yes' })).toBe(true);
      expect(isWorrying({ ...allNo, [q.id]: 'unsure' })).toBe(true);
    }
    expect(safetyAnswers.safeParse({ ...allNo, hurt: 'maybe' }).success).toBe(false);
  });
});

describe('resources', () => {
  it('covers at least the US, UK, Canada, Australia, Ireland and New Zealand, with an international fallback and a source for each', () => {
    const countries = DEFAULT_RESOURCES.map((r) => r.country);
    expect(countries).toEqual(expect.arrayContaining(['US', 'GB', 'CA', 'AU', 'IE', 'NZ', 'INTL']));
    for (const r of DEFAULT_RESOURCES) for (const s of r.services) expect(s.source.length).toBeGreaterThan(0);
    expect(helpDirectory.safeParse(DEFAULT_HELP_DIRECTORY).success).toBe(true);
  });

  it('finds a country, falls back to the international list, and accepts UK for GB', () => {
    expect(resourcesFor(DEFAULT_HELP_DIRECTORY, 'UK').country).toBe('GB');
    expect(resourcesFor(DEFAULT_HELP_DIRECTORY, 'nz').country).toBe('NZ');
    expect(resourcesFor(DEFAULT_HELP_DIRECTORY, 'FR').country).toBe('INTL');
    expect(resourcesFor(DEFAULT_HELP_DIRECTORY, null).country).toBe('INTL');
    expect(counselorsFor(DEFAULT_HELP_DIRECTORY, 'GB').map((d) => d.name)[0]).toBe('Relate');
    expect(counselorsFor(DEFAULT_HELP_DIRECTORY, 'FR').every((d) => d.countries.includes('INTL'))).toBe(true);
  });

  it('guesses a country from the locale', () => {
    expect(countryFromLocale('en-GB')).toBe('GB');
    expect(countryFromLocale('en-US')).toBe('US');
    expect(countryFromLocale('fr')).toBeNull();
  });
});

describe('sealed bodies', () => {
  it('keeps every private record under one neutral, private-only kind', () => {
    expect(ITEM_KIND_RULES['private-record'].visibilities).toEqual(['private']);
    expect(ITEM_BODY_SCHEMAS['private-record']).toBe(privateRecordBody);
    const taken = '2026-01-01T10:00:00.000Z';
    expect(privateRecordBody.safeParse({ type: 'safety-check', answers: { afraid: 'no', money: 'no', phone: 'no', people: 'no', hurt: 'yes' }, takenAt: taken }).success).toBe(true);
    expect(privateRecordBody.safeParse({ type: 'pulse', answers: { happiness: 3, warmth: 3, rewarding: 3, satisfied: 3 }, score: 12, takenAt: taken }).success).toBe(true);
  });

  it('shares only a score and a date of a pulse, never the answers', () => {
    const parsed = helpShareBody.safeParse({ type: 'pulse', score: 12, takenAt: '2026-01-01T10:00:00.000Z', answers: { happiness: 3 } });
    expect(parsed.success && 'answers' in parsed.data).toBe(false);
  });

  it('leaves a safety check, and only that, out of export files', () => {
    const taken = '2026-01-01T10:00:00.000Z';
    const check = { type: 'safety-check', answers: { afraid: 'no', money: 'no', phone: 'no', people: 'no', hurt: 'no' }, takenAt: taken };
    expect(leftOutOfExports('private-record', check)).toBe(true);
    expect(leftOutOfExports('private-record', { type: 'help-prefs', alwaysSharePulse: true })).toBe(false);
    expect(leftOutOfExports('note', check)).toBe(false);
  });
});
