import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemListResponse, itemResponse, spaceResponse, type ItemView } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import {
  acceptBody,
  b64,
  createSpaceFor,
  engines,
  inviteFrom,
  makeCouple,
  makeTestApp,
  rowCounts,
  signUp,
  type Account,
  type TestApp,
} from '../test/harness.ts';

/**
 * The daily question (issue #11) on the sealed items store. Bodies are random bytes:
 * what matters is what the server hands out from metadata alone — above all, that a
 * partner's answer stays withheld until both have answered, checked on the API itself.
 */

type Kind =
  | 'daily-question-day'
  | 'daily-question-answer'
  | 'daily-question-answered'
  | 'daily-question-reaction'
  | 'daily-question-comment'
  | 'daily-question-prefs'
  | 'daily-question-reminder';

const item = (kind: Kind, parentId: string | null = null, visibility: 'shared' | 'private' = 'shared') => ({
  id: randomUUID(),
  kind,
  visibility,
  parentId,
  body: b64(kind === 'daily-question-answered' ? 40 : 160),
});

describe.each(engines)('daily question on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const post = async (who: Account, x: object) => (await who.agent.post('/api/items', x)).status;
  const listed = async (who: Account, query = ''): Promise<ItemView[]> => {
    const res = await who.agent.get(`/api/items${query}`);
    expect(res.status).toBe(200);
    return itemListResponse.parse(res.body).items;
  };
  const ids = async (who: Account, query = '') => (await listed(who, query)).map((i) => i.id);

  it('withholds the partner’s answer, in every read, until both have answered', async () => {
    const { a, b } = await makeCouple(t, 'reveal');
    const day = item('daily-question-day');
    expect(await post(a, day)).toBe(201);
    const answerA = item('daily-question-answer', day.id);
    const markerA = item('daily-question-answered', day.id);
    expect(await post(a, answerA)).toBe(201);
    expect(await post(a, markerA)).toBe(201);

    // B sees the day and the marker ("Sam has answered"), never the answer or its body.
    for (const query of ['', `?parentId=${day.id}`, '?kind=daily-question-answer']) {
      const res = await b.agent.get(`/api/items${query}`);
      expect(itemListResponse.parse(res.body).items.map((i) => i.id)).not.toContain(answerA.id);
      expect(JSON.stringify(res.body)).not.toContain(answerA.body);
    }
    expect(await ids(b, `?parentId=${day.id}`)).toEqual([markerA.id]);
    const byId = await b.agent.get(`/api/items/${answerA.id}`);
    expect(byId.status).toBe(404);
    expect(JSON.stringify(byId.body)).not.toContain(answerA.body);
    // Nor can B react or comment under an answer they cannot see.
    expect(await post(b, item('daily-question-reaction', answerA.id))).toBe(404);
    expect(await post(b, item('daily-question-comment', answerA.id))).toBe(404);

    // B answers: now both see both.
    t.clock.advance(1000);
    const answerB = item('daily-question-answer', day.id);
    expect(await post(b, answerB)).toBe(201);
    expect((await ids(b, `?parentId=${day.id}&kind=daily-question-answer`)).sort()).toEqual([answerA.id, answerB.id].sort());
    expect((await ids(a, `?parentId=${day.id}&kind=daily-question-answer`)).sort()).toEqual([answerA.id, answerB.id].sort());
    expect(itemResponse.parse((await b.agent.get(`/api/items/${answerA.id}`)).body).item.body).toBe(answerA.body);

    // One answer each; a retry of the same write is fine.
    expect(await post(a, item('daily-question-answer', day.id))).toBe(409);
    expect(await post(a, answerA)).toBe(200);
  });

  it('allows one reaction and one follow-up comment each, under the partner’s answer, after the reveal', async () => {
    const { a, b } = await makeCouple(t, 'react');
    const day = item('daily-question-day');
    expect(await post(b, day)).toBe(201);
    const answerA = item('daily-question-answer', day.id);
    const answerB = item('daily-question-answer', day.id);
    expect(await post(a, answerA)).toBe(201);
    expect(await post(b, answerB)).toBe(201);

    const reaction = item('daily-question-reaction', answerA.id);
    expect(await post(b, reaction)).toBe(201);
    expect(await post(b, item('daily-question-reaction', answerA.id))).toBe(409);
    // Changing the reaction is an update by its author.
    expect((await b.agent.put(`/api/items/${reaction.id}`, { body: b64(60) })).status).toBe(200);
    expect((await a.agent.put(`/api/items/${reaction.id}`, { body: b64(60) })).status).toBe(403);
    expect(await post(b, item('daily-question-comment', answerA.id))).toBe(201);
    expect(await post(b, item('daily-question-comment', answerA.id))).toBe(409);
    expect(await post(a, item('daily-question-comment', answerB.id))).toBe(201);
    // Reactions belong under answers, answers under days.
    expect(await post(a, item('daily-question-reaction', day.id))).toBe(400);
    expect(await post(a, item('daily-question-answer'))).toBe(400);
    expect(await post(a, item('daily-question-answer', answerB.id))).toBe(400);
  });

  it('fixes the day with the first write: the second writer of the same day id gets 409 and reads the first', async () => {
    const { a, b } = await makeCouple(t, 'race');
    const day = item('daily-question-day');
    expect(await post(a, day)).toBe(201);
    const second = { ...day, body: b64(160) };
    expect(await post(b, second)).toBe(409);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${day.id}`)).body).item.body).toBe(day.body);
  });

  it('keeps the answer of a partner who has not joined yet until the other joins and answers', async () => {
    const a = await signUp(t, 'early-a');
    await createSpaceFor(a);
    const day = item('daily-question-day');
    expect(await post(a, day)).toBe(201);
    const answerA = item('daily-question-answer', day.id);
    expect(await post(a, answerA)).toBe(201);
    expect(await post(a, item('daily-question-answered', day.id))).toBe(201);

    const b = await signUp(t, 'late-b');
    const invite = await inviteFrom(a);
    expect((await b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof))).status).toBe(200);
    expect(await ids(b, '?kind=daily-question-answer')).toEqual([]);
    expect((await b.agent.get(`/api/items/${answerA.id}`)).status).toBe(404);
    expect(await post(b, item('daily-question-answer', day.id))).toBe(201);
    expect(await ids(b, '?kind=daily-question-answer')).toContain(answerA.id);
  });

  it('keeps a reminder private and shows both partners’ time zones in the space view', async () => {
    const { a, b } = await makeCouple(t, 'zones');
    expect((await b.agent.patch('/api/me/settings', { timeZone: 'Pacific/Auckland' })).status).toBe(200);
    const space = spaceResponse.parse((await a.agent.get('/api/space')).body).space;
    expect(space.members.map((m) => [m.isMe, m.timeZone]).sort()).toEqual([
      [false, 'Pacific/Auckland'],
      [true, 'Europe/Berlin'],
    ]);

    const reminder = { ...item('daily-question-reminder', null, 'private'), remindAt: '2030-01-16T07:00:00.000Z' };
    expect(await post(a, reminder)).toBe(201);
    expect(await post(a, { ...item('daily-question-reminder'), visibility: 'shared' })).toBe(400);
    expect(await ids(b, '?kind=daily-question-reminder')).toEqual([]);
    expect((await listed(a, '?kind=daily-question-reminder'))[0]?.remindAt).toBe('2030-01-16T07:00:00.000Z');
  });

  it('another couple can neither read nor write into a couple’s daily question', async () => {
    const ours = await makeCouple(t, 'ours');
    const theirs = await makeCouple(t, 'theirs');
    const day = item('daily-question-day');
    expect(await post(ours.a, day)).toBe(201);
    const answerA = item('daily-question-answer', day.id);
    const answerB = item('daily-question-answer', day.id);
    expect(await post(ours.a, answerA)).toBe(201);
    expect(await post(ours.b, answerB)).toBe(201);
    const prefs = item('daily-question-prefs');
    expect(await post(ours.a, prefs)).toBe(201);
    const all = [day, answerA, answerB, prefs];

    const before = await rowCounts(t.db);
    for (const stranger of [theirs.a, theirs.b]) {
      for (const x of all) {
        const res = await stranger.agent.get(`/api/items/${x.id}`);
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(x.body);
        expect((await stranger.agent.put(`/api/items/${x.id}`, { body: b64(40) })).status).toBe(404);
      }
      for (const query of ['', `?parentId=${day.id}`, '?kind=daily-question-answer', '?kind=daily-question-day']) {
        const seen = await listed(stranger, query);
        expect(seen.filter((i) => all.some((x) => x.id === i.id))).toEqual([]);
      }
      expect(await post(stranger, item('daily-question-answer', day.id))).toBe(404);
      expect(await post(stranger, item('daily-question-answered', day.id))).toBe(404);
      expect(await post(stranger, item('daily-question-reaction', answerA.id))).toBe(404);
      expect(await post(stranger, item('daily-question-comment', answerB.id))).toBe(404);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    // The same day id in another space is only an id there (decision 0052): it becomes that
    // couple's own item, answered like any fresh id, and ours is untouched.
    expect(await post(theirs.a, { ...day, body: b64(160) })).toBe(201);
    expect(itemResponse.parse((await ours.a.agent.get(`/api/items/${day.id}`)).body).item.body).toBe(day.body);
  });
});
