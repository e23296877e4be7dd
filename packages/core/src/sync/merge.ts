/**
 * Folding pages of `GET /api/items/changes` into the device's local copy, and choosing
 * what to forget when that copy grows past its budget.
 */

export interface VersionedItem {
  readonly id: string;
  /** Goes up by one with each change of the body (decision 0061). */
  readonly version: number;
}

export interface LocalEntry<I> {
  readonly item: I;
  /** A write for this item is still in the outbox. */
  readonly pending?: boolean;
}

export type LocalCopy<I> = ReadonlyMap<string, LocalEntry<I>>;

export interface SyncPage<I> {
  readonly items: readonly I[];
  readonly deleted: readonly string[];
}

/**
 * Applies one page and returns a new local copy (the given one is left alone).
 * - A server item replaces the local one when its version is at least the local one,
 *   so a page that arrives late, or twice, can never roll an item back.
 * - Deleted ids are removed after the items, because ids are never reused: a deletion is final.
 * - A pending entry is left exactly as it is: it shows the person's own unsent change,
 *   and the outbox answer (ack, or a conflict to resolve) is what settles it.
 *   A pending create the server does not know yet therefore stays too.
 */
export function mergeSyncPage<I extends VersionedItem>(local: LocalCopy<I>, page: SyncPage<I>): Map<string, LocalEntry<I>> {
  const next = new Map(local);
  for (const item of page.items) {
    const mine = next.get(item.id);
    if (mine?.pending === true) continue;
    if (mine !== undefined && mine.item.version > item.version) continue;
    next.set(item.id, { item });
  }
  for (const id of page.deleted) {
    if (next.get(id)?.pending !== true) next.delete(id);
  }
  return next;
}

export interface CachedItem {
  readonly id: string;
  readonly size: number;
  /** Epoch milliseconds. */
  readonly lastUsed: number;
  readonly pending?: boolean;
}

/**
 * The ids to forget so the local copy fits in `budgetBytes`: least recently used first,
 * stopping as soon as it fits. Pending items are never chosen, since forgetting one would
 * lose a change that exists nowhere else; if they alone exceed the budget, the result
 * is every other item and the copy stays over budget.
 */
export function itemsToEvict(entries: readonly CachedItem[], budgetBytes: number): string[] {
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  // Ties broken by id so two devices with the same copy forget the same items.
  const candidates = entries
    .filter((e) => e.pending !== true)
    .sort((a, b) => a.lastUsed - b.lastUsed || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const evicted: string[] = [];
  for (const entry of candidates) {
    if (total <= budgetBytes) break;
    evicted.push(entry.id);
    total -= entry.size;
  }
  return evicted;
}
