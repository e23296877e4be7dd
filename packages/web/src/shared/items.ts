import type { z } from 'zod/mini';
import { err, fromB64, ok, toB64, type Result, type SparkLevel } from '@hearth/core';
import { itemListResponse, itemResponse, type ItemKind, type ItemView, type Visibility } from '@hearth/core/api';
import type { TogetherScheduleInput } from '@hearth/core';
import { openJson, sealJson, type SealScope } from '@hearth/core/crypto';
import { api } from './api.ts';
import { endpoints } from './endpoints.ts';
import { currentUnlocked } from './session.ts';
import { forgetItem, keepItem, versionsOf } from '../sync/device-copy.ts';
import { queueCreate, queueDelete, queueUpdate, withPending } from '../sync/outbox.ts';
import { listFromCopy } from '../sync/sync.ts';

/** Shared items are sealed under the space key, private ones under the author's personal key (DESIGN §5.3). */
export type ItemKeys = { readonly spaceKey: Uint8Array | null; readonly personalKey: Uint8Array };

const scopeOf = (item: Pick<ItemView, 'spaceId' | 'id' | 'kind' | 'visibility' | 'parentId'>): SealScope => ({
  type: 'item',
  spaceId: item.spaceId,
  itemId: item.id,
  kind: item.kind,
  visibility: item.visibility,
  parentId: item.parentId,
});

export function openItem<T>(item: ItemView, keys: ItemKeys, schema: z.core.$ZodType<T>): Result<T> {
  const key = item.visibility === 'shared' ? keys.spaceKey : keys.personalKey;
  if (!key) return err('no_key', 'The space key is not available on this device.');
  const bytes = fromB64(item.body);
  if (!bytes.ok) return bytes;
  return openJson(bytes.value, key, scopeOf(item), schema);
}

/**
 * Every item this member can see, following the server's pages to the end (exports need
 * all of them); from the device's copy when the server cannot be reached. Writes still
 * waiting in the outbox are in the list too, so they show until the server has them.
 */
export async function listItems(kind?: ItemKind): Promise<Result<ItemView[]>> {
  const fetched = await listFromServer(kind);
  const listed = !fetched.ok && fetched.code === 'network' ? await listFromCopy(kind, fetched) : fetched;
  if (!listed.ok) return listed;
  return ok(await withPending(listed.value, kind));
}

async function listFromServer(kind?: ItemKind): Promise<Result<ItemView[]>> {
  const all: ItemView[] = [];
  let before: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500' });
    if (kind) query.set('kind', kind);
    if (before !== null) query.set('before', before);
    const res = await api.get(`${endpoints.items}?${query.toString()}`, itemListResponse);
    if (!res.ok) return res;
    all.push(...res.value.items);
    before = res.value.nextCursor;
  } while (before !== null);
  return { ok: true, value: all };
}

/** Every visible item of several kinds, fetched side by side; the first failure is the answer. */
export async function listItemsOfKinds(kinds: readonly ItemKind[]): Promise<Result<ItemView[]>> {
  const lists = await Promise.all(kinds.map((kind) => listItems(kind)));
  const all: ItemView[] = [];
  for (const list of lists) {
    if (!list.ok) return list;
    all.push(...list.value);
  }
  return { ok: true, value: all };
}

export async function createItem(
  spaceId: string,
  kind: ItemKind,
  visibility: Visibility,
  body: unknown,
  keys: ItemKeys,
  thread: { parentId?: string | null; remindAt?: string | null; schedule?: TogetherScheduleInput | null; sparkLevel?: SparkLevel | null } = {},
): Promise<Result<ItemView>> {
  const key = visibility === 'shared' ? keys.spaceKey : keys.personalKey;
  if (!key) return err('no_key', 'The space key is not available on this device.');
  const id = crypto.randomUUID();
  const parentId = thread.parentId ?? null;
  const sealed = sealJson(body, key, scopeOf({ spaceId, id, kind, visibility, parentId }));
  const request = {
    id,
    kind,
    visibility,
    parentId,
    remindAt: thread.remindAt ?? null,
    schedule: thread.schedule ?? null,
    sparkLevel: thread.sparkLevel ?? null,
    body: toB64(sealed),
  };
  const res = await api.post(endpoints.items, request, itemResponse);
  if (res.ok) {
    void keepItem(res.value.item);
    return ok(res.value.item);
  }
  const me = currentUnlocked()?.user.id;
  if (res.code !== 'network' || me === undefined) return res;
  // Offline: the sealed write waits in the outbox and shows at once as this item.
  const now = new Date().toISOString();
  const view: ItemView = {
    id,
    spaceId,
    kind,
    visibility,
    authorId: me,
    parentId,
    remindAt: request.remindAt,
    sparkLevel: request.sparkLevel,
    createdAt: now,
    updatedAt: now,
    version: 1,
    body: request.body,
  };
  return (await queueCreate({ op: 'create', request, view })) ? ok(view) : res;
}

/**
 * Changes the body (and optionally the reminder time) of an item this member wrote; same
 * seal scope as when it was created. Offline, the edit waits in the outbox on the version
 * the device last saw, so an edit made elsewhere meanwhile is shown to the author rather
 * than overwritten (decision 0062). Online edits carry no version: the screen is current.
 */
export async function updateItem(
  item: ItemView,
  body: unknown,
  keys: ItemKeys,
  remindAt?: string | null,
  schedule?: TogetherScheduleInput | null,
): Promise<Result<ItemView>> {
  const key = item.visibility === 'shared' ? keys.spaceKey : keys.personalKey;
  if (!key) return err('no_key', 'The space key is not available on this device.');
  const sealed = sealJson(body, key, scopeOf(item));
  const request = {
    body: toB64(sealed),
    ...(remindAt === undefined ? {} : { remindAt }),
    ...(schedule === undefined ? {} : { schedule }),
  };
  const res = await api.put(`${endpoints.items}/${encodeURIComponent(item.id)}`, request, itemResponse);
  if (res.ok) {
    void keepItem(res.value.item);
    return ok(res.value.item);
  }
  if (res.code !== 'network') return res;
  const base = (await versionsOf([item.id])).get(item.id) ?? item;
  const view: ItemView = { ...base, body: request.body, remindAt: remindAt === undefined ? base.remindAt : remindAt, updatedAt: new Date().toISOString() };
  return (await queueUpdate({ ...request, baseVersion: base.version }, view)) ? ok(view) : res;
}

/** Deletes an item this member wrote; the device's copy forgets it at once, and offline the deletion waits in the outbox. */
export async function deleteItem(item: ItemView): ReturnType<typeof api.send> {
  const res = await api.send('DELETE', `${endpoints.items}/${encodeURIComponent(item.id)}`);
  if (res.ok || res.code === 'not_found') void forgetItem(item.id);
  if (res.ok || res.code !== 'network') return res;
  return (await queueDelete(item)) ? ok(undefined) : res;
}
