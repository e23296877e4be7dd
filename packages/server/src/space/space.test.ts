import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteListResponse, inviteResponse, itemResponse, openInviteResponse, spaceResponse } from '@hearth/core/api';
import type { Database } from '../db/open.ts';
import {
  acceptBody,
  Agent,
  b64,
  createSpaceFor,
  engines,
  inviteFrom,
  makeCouple,
  makeTestApp,
  rowCounts,
  signUp,
  type TestApp,
} from '../test/harness.ts';

describe.each(engines)('space and invitations on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates a space and shows it to its member only', async () => {
    const a = await signUp(t);
    const space = await createSpaceFor(a);
    expect(space.status).toBe('active');
    expect(space.members).toHaveLength(1);
    expect(space.members[0]?.isMe).toBe(true);

    const got = await a.agent.get('/api/space');
    expect(spaceResponse.parse(got.body).space.id).toBe(space.id);
    const me = await a.agent.get('/api/me');
    expect(me.body).toMatchObject({ user: { spaceId: space.id } });

    const again = await a.agent.post('/api/spaces', { spaceId: randomUUID(), wrappedSpaceKey: b64(80), profile: b64(60) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_in_space' } });

    const loner = await signUp(t);
    const none = await loner.agent.get('/api/space');
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ error: { code: 'not_in_space' } });
    expect((await new Agent(t).get('/api/space')).status).toBe(401);
  });

  it('updates the member profile', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const profile = b64(64);
    expect((await a.agent.put('/api/space/profile', { profile })).status).toBe(204);
    const space = spaceResponse.parse((await a.agent.get('/api/space')).body).space;
    expect(space.members[0]?.profile).toBe(profile);
  });

  it('invites a partner who opens the link without an account and joins after signing up', async () => {
    const a = await signUp(t);
    const created = await createSpaceFor(a);
    const invite = await inviteFrom(a);
    expect(invite.res.status).toBe(201);
    expect(inviteResponse.parse(invite.res.body).invite.id).toBe(invite.inviteId);
    const pending = inviteListResponse.parse((await a.agent.get('/api/space/invites')).body).invites;
    expect(pending.map((i) => i.id)).toEqual([invite.inviteId]);

    const visitor = new Agent(t);
    const opened = await visitor.post(`/api/invites/${invite.inviteId}/open`, { proof: invite.proof });
    expect(opened.status).toBe(200);
    expect(openInviteResponse.parse(opened.body).spaceId).toBe(created.id);

    const b = await signUp(t);
    const joined = await b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof));
    expect(joined.status).toBe(200);
    const space = spaceResponse.parse(joined.body).space;
    expect(space.members).toHaveLength(2);
    expect(space.members.filter((m) => m.isMe).map((m) => m.userId)).toEqual([b.session.user.id]);
    const fromA = spaceResponse.parse((await a.agent.get('/api/space')).body).space;
    expect(fromA.members).toHaveLength(2);
    expect(inviteListResponse.parse((await a.agent.get('/api/space/invites')).body).invites).toEqual([]);
  });

  it('refuses a wrong proof, an unknown id, and used, revoked or expired invitations', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const invite = await inviteFrom(a);
    const b = await signUp(t);

    const wrong = await b.agent.post(`/api/invites/${invite.inviteId}/open`, { proof: b64(32) });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ error: { code: 'invalid_proof' } });
    const wrongAccept = await b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(b64(32)));
    expect(wrongAccept.status).toBe(403);
    // An invitation that does not exist answers exactly like a wrong proof: no existence oracle.
    const unknown = await b.agent.post(`/api/invites/${randomUUID()}/open`, { proof: invite.proof });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: wrong.status, body: wrong.body });
    const unknownAccept = await b.agent.post(`/api/invites/${randomUUID()}/accept`, acceptBody(invite.proof));
    expect({ status: unknownAccept.status, body: unknownAccept.body }).toEqual({ status: wrongAccept.status, body: wrongAccept.body });

    // A newer invitation revokes the older one.
    const newer = await inviteFrom(a);
    const revoked = await b.agent.post(`/api/invites/${invite.inviteId}/open`, { proof: invite.proof });
    expect(revoked.status).toBe(410);
    expect(revoked.body).toMatchObject({ error: { code: 'invite_gone', message: expect.stringMatching(/withdrawn/) } });

    // Explicit revocation.
    expect((await a.agent.delete(`/api/space/invites/${newer.inviteId}`)).status).toBe(204);
    const revoked2 = await b.agent.post(`/api/invites/${newer.inviteId}/accept`, acceptBody(newer.proof));
    expect(revoked2.status).toBe(410);
    expect((await a.agent.delete(`/api/space/invites/${newer.inviteId}`)).status).toBe(404);

    // Expiry after 7 days.
    const third = await inviteFrom(a);
    t.clock.advance(7 * 86_400_000 + 1000);
    const expired = await b.agent.post(`/api/invites/${third.inviteId}/open`, { proof: third.proof });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ error: { message: expect.stringMatching(/expired/) } });
    t.clock.advance(-(7 * 86_400_000 + 1000));

    // Used once, then gone; a third person cannot get in.
    const fourth = await inviteFrom(a);
    expect((await b.agent.post(`/api/invites/${fourth.inviteId}/accept`, acceptBody(fourth.proof))).status).toBe(200);
    const c = await signUp(t);
    const reuse = await c.agent.post(`/api/invites/${fourth.inviteId}/accept`, acceptBody(fourth.proof));
    expect(reuse.status).toBe(410);
    expect(reuse.body).toMatchObject({ error: { code: 'invite_gone', message: expect.stringMatching(/already been used/) } });
    const full = await inviteFrom(a);
    expect(full.res.status).toBe(409);
    expect(full.res.body).toMatchObject({ error: { code: 'space_full' } });
    const space = spaceResponse.parse((await a.agent.get('/api/space')).body).space;
    expect(space.members).toHaveLength(2);
  });

  it('lets exactly one of two simultaneous joiners in', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const invite = await inviteFrom(a);
    const b = await signUp(t);
    const c = await signUp(t);
    const results = await Promise.all([
      b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof)),
      c.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(spaceResponse.parse((await a.agent.get('/api/space')).body).space.members).toHaveLength(2);
  });

  it('refuses to let someone already in a space accept an invitation', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const invite = await inviteFrom(a);
    const other = await signUp(t);
    await createSpaceFor(other);
    const res = await other.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'already_in_space' } });
    // The invitation is still usable by someone else.
    const b = await signUp(t);
    expect((await b.agent.post(`/api/invites/${invite.inviteId}/accept`, acceptBody(invite.proof))).status).toBe(200);
  });

  it('does not let a member revoke another space’s invitation', async () => {
    const a = await signUp(t);
    await createSpaceFor(a);
    const invite = await inviteFrom(a);
    const x = await signUp(t);
    await createSpaceFor(x);
    expect((await x.agent.delete(`/api/space/invites/${invite.inviteId}`)).status).toBe(404);
    expect((await new Agent(t).post(`/api/invites/${invite.inviteId}/open`, { proof: invite.proof })).status).toBe(200);
  });

  it('requires a recent password confirmation to leave', async () => {
    const { a } = await makeCouple(t);
    const res = await a.agent.post('/api/space/leave');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'reauth_required' } });
    expect((await a.agent.post('/api/auth/confirm', { authKey: a.authKey })).status).toBe(204);
    t.clock.advance(6 * 60_000);
    expect((await a.agent.post('/api/space/leave')).status).toBe(403);
    t.clock.advance(-6 * 60_000);
  });

  it('leaving ends the space for both, removes the leaver’s private items, and the last leave deletes it all', async () => {
    const { a, b, space } = await makeCouple(t);
    const shared = randomUUID();
    const aPrivate = randomUUID();
    const bPrivate = randomUUID();
    await a.agent.post('/api/items', { id: shared, kind: 'note', visibility: 'shared', body: b64(100) });
    await a.agent.post('/api/items', { id: aPrivate, kind: 'note', visibility: 'private', body: b64(100) });
    await b.agent.post('/api/items', { id: bPrivate, kind: 'note', visibility: 'private', body: b64(100) });

    expect((await a.agent.post('/api/auth/confirm', { authKey: a.authKey })).status).toBe(204);
    expect((await a.agent.post('/api/space/leave')).status).toBe(204);

    // A is out at once.
    expect((await a.agent.get('/api/space')).status).toBe(403);
    expect((await a.agent.get(`/api/items/${shared}`)).status).toBe(403);
    expect((await a.agent.get('/api/me')).body).toMatchObject({ user: { spaceId: null } });

    // B still reads the ended space, including A's shared item, but cannot write.
    const ended = spaceResponse.parse((await b.agent.get('/api/space')).body).space;
    expect(ended).toMatchObject({ id: space.id, status: 'ended' });
    expect(ended.endedAt).not.toBeNull();
    expect(ended.members.map((m) => m.userId)).toEqual([b.session.user.id]);
    expect(itemResponse.parse((await b.agent.get(`/api/items/${shared}`)).body).item.id).toBe(shared);
    const write = await b.agent.post('/api/items', { id: randomUUID(), kind: 'note', visibility: 'shared', body: b64(10) });
    expect(write.status).toBe(409);
    expect(write.body).toMatchObject({ error: { code: 'space_ended' } });
    expect((await b.agent.put(`/api/items/${bPrivate}`, { body: b64(10) })).status).toBe(409);
    expect((await b.agent.delete(`/api/items/${bPrivate}`)).status).toBe(409);
    expect((await b.agent.put('/api/space/profile', { profile: b64(10) })).status).toBe(409);
    expect((await inviteFrom(b)).res.status).toBe(409);

    // A's private item is gone from the database, not just hidden.
    const before = await rowCounts(t.db);
    expect(before['items']).toBeGreaterThanOrEqual(2);

    // A can start over.
    await createSpaceFor(a);

    expect((await b.agent.post('/api/auth/confirm', { authKey: b.authKey })).status).toBe(204);
    expect((await b.agent.post('/api/space/leave')).status).toBe(204);
    const after = await rowCounts(t.db);
    expect(after['items']).toBe((before['items'] ?? 0) - 2);
    expect(after['spaces']).toBe((before['spaces'] ?? 0));
    expect((await b.agent.get('/api/space')).status).toBe(403);
  });

  it('deletes the private items of the leaver right away', async () => {
    const { a, b } = await makeCouple(t);
    const aPrivate = randomUUID();
    await a.agent.post('/api/items', { id: aPrivate, kind: 'note', visibility: 'private', body: b64(100) });
    const before = await rowCounts(t.db);
    await a.agent.post('/api/auth/confirm', { authKey: a.authKey });
    await a.agent.post('/api/space/leave');
    const after = await rowCounts(t.db);
    expect(after['items']).toBe((before['items'] ?? 0) - 1);
    expect(after['memberships']).toBe((before['memberships'] ?? 0) - 1);
    expect((await b.agent.get(`/api/items/${aPrivate}`)).status).toBe(404);
  });
});
