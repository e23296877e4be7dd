import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoResponse, photoThumbsResponse } from '@hearth/core/api';
import { fromB64 } from '@hearth/core';
import type { Database } from '../db/open.ts';
import { restoreBackup, writeBackup } from '../backup/backup.ts';
import { sweep } from '../maintenance.ts';
import { Agent, b64, createSpaceFor, engines, makeCouple, makeTestApp, rowCounts, signUp, testConfig, type Account, type TestApp } from '../test/harness.ts';
import { beginUpload, UPLOAD_STALE_MS } from './store.ts';

const bytes = (n: number) => new Uint8Array(randomBytes(n));
const photoPath = (itemId: string, photoId: string, variant = 'full') => `/api/items/${itemId}/photos/${photoId}/${variant}`;

async function memory(who: Account, visibility: 'shared' | 'private' = 'shared'): Promise<string> {
  const id = randomUUID();
  // A first first is always shared; a private memory is a note only its author sees.
  const res = await who.agent.post('/api/items', { id, kind: visibility === 'shared' ? 'together-first' : 'note', visibility, body: b64(80) });
  expect(res.status).toBe(201);
  return id;
}

describe.each(engines)('sealed photos on $name', (engine) => {
  let database: Database;
  let t: TestApp;

  beforeAll(async () => {
    database = await engine.open();
    t = makeTestApp(database.db, { config: testConfig({ photoQuotaBytes: 3 * 1024 * 1024 }) });
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps both sizes byte for byte, in chunks, for both partners, and never in a cache', async () => {
    const { a, b } = await makeCouple(t);
    const itemId = await memory(a);
    const photoId = randomUUID();
    const full = bytes(600 * 1024);
    const thumb = bytes(9000);
    const put = await a.agent.request('PUT', photoPath(itemId, photoId), full);
    expect(put.status).toBe(201);
    expect(photoResponse.parse(put.body).photo).toEqual({ itemId, id: photoId, variant: 'full', size: full.length });
    expect((await a.agent.request('PUT', photoPath(itemId, photoId, 'thumb'), thumb)).status).toBe(201);
    // 600 KiB is three rows of at most 256 KiB: no request held it whole.
    expect((await rowCounts(database.db))['photoChunks']).toBe(3 + 1);

    for (const reader of [a, b]) {
      const got = await reader.agent.bytes(photoPath(itemId, photoId));
      expect(got.status).toBe(200);
      expect(Buffer.from(got.bytes).equals(Buffer.from(full))).toBe(true);
      expect(got.headers.get('Cache-Control')).toBe('private, no-store');
      expect(got.headers.get('Content-Type')).toBe('application/octet-stream');
    }
    const thumbs = photoThumbsResponse.parse((await b.agent.get(`/api/photos/thumbs?items=${itemId},${randomUUID()}`)).body).thumbs;
    expect(thumbs.map((x) => x.photoId)).toEqual([photoId]);
    const thumbBytes = fromB64(thumbs[0]?.body ?? '');
    expect(thumbBytes.ok && Buffer.from(thumbBytes.value).equals(Buffer.from(thumb))).toBe(true);
  });

  it('lets only the author add or remove photos, and only members who can see the item read them', async () => {
    const { a, b } = await makeCouple(t);
    const shared = await memory(a);
    const secret = await memory(a, 'private');
    const photoId = randomUUID();
    expect((await a.agent.request('PUT', photoPath(secret, photoId), bytes(500))).status).toBe(201);
    expect((await a.agent.request('PUT', photoPath(shared, photoId), bytes(500))).status).toBe(201);

    // The partner: reads the shared one, cannot see the private one at all, and cannot change either.
    expect((await b.agent.bytes(photoPath(shared, photoId))).status).toBe(200);
    expect((await b.agent.bytes(photoPath(secret, photoId))).status).toBe(404);
    expect((await b.agent.request('PUT', photoPath(shared, randomUUID()), bytes(500))).status).toBe(403);
    expect((await b.agent.delete(`/api/items/${shared}/photos/${photoId}`)).status).toBe(403);
    expect(photoThumbsResponse.parse((await b.agent.get(`/api/photos/thumbs?items=${secret}`)).body).thumbs).toEqual([]);

    // Someone in another space, and nobody at all.
    const other = await signUp(t, 'photo-outsider');
    await createSpaceFor(other);
    expect((await other.agent.bytes(photoPath(shared, photoId))).status).toBe(404);
    expect((await other.agent.request('PUT', photoPath(shared, randomUUID()), bytes(500))).status).toBe(404);
    expect((await other.agent.delete(`/api/items/${shared}/photos/${photoId}`)).status).toBe(404);
    const stranger = new Agent(t);
    expect((await stranger.bytes(photoPath(shared, photoId))).status).toBe(401);
    expect((await stranger.request('PUT', photoPath(shared, randomUUID()), bytes(500))).status).toBe(401);
    expect((await stranger.get(`/api/photos/thumbs?items=${shared}`)).status).toBe(401);

    expect((await a.agent.delete(`/api/items/${shared}/photos/${photoId}`)).status).toBe(204);
    expect((await b.agent.bytes(photoPath(shared, photoId))).status).toBe(404);
    expect((await a.agent.delete(`/api/items/${shared}/photos/${photoId}`)).status).toBe(404);
  });

  it('refuses what is too large, too many, mislabelled or cut short, with a clear code and nothing stored', async () => {
    const { a } = await makeCouple(t);
    const itemId = await memory(a);
    const before = await rowCounts(database.db);
    const refuse = async (path: string, body: Uint8Array, headers: Record<string, string>, status: number, code: string) => {
      const res = await a.agent.request('PUT', path, body, headers);
      expect(res.status, code).toBe(status);
      expect(res.body).toMatchObject({ error: { code } });
    };
    await refuse(photoPath(itemId, randomUUID()), bytes(100), { 'Content-Length': String(8 * 1024 * 1024 + 1) }, 413, 'payload_too_large');
    await refuse(photoPath(itemId, randomUUID(), 'thumb'), bytes(100), { 'Content-Length': String(512 * 1024 + 1) }, 413, 'payload_too_large');
    await refuse(photoPath(itemId, randomUUID()), bytes(100), { 'Content-Type': 'image/jpeg' }, 415, 'unsupported_media_type');
    await refuse(photoPath(itemId, randomUUID()), bytes(100), { 'Content-Length': 'lots' }, 411, 'length_required');
    await refuse(photoPath(itemId, randomUUID()), bytes(20), {}, 400, 'invalid_input');
    await refuse(photoPath(itemId, randomUUID()), bytes(300 * 1024), { 'Content-Length': '1000' }, 413, 'payload_too_large');
    await refuse(photoPath(itemId, randomUUID()), bytes(1000), { 'Content-Length': '300000' }, 400, 'invalid_input');
    await refuse(photoPath(itemId, randomUUID(), 'huge'), bytes(100), {}, 404, 'not_found');
    await refuse(photoPath(randomUUID(), randomUUID()), bytes(100), {}, 404, 'not_found');
    expect(await rowCounts(database.db)).toEqual(before);

    for (let i = 0; i < 10; i++) expect((await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(200))).status).toBe(201);
    await refuse(photoPath(itemId, randomUUID()), bytes(200), {}, 409, 'too_many_photos');
  });

  it('answers a retried upload as before, and refuses another photo under the same id', async () => {
    const { a } = await makeCouple(t);
    const itemId = await memory(a);
    const photoId = randomUUID();
    const file = bytes(4000);
    expect((await a.agent.request('PUT', photoPath(itemId, photoId), file)).status).toBe(201);
    expect((await a.agent.request('PUT', photoPath(itemId, photoId), file)).status).toBe(200);
    expect((await a.agent.request('PUT', photoPath(itemId, photoId), bytes(4001))).status).toBe(409);
  });

  it('keeps each space under its quota, counts an abandoned upload only until the sweep, and frees room on removal', async () => {
    const { a, space } = await makeCouple(t);
    const itemId = await memory(a);
    const first = randomUUID();
    expect((await a.agent.request('PUT', photoPath(itemId, first), bytes(2 * 1024 * 1024))).status).toBe(201);
    const over = await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(1024 * 1024 + 1));
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ error: { code: 'photo_quota' } });

    // A crash mid-upload: the reservation counts while it may still finish, then the sweep removes it.
    const stuck = { spaceId: space.id, itemId, photoId: randomUUID(), variant: 'full' as const };
    expect((await beginUpload(database.db, stuck, a.session.user.id, 900 * 1024, 3 * 1024 * 1024, 10, t.clock.now())).outcome).toBe('started');
    expect((await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(200 * 1024))).status).toBe(413);
    t.clock.advance(UPLOAD_STALE_MS + 1000);
    await sweep(database.db, testConfig(), t.clock.now());
    expect((await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(200 * 1024))).status).toBe(201);

    expect((await a.agent.delete(`/api/items/${itemId}/photos/${first}`)).status).toBe(204);
    expect((await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(2 * 1024 * 1024))).status).toBe(201);
  });

  it('removing the memory removes its photos', async () => {
    const { a } = await makeCouple(t);
    const itemId = await memory(a);
    const before = await rowCounts(database.db);
    expect((await a.agent.request('PUT', photoPath(itemId, randomUUID()), bytes(300 * 1024))).status).toBe(201);
    expect((await a.agent.delete(`/api/items/${itemId}`)).status).toBe(204);
    const after = await rowCounts(database.db);
    expect(after['photos']).toBe(before['photos'] ?? 0);
    expect(after['photoChunks']).toBe(before['photoChunks'] ?? 0);
  });
});

describe.each(engines)('photos in a backup on $name', (engine) => {
  it('come back byte for byte after a restore into an empty database', async () => {
    const source = await engine.open();
    const dir = mkdtempSync(join(tmpdir(), 'hearth-photo-backup-'));
    try {
      const t = makeTestApp(source.db);
      const { a } = await makeCouple(t, 'photo-backup');
      const itemId = await memory(a);
      const photoId = randomUUID();
      const file = bytes(300 * 1024);
      expect((await a.agent.request('PUT', photoPath(itemId, photoId), file)).status).toBe(201);
      const path = join(dir, 'backup.jsonl');
      await writeBackup(source.db, path);
      const target = await engine.open();
      try {
        const restored = await restoreBackup(target.db, path);
        expect(restored.ok).toBe(true);
        const again = makeTestApp(target.db);
        const agent = new Agent(again);
        agent.cookie = a.agent.cookie;
        const got = await agent.bytes(photoPath(itemId, photoId));
        expect(got.status).toBe(200);
        expect(Buffer.from(got.bytes).equals(Buffer.from(file))).toBe(true);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
