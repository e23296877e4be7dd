import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod/mini';
import { emptyOutbox, itemsToEvict, type Outbox } from '@hearth/core';
import { createItemRequest, itemView, updateItemRequest, spaceView, userView, type ItemKind, type ItemView, type SpaceView, type UserView } from '@hearth/core/api';

/**
 * This device's copy of the space (issue 23, decision 0062), in IndexedDB: items exactly
 * as the server sent them (sealed bodies, opened only in memory), the last user and space
 * views (wrapped keys and sealed profiles), the sync cursor, and the outbox of sealed
 * writes not yet sent. Nothing here is readable without the person's keys. Everything read
 * back is validated like a server answer: another version of the app may have written it.
 */
export const COPY_DB = 'hearth-copy';
const DB_NAME = COPY_DB;

/** The copy's budget for sealed bodies (issue 23): past it the oldest are dropped; online lists still come from the server. */
export const COPY_BUDGET_BYTES = 50 * 1024 * 1024;

/**
 * A write waiting in the outbox: the request as it will be sent, and the item as it should
 * show meanwhile (a new one, the edited one, or the one to hide). An update carries the
 * version it was made on, so an edit made elsewhere meanwhile comes back as a conflict.
 */
export const pendingWrite = z.discriminatedUnion('op', [
  z.object({ op: z.literal('create'), request: createItemRequest, view: itemView }),
  z.object({ op: z.literal('update'), request: updateItemRequest, view: itemView }),
  z.object({ op: z.literal('delete'), view: itemView }),
]);
export type PendingWrite = z.infer<typeof pendingWrite>;
export type PendingCreate = Extract<PendingWrite, { op: 'create' }>;
export type HearthOutbox = Outbox<PendingWrite>;

const outboxEntry = z.object({
  seq: z.number(),
  id: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  attempts: z.number(),
  state: z.enum(['waiting', 'sending']),
  payload: pendingWrite,
});
const storedOutbox = z.object({ nextSeq: z.number(), queue: z.array(outboxEntry), conflicts: z.array(outboxEntry) });

const owner = z.object({ userId: z.string(), spaceId: z.nullable(z.string()), cursor: z.nullable(z.string()) });
export type CopyOwner = z.infer<typeof owner>;

interface CopyDb extends DBSchema {
  items: { key: string; value: { view: unknown; kind: string; lastUsed: number; size: number }; indexes: { kind: string } };
  meta: { key: string; value: unknown };
}

/** What a stored item weighs and how old it is: the oldest are the first to go when the copy is over budget. */
const record = (view: ItemView) => ({ view, kind: view.kind, lastUsed: Date.parse(view.createdAt) || 0, size: view.body.length });

let handle: Promise<IDBPDatabase<CopyDb>> | null = null;

function db(): Promise<IDBPDatabase<CopyDb>> {
  handle ??= openDB<CopyDb>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('items').createIndex('kind', 'kind');
      d.createObjectStore('meta');
    },
    blocking() {
      // Another tab is wiping the copy (a sign-out there): let it.
      void close();
    },
  });
  return handle;
}

async function close(): Promise<void> {
  const open = handle;
  handle = null;
  if (open) (await open.catch(() => null))?.close();
}

/** Runs `work` and treats a browser without IndexedDB (or a broken one) as an empty copy. */
async function guarded<T>(fallback: T, work: (d: IDBPDatabase<CopyDb>) => Promise<T>): Promise<T> {
  try {
    return await work(await db());
  } catch {
    return fallback;
  }
}

export const readOwner = (): Promise<CopyOwner | null> =>
  guarded(null, async (d) => {
    const parsed = owner.safeParse(await d.get('meta', 'owner'));
    return parsed.success ? parsed.data : null;
  });

/**
 * Makes the copy this person's, in this space: anyone else's copy, or another space's, is
 * emptied first, its outbox too (writes for a space one has left can no longer be sent).
 */
export const claimCopy = (userId: string, spaceId: string | null): Promise<CopyOwner> =>
  guarded<CopyOwner>({ userId, spaceId, cursor: null }, async (d) => {
    const tx = d.transaction(['items', 'meta'], 'readwrite');
    const parsed = owner.safeParse(await tx.objectStore('meta').get('owner'));
    const current = parsed.success ? parsed.data : null;
    if (current?.userId === userId && current.spaceId === spaceId) {
      await tx.done;
      return current;
    }
    await tx.objectStore('items').clear();
    // A first claim keeps what was queued before it (a write made just after unlocking).
    if (current !== null) await tx.objectStore('meta').clear();
    const fresh: CopyOwner = { userId, spaceId, cursor: null };
    await tx.objectStore('meta').put(fresh, 'owner');
    await tx.done;
    return fresh;
  });

export const saveUser = (user: UserView): Promise<void> => guarded(undefined, async (d) => void (await d.put('meta', user, 'user')));
export const saveSpaceView = (view: SpaceView): Promise<void> => guarded(undefined, async (d) => void (await d.put('meta', view, 'space')));

