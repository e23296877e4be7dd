import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sparkStatusResponse } from '@hearth/core/api';
import type { SparkSettings } from '@hearth/core';
import type { Database } from '../db/open.ts';
import { createSpaceFor, engines, makeCouple, makeTestApp, signUp, type Account, type TestApp } from '../test/harness.ts';

/** Spark consent: off until both opt in, the lower level wins, and nobody learns the partner's own setting. */
describe.each(engines)('Spark consent on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const status = async (who: Account) => {
    const res = await who.agent.get('/api/spark');
    expect(res.status).toBe(200);
    return sparkStatusResponse.parse(res.body);
  };
  const save = async (who: Account, settings: SparkSettings) => {
    const res = await who.agent.put('/api/spark', settings);
    expect(res.status).toBe(200);
    return sparkStatusResponse.parse(res.body);
  };

  it('is off for both until each turns it on, then shows only the lower level', async () => {
    const { a, b } = await makeCouple(t, 'spark-consent');
    expect(await status(a)).toEqual({ mine: { enabled: false, level: 'sweet', paused: false }, state: 'off', effectiveLevel: null });

    expect(await save(a, { enabled: true, level: 'spicy', paused: false })).toMatchObject({ state: 'waiting', effectiveLevel: null });
    expect(await status(b)).toMatchObject({ state: 'off', effectiveLevel: null });

    const bView = await save(b, { enabled: true, level: 'flirty', paused: false });
    expect(bView).toEqual({ mine: { enabled: true, level: 'flirty', paused: false }, state: 'on', effectiveLevel: 'flirty' });
    const aView = await status(a);
    expect(aView).toEqual({ mine: { enabled: true, level: 'spicy', paused: false }, state: 'on', effectiveLevel: 'flirty' });
    // The partner's own settings are not in the answer at all.
    expect(JSON.stringify(aView)).not.toContain('partner');
  });

  it('says "paused" to both when either pauses, without saying who', async () => {
    const { a, b } = await makeCouple(t, 'spark-pause');
    await save(a, { enabled: true, level: 'sweet', paused: false });
    await save(b, { enabled: true, level: 'spicy', paused: false });
    await save(b, { enabled: true, level: 'spicy', paused: true });
    const aView = await status(a);
    expect(aView).toEqual({ mine: { enabled: true, level: 'sweet', paused: false }, state: 'paused', effectiveLevel: null });
    expect(await status(b)).toMatchObject({ state: 'paused', effectiveLevel: null });
    await save(b, { enabled: true, level: 'spicy', paused: false });
    expect(await status(a)).toMatchObject({ state: 'on', effectiveLevel: 'sweet' });
  });

  it('keeps each couple to itself, and refuses bad levels and strangers', async () => {
    const one = await makeCouple(t, 'spark-one');
    const two = await makeCouple(t, 'spark-two');
    await save(one.a, { enabled: true, level: 'spicy', paused: false });
    await save(one.b, { enabled: true, level: 'spicy', paused: false });
    expect(await status(two.a)).toMatchObject({ state: 'off' });
    await save(two.a, { enabled: true, level: 'sweet', paused: false });
    expect(await status(two.a)).toMatchObject({ state: 'waiting' });
    expect(await status(one.a)).toMatchObject({ state: 'on', effectiveLevel: 'spicy' });

    expect((await one.a.agent.put('/api/spark', { enabled: true, level: 'wild', paused: false })).status).toBe(400);
    const solo = await signUp(t, 'spark-solo');
    expect((await solo.agent.get('/api/spark')).status).toBe(403);
    await createSpaceFor(solo);
    expect(await save(solo, { enabled: true, level: 'spicy', paused: false })).toMatchObject({ state: 'waiting' });
  });
});
