import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HELP_DIRECTORY, helpDirectory } from '@hearth/core';
import { itemListResponse, itemResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import { createApp } from '../http/app.ts';
import { b64, engines, makeCouple, makeTestApp, signUp, testConfig, type Account, type TestApp } from '../test/harness.ts';
import { loadHelpDirectory } from './directory.ts';
import { NEUTRAL_PATH } from './routes.ts';

/**
 * Help (issue #7) on the sealed store: pulses and safety checks are `private-record`
 * items — one neutral kind, private only, so the server (and the partner) cannot tell
 * one private record from another, or that a safety check was ever taken.
 */
const record = (visibility: 'shared' | 'private' = 'private') => ({ id: randomUUID(), kind: 'private-record', visibility, body: b64(160) });
const share = () => ({ id: randomUUID(), kind: 'help-share', visibility: 'shared', body: b64(60) });

describe.each(engines)('help items on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const listIds = async (who: Account, query = '') => itemListResponse.parse((await who.agent.get(`/api/items${query}`)).body).items.map((i) => i.id);

  it('keeps private records sealed and away from the partner, in lists, by id and for updates', async () => {
    const { a, b } = await makeCouple(t, 'help-private');
    const check = record();
    expect((await a.agent.post('/api/items', check)).status).toBe(201);

    // The partner sees nothing: not in the list, not by kind, not by id.
    expect(await listIds(b)).not.toContain(check.id);
    expect(await listIds(b, '?kind=private-record')).toEqual([]);
    const byId = await b.agent.get(`/api/items/${check.id}`);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(byId.body)).not.toContain(check.body);
    expect((await b.agent.put(`/api/items/${check.id}`, { body: b64(160) })).status).toBe(404);

    // The author gets back exactly the sealed bytes, with no schedule metadata.
    const mine = itemResponse.parse((await a.agent.get(`/api/items/${check.id}`)).body).item;
    expect(mine).toMatchObject({ kind: 'private-record', visibility: 'private', body: check.body, remindAt: null, parentId: null });
  });

  it('refuses a private record marked shared, so it can never reach the partner', async () => {
    const { a, b } = await makeCouple(t, 'help-shared');
    const res = await a.agent.post('/api/items', record('shared'));
    expect(res.status).toBe(400);
    expect(await listIds(b)).toEqual([]);
  });

  it('keeps help records from anyone outside the space', async () => {
    const { a } = await makeCouple(t, 'help-outsider');
    const stranger = await signUp(t, 'help-stranger');
    const check = record();
    const shared = share();
    expect((await a.agent.post('/api/items', check)).status).toBe(201);
    expect((await a.agent.post('/api/items', shared)).status).toBe(201);
    expect((await stranger.agent.get(`/api/items/${check.id}`)).status).toBeGreaterThanOrEqual(400);
    expect((await stranger.agent.get(`/api/items/${shared.id}`)).status).toBeGreaterThanOrEqual(400);
  });

  it('shows what a partner chose to share (a help-share item) to the other', async () => {
    const { a, b } = await makeCouple(t, 'help-share');
    const shared = share();
    expect((await a.agent.post('/api/items', shared)).status).toBe(201);
    expect(await listIds(b, '?kind=help-share')).toEqual([shared.id]);
    expect((await a.agent.post('/api/items', { ...share(), visibility: 'private' })).status).toBe(400);
  });
});

describe('help directory and the neutral page', () => {
  let database: Database;
  let t: TestApp;
  beforeAll(async () => {
    const first = engines[0];
    if (!first) throw new Error('no engine');
    database = await first.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('serves the maintained directory to anyone, so fetching it says nothing about who looked', async () => {
    const res = await t.app.request('/api/help/directory');
    expect(res.status).toBe(200);
    const body = helpDirectory.parse(await res.json());
    expect(body.resources.map((r) => r.country)).toEqual(expect.arrayContaining(['US', 'GB', 'CA', 'AU', 'IE', 'NZ', 'INTL']));
  });

  it("serves the operator's directory instead when given one", async () => {
    const own = { ...DEFAULT_HELP_DIRECTORY, counselors: [{ name: 'Local clinic', description: 'Ours', url: 'https://clinic.example/', countries: ['INTL'] }] };
    const app = createApp({ db: database.db, config: testConfig(), helpDirectory: own });
    const body = helpDirectory.parse(await (await app.request('/api/help/directory')).json());
    expect(body.counselors.map((c) => c.name)).toEqual(['Local clinic']);
  });

  it('reads HELP_DIRECTORY_FILE at start-up and refuses a file that does not match', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hearth-help-'));
    try {
      expect(await loadHelpDirectory(undefined)).toEqual({ ok: true, value: DEFAULT_HELP_DIRECTORY });
      const good = path.join(dir, 'good.json');
      await writeFile(good, JSON.stringify(DEFAULT_HELP_DIRECTORY));
      expect((await loadHelpDirectory(good)).ok).toBe(true);
      const bad = path.join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ reviewedOn: 'soon', resources: [] }));
      const refused = await loadHelpDirectory(bad);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.message).toContain('HELP_DIRECTORY_FILE');
      expect((await loadHelpDirectory(path.join(dir, 'missing.json'))).ok).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves a neutral page for quick exit: no Hearth, no scripts, no links out', async () => {
    const res = await t.app.request(NEUTRAL_PATH);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/hearth|relationship|partner|abuse|safety/i);
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\//i);
  });
});
