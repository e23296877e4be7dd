import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESIRE_CATEGORIES,
  DESIRES,
  buildDesireUpload,
  deriveMatchKey,
  desireMatches,
  type DesireLevel,
  type MatchAnswer,
} from '@hearth/core';
import { generateSpaceKey } from '@hearth/core/crypto';
import { matchResultResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { ALL_TABLES } from '../db/schema.ts';
import { engines, makeCouple, makeTestApp, type Account, type TestApp } from '../test/harness.ts';

/**
 * The desire list on the blind-matching route (deck `desires`, decision 0036): uploads
 * made by the same core functions as the app, under a space key only the couple holds.
 * The server stores opaque tokens and category tags and answers only with what both sent.
 */

type Answers = Record<string, MatchAnswer>;

describe.each(engines)('desire list matching on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const put = async (who: Account, key: Uint8Array, answers: Answers, level: DesireLevel = 'spicy') => {
    const built = buildDesireUpload(key, level, new Map(Object.entries(answers)));
    if (!built.ok) throw new Error(built.message);
    const res = await who.agent.put('/api/matching/desires', built.value);
    expect(res.status).toBe(200);
  };
  const shown = async (who: Account, key: Uint8Array, answers: Answers, level: DesireLevel = 'spicy') => {
    const res = await who.agent.get('/api/matching/desires');
    expect(res.status).toBe(200);
    const result = matchResultResponse.parse(res.body);
    const view = desireMatches(key, level, new Map(Object.entries(answers)), result.tokens);
    return { ids: view.matches.map((m) => m.itemId), withheld: view.withheld.map((w) => w.category), raw: result };
  };

  /** Every row of every table as text: what someone reading the database would see. */
  const dump = async () => {
    const parts: string[] = [];
    for (const table of Object.values(ALL_TABLES)) parts.push(JSON.stringify(await database.db.select().from(table)));
    return parts.join('\n');
  };

  it('stores only opaque tokens: no idea, category or answer appears anywhere in the database', async () => {
    const { a, b } = await makeCouple(t, 'tokens');
    const key = deriveMatchKey(generateSpaceKey());
    const everything = Object.fromEntries(DESIRES.map((d, i) => [d.id, (['yes', 'maybe', 'no'] as const)[i % 3] ?? 'no']));
    await put(a, key, everything);
    await put(b, key, everything);
    const text = await dump();
    for (const desire of DESIRES) {
      expect(text).not.toContain(desire.id);
      expect(text).not.toContain(desire.text);
    }
    for (const category of DESIRE_CATEGORIES) {
      expect(text).not.toContain(`"${category.id}"`);
      expect(text).not.toContain(category.label);
    }
    for (const word of ['"yes"', '"maybe"', 'sweet', 'flirty', 'spicy']) expect(text).not.toContain(word);
  });

  it('shows each partner only the ideas both said yes or maybe to, and a changed no removes the match at once', async () => {
    const { a, b } = await makeCouple(t, 'mutual');
    const key = deriveMatchKey(generateSpaceKey());
    const alex: Answers = { 'desire-001': 'yes', 'desire-013': 'maybe', 'desire-024': 'yes', 'desire-045': 'no' };
    const sam: Answers = { 'desire-001': 'yes', 'desire-013': 'yes', 'desire-024': 'no', 'desire-045': 'yes', 'desire-002': 'yes' };
    await put(a, key, alex);
    expect((await shown(a, key, alex)).ids).toEqual([]);
    await put(b, key, sam);
    expect((await shown(a, key, alex)).ids).toEqual(['desire-001', 'desire-013']);
    expect((await shown(b, key, sam)).ids).toEqual(['desire-001', 'desire-013']);
    // Only the two mutual ideas' tokens come back: yes+maybe for the first, maybe-or-yes for the second.
    expect((await shown(a, key, alex)).raw.tokens).toHaveLength(3);

    await put(b, key, { ...sam, 'desire-001': 'no' });
    expect((await shown(a, key, alex)).ids).toEqual(['desire-013']);
  });

  it('never matches another couple’s answers, even identical ones', async () => {
    const one = await makeCouple(t, 'one');
    const two = await makeCouple(t, 'two');
    const keyOne = deriveMatchKey(generateSpaceKey());
    const keyTwo = deriveMatchKey(generateSpaceKey());
    const same: Answers = { 'desire-001': 'yes', 'desire-002': 'yes' };
    await put(one.a, keyOne, same);
    await put(two.b, keyTwo, same);
    expect((await shown(one.a, keyOne, same)).ids).toEqual([]);
    expect((await shown(two.b, keyTwo, same)).ids).toEqual([]);
    // Even a shared key (which real couples never have) does not cross spaces on the server.
    await put(two.a, keyOne, same);
    expect((await shown(one.a, keyOne, same)).raw).toMatchObject({ partnerUploaded: false, tokens: [] });
  });

  it('holds back a category from a partner who said yes to nearly all of it, on the server', async () => {
    const { a, b } = await makeCouple(t, 'eager');
    const key = deriveMatchKey(generateSpaceKey());
    const closeness = DESIRES.filter((d) => d.category === 'closeness').map((d) => d.id);
    const eager: Answers = Object.fromEntries([...closeness, 'desire-012'].map((id) => [id, 'yes']));
    const careful: Answers = { 'desire-001': 'yes', 'desire-012': 'yes' };
    await put(a, key, eager, 'sweet');
    await put(b, key, careful, 'sweet');
    const eagerView = await shown(a, key, eager, 'sweet');
    expect(eagerView.ids).toEqual(['desire-012']);
    expect(eagerView.withheld).toEqual(['closeness']);
    expect(eagerView.raw.withheld).toHaveLength(1);
    // The server itself did not send the withheld match's token.
    expect(eagerView.raw.tokens).toHaveLength(2);
    expect((await shown(b, key, careful, 'sweet')).ids).toEqual(['desire-001', 'desire-012']);
  });

  it('matches nothing above the level the upload was made at', async () => {
    const { a, b } = await makeCouple(t, 'level');
    const key = deriveMatchKey(generateSpaceKey());
    const both: Answers = { 'desire-001': 'yes', 'desire-030': 'yes', 'desire-060': 'yes' };
    await put(a, key, both, 'flirty');
    await put(b, key, both, 'flirty');
    expect((await shown(a, key, both, 'flirty')).ids).toEqual(['desire-001', 'desire-030']);
    expect((await shown(a, key, both, 'spicy')).ids).toEqual(['desire-001', 'desire-030']);
  });
});
