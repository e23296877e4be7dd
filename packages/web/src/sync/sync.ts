import { mergeSyncPage, ok, SPARK_GATED_KINDS, SPARK_KINDS, type LocalEntry, type Result } from '@hearth/core';
import { itemChangesResponse, type ItemKind, type ItemView } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { onLiveChange } from '../shared/live.ts';
import { currentUnlocked, sessionStore } from '../shared/session.ts';
import { applyMerged, claimCopy, enforceBudget, itemsOfKind, readOutbox, readOwner, versionsOf } from './device-copy.ts';

/**
 * Keeps the device's copy up to date (issue 23): after unlocking, on every live change and
 * when the browser is online again, it asks `GET /api/items/changes` for what changed
 * since its cursor, page by page, and folds each page in with core's merge rule.
 */

const PAGE = 200;
/** Enough for a year of a busy couple in one go; a longer backlog continues on the next change. */
const MAX_PAGES = 50;

/** Spark's kinds never reach the copy (decision 0061): offline, those lists say so rather than look empty. */
const NOT_KEPT = new Set<string>([...SPARK_KINDS, ...SPARK_GATED_KINDS]);

let running: Promise<void> | null = null;
let again = false;

/** Asks for changes now, or right after the sync that is already running. */
export function syncSoon(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await syncOnce();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

async function syncOnce(): Promise<void> {
  const session = currentUnlocked();
  if (!session) return;
  const { id: userId, spaceId } = session.user;
  const copy = await claimCopy(userId, spaceId);
  if (spaceId === null) return;
  let cursor = copy.cursor;
  let changed = false;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor !== null) query.set('since', cursor);
    const res = await api.get(`${endpoints.itemChanges}?${query.toString()}`, itemChangesResponse);
    if (!res.ok || currentUnlocked()?.user.id !== userId) return;
    const { items, deleted, more } = res.value;
    const stored = await versionsOf([...items.map((i) => i.id), ...deleted]);
    const pending = new Set((await readOutbox()).queue.map((e) => e.id));
    const local = new Map<string, LocalEntry<ItemView>>([...stored].map(([id, item]) => [id, { item, pending: pending.has(id) }]));
    const merged = mergeSyncPage(local, { items, deleted });
    const put = items.filter((item) => merged.get(item.id)?.item === item);
    const remove = deleted.filter((id) => !merged.has(id));
    if (!(await applyMerged(userId, put, remove, res.value.cursor))) return;
    cursor = res.value.cursor;
    changed ||= put.length > 0;
    if (!more) break;
  }
  if (changed) await enforceBudget();
}

/**
 * A list from the copy, for when the server cannot be reached: only once the copy has
 * synced at least once (an empty copy would look like an empty space), and never for
 * Spark's kinds, which it does not keep.
 */
export async function listFromCopy(kind: ItemKind | undefined, offline: Result<ItemView[]>): Promise<Result<ItemView[]>> {
  if (kind !== undefined && NOT_KEPT.has(kind)) return offline;
  const session = currentUnlocked();
  const copy = await readOwner();
  if (!session || copy?.userId !== session.user.id || copy.cursor === null) return offline;
  return ok(await itemsOfKind(kind));
}

let started = false;

export function startSync(): void {
  if (started) return;
  started = true;
  sessionStore.subscribe((s) => {
    if (s.status === 'unlocked') void syncSoon();
  });
  onLiveChange((change) => {
    if (change.type === 'item' || change.type === 'resync' || change.type === 'space') void syncSoon();
  });
  window.addEventListener('online', () => void syncSoon());
}
