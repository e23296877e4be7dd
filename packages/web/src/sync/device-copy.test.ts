import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { enqueue } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import {
  applyMerged,
  changeOutbox,
  claimCopy,
  enforceBudget,
  itemsOfKind,
  keepItem,
  readOutbox,
  readOwner,
  versionsOf,
  wipeCopy,
  type PendingCreate,
} from './device-copy.ts';

const ines = '11111111-1111-4111-8111-111111111111';
const tomas = '22222222-2222-4222-8222-222222222222';
const space = '33333333-3333-4333-8333-333333333333';
const otherSpace = '44444444-4444-4444-8444-444444444444';

let counter = 0;
function item(overrides: Partial<ItemView> = {}): ItemView {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    spaceId: space,
    kind: 'checkin',
    visibility: 'shared',
    authorId: ines,
    parentId: null,
    remindAt: null,
    sparkLevel: null,
    createdAt: new Date(Date.UTC(2026, 0, 1) + counter * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + counter * 60_000).toISOString(),
    version: 1,
    body: 'AQID',
    ...overrides,
  };
}

function pending(view: ItemView): PendingCreate {
  return {
    op: 'create',
    request: { id: view.id, kind: view.kind, visibility: view.visibility, parentId: null, remindAt: null, schedule: null, sparkLevel: null, body: view.body },
    view,
  };
}

const queue = (p: PendingCreate) => changeOutbox((o) => [enqueue(o, { id: p.request.id, op: 'create', payload: p }), undefined] as const, undefined);

afterEach(async () => {
  await wipeCopy();
});

describe("the device's copy", () => {
  it('keeps a write queued before the first claim, and empties everything for another person or space', async () => {
    const early = item();
    await queue(pending(early));
    await claimCopy(ines, space);
    expect((await readOutbox()).queue.map((e) => e.id)).toEqual([early.id]);

    await applyMerged(ines, [item()], [], 's5');
    expect(await itemsOfKind('checkin')).toHaveLength(1);
    expect((await readOwner())?.cursor).toBe('s5');

    await claimCopy(tomas, space);
    expect(await itemsOfKind()).toEqual([]);
    expect((await readOutbox()).queue).toEqual([]);
    expect(await readOwner()).toEqual({ userId: tomas, spaceId: space, cursor: null });

    await applyMerged(tomas, [item()], [], 's9');
    await claimCopy(tomas, otherSpace);
    expect(await itemsOfKind()).toEqual([]);
  });

  it('refuses a page for someone the copy no longer belongs to', async () => {
    await claimCopy(ines, space);
    await claimCopy(tomas, space);
    expect(await applyMerged(ines, [item()], [], 's3')).toBe(false);
    expect(await itemsOfKind()).toEqual([]);
    expect((await readOwner())?.cursor).toBeNull();
  });

  it('lists newest first by kind, removes deleted ids, and never rolls an item back', async () => {
    await claimCopy(ines, space);
    const older = item();
    const newer = item();
    const ritual = item({ kind: 'note' });
    await applyMerged(ines, [older, newer, ritual], [], 's3');
    expect((await itemsOfKind('checkin')).map((v) => v.id)).toEqual([newer.id, older.id]);
    await applyMerged(ines, [], [older.id], 's4');
    expect((await itemsOfKind('checkin')).map((v) => v.id)).toEqual([newer.id]);

    await keepItem({ ...newer, version: 3, body: 'BAUG' });
    await keepItem({ ...newer, version: 2, body: 'BwgJ' });
    expect((await versionsOf([newer.id])).get(newer.id)).toMatchObject({ version: 3, body: 'BAUG' });
  });

  it('drops the oldest bodies first once over its budget', async () => {
    await claimCopy(ines, space);
    const views = [item({ body: 'A'.repeat(400) }), item({ body: 'B'.repeat(400) }), item({ body: 'C'.repeat(400) })];
    await applyMerged(ines, views, [], 's3');
    expect(await enforceBudget(900)).toBe(1);
    expect((await itemsOfKind()).map((v) => v.id)).toEqual([views[2]?.id, views[1]?.id]);
    expect(await enforceBudget(900)).toBe(0);
  });

  it('reads a damaged outbox as empty rather than sending garbage', async () => {
    await claimCopy(ines, space);
    // What an older or broken app version might have left behind.
    await wipeCopy();
    const raw = await openDB('hearth-copy', 1, {
      upgrade(d) {
        d.createObjectStore('items').createIndex('kind', 'kind');
        d.createObjectStore('meta');
      },
    });
    await raw.put('meta', { nextSeq: 'soon', queue: [{ id: 42 }] }, 'outbox');
    raw.close();
    expect(await readOutbox()).toEqual({ nextSeq: 1, queue: [], conflicts: [] });
    const view = item();
    await queue(pending(view));
    await queue(pending(item()));
    const outbox = await readOutbox();
    expect(outbox.queue.map((e) => e.seq)).toEqual([1, 2]);
    expect(outbox.queue[0]?.payload.view.id).toBe(view.id);
  });

  it('is gone, outbox and all, after a wipe', async () => {
    await claimCopy(ines, space);
    await queue(pending(item()));
    await wipeCopy();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('hearth-copy');
    expect((await readOutbox()).queue).toEqual([]);
  });
});
