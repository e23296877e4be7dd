import { describe, expect, it } from 'vitest';
import { concerns, type LiveChange } from './live.ts';

const item = (kind: 'checkin' | 'note'): LiveChange => ({ type: 'item', item: { kind, id: '6f1c2a52-31a4-4c55-9a35-0e3b1f1d2a10' } });

describe('which live changes a screen reloads for', () => {
  it('reloads a screen for the kinds it shows, and passes other kinds by', () => {
    expect(concerns(item('checkin'), ['checkin', 'checkin-reply'])).toBe(true);
    expect(concerns(item('note'), ['checkin', 'checkin-reply'])).toBe(false);
  });

  it("reloads for a deck's matches only where that deck is shown", () => {
    expect(concerns({ type: 'match', deck: 'ideas' }, ['together-idea', 'match:ideas'])).toBe(true);
    expect(concerns({ type: 'match', deck: 'desires' }, ['together-idea', 'match:ideas'])).toBe(false);
  });

  it('reloads every screen for a change to the space or a resync, and a screen naming nothing for anything', () => {
    for (const type of ['space', 'resync'] as const) expect(concerns({ type }, [])).toBe(true);
    expect(concerns({ type: 'you' }, ['checkin'])).toBe(false);
    expect(concerns({ type: 'you' }, undefined)).toBe(true);
    expect(concerns(item('note'), undefined)).toBe(true);
    expect(concerns({ type: 'match', deck: 'ideas' }, undefined)).toBe(true);
  });
});