/** The last user view this device saw for this person, for opening offline. */
export const savedUser = (userId: string): Promise<UserView | null> =>
  guarded(null, async (d) => {
    const parsed = userView.safeParse(await d.get('meta', 'user'));
    return parsed.success && parsed.data.id === userId ? parsed.data : null;
  });

export const savedSpaceView = (spaceId: string): Promise<SpaceView | null> =>
  guarded(null, async (d) => {
    const parsed = spaceView.safeParse(await d.get('meta', 'space'));
    return parsed.success && parsed.data.id === spaceId ? parsed.data : null;
  });

/** The items of a kind (all kinds without one), newest first like the server's list; unreadable records are skipped. */
export const itemsOfKind = (kind?: ItemKind): Promise<ItemView[]> =>
  guarded([], async (d) => {
    const rows = kind === undefined ? await d.getAll('items') : await d.getAllFromIndex('items', 'kind', kind);
    const views: ItemView[] = [];
    for (const row of rows) {
      const parsed = itemView.safeParse(row.view);
      if (parsed.success) views.push(parsed.data);
    }
    return views.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
  });

/** The stored versions of these items, for merging a sync page with core's rule. */
export const versionsOf = (ids: readonly string[]): Promise<Map<string, ItemView>> =>
  guarded(new Map(), async (d) => {
    const tx = d.transaction('items');
    const found = new Map<string, ItemView>();
    for (const id of ids) {
      const parsed = itemView.safeParse((await tx.store.get(id))?.view);
      if (parsed.success) found.set(id, parsed.data);
    }
    await tx.done;
    return found;
  });

/**
 * Writes a merged page and the cursor after it in one transaction, so a page is either
 * wholly in the copy with its cursor, or not at all and asked for again. Refused (false)
 * when the copy changed hands meanwhile.
 */
export const applyMerged = (userId: string, put: readonly ItemView[], remove: readonly string[], cursor: string): Promise<boolean> =>
  guarded(false, async (d) => {
    const tx = d.transaction(['items', 'meta'], 'readwrite');
    const parsed = owner.safeParse(await tx.objectStore('meta').get('owner'));
    if (!parsed.success || parsed.data.userId !== userId) {
      await tx.done;
      return false;
    }
    const items = tx.objectStore('items');
    for (const view of put) await items.put(record(view), view.id);
    for (const id of remove) await items.delete(id);
    await tx.objectStore('meta').put({ ...parsed.data, cursor }, 'owner');
    await tx.done;
    return true;
  });

/** Puts one item the server just answered with (our own write) into the copy, if it is newer. */
export const keepItem = (view: ItemView): Promise<void> =>
  guarded(undefined, async (d) => {
    const tx = d.transaction('items', 'readwrite');
    const had = itemView.safeParse((await tx.store.get(view.id))?.view);
    if (!had.success || had.data.version <= view.version) await tx.store.put(record(view), view.id);
    await tx.done;
  });

/** Drops the oldest items until the copy fits its budget (core's rule); returns how many went. */
export const enforceBudget = (budgetBytes = COPY_BUDGET_BYTES): Promise<number> =>
  guarded(0, async (d) => {
    const tx = d.transaction('items', 'readwrite');
    const entries: { id: string; size: number; lastUsed: number }[] = [];
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      entries.push({ id: cursor.key, size: cursor.value.size, lastUsed: cursor.value.lastUsed });
    }
    const evicted = itemsToEvict(entries, budgetBytes);
    for (const id of evicted) await tx.store.delete(id);
    await tx.done;
    return evicted.length;
  });

export const forgetItem = (id: string): Promise<void> => guarded(undefined, async (d) => void (await d.delete('items', id)));

export const readOutbox = (): Promise<HearthOutbox> =>
  guarded(emptyOutbox<PendingWrite>(), async (d) => {
    const parsed = storedOutbox.safeParse(await d.get('meta', 'outbox'));
    return parsed.success ? parsed.data : emptyOutbox<PendingWrite>();
  });

/**
 * Changes the outbox with one of core's rules, read and written in one transaction so two
 * tabs never lose each other's writes. `fallback` is the answer when IndexedDB is missing.
 */
export const changeOutbox = <R>(change: (outbox: HearthOutbox) => readonly [HearthOutbox, R], fallback: R): Promise<R> =>
  guarded(fallback, async (d) => {
    const tx = d.transaction('meta', 'readwrite');
    const parsed = storedOutbox.safeParse(await tx.store.get('outbox'));
    const [next, result] = change(parsed.success ? parsed.data : emptyOutbox<PendingWrite>());
    await tx.store.put(next, 'outbox');
    await tx.done;
    return result;
  });

/** Deletes the whole copy and the outbox (sign-out, account deletion, this device removed). */
export async function wipeCopy(): Promise<void> {
  await close();
  await new Promise<void>((resolve) => {
    try {
      const req = indexedDB.deleteDatabase(DB_NAME);
      req.onsuccess = () => resolve();
      req.onerror = () => resolve();
      // Another tab still holds it: its `blocking` handler closes it, and the delete finishes then.
      req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
