import { equalBytes, err, ok, type Result } from '@hearth/core';
import type { ItemKind, Visibility } from '@hearth/core/api';
import { transact } from '../db/transact.ts';
import type { Deps } from '../http/context.ts';
import type { Member } from '../http/access.ts';
import { lockSpace } from '../space/store.ts';
import { deleteItem, insertItem, itemById, updateItemBody, visibleItem, type ItemRow } from './store.ts';

type ItemDeps = Pick<Deps, 'db' | 'now'>;
type Who = Pick<Member, 'user' | 'space'>;

const ENDED = 'This space has ended; it can be read and exported but not changed.';
const NOT_FOUND = 'No such item.';

export async function createItem(
  deps: ItemDeps,
  who: Who,
  input: { id: string; kind: ItemKind; visibility: Visibility; body: Uint8Array },
): Promise<Result<{ item: ItemRow; created: boolean }, 'conflict' | 'space_ended'>> {
  const at = deps.now();
  return transact<{ item: ItemRow; created: boolean }, 'conflict' | 'space_ended'>(deps.db, async (tx) => {
    // Shared lock on the space: a concurrent leave cannot end it halfway through this write.
    const space = await lockSpace(tx, who.space.id, 'share');
    if (space?.status !== 'active') return err('space_ended', ENDED);
    const inserted = await insertItem(tx, {
      id: input.id,
      spaceId: who.space.id,
      authorId: who.user.id,
      kind: input.kind,
      visibility: input.visibility,
      body: input.body,
      createdAt: at,
      updatedAt: at,
    });
    if (inserted !== undefined) return ok({ item: inserted, created: true });
    // The id exists. A retry of the very same write gets the first answer (DESIGN §5.7);
    // anything else is a clash, reported the same way whichever space holds the id.
    const existing = await itemById(tx, input.id);
    const sameWrite =
      existing !== undefined &&
      existing.spaceId === who.space.id &&
      existing.authorId === who.user.id &&
      existing.kind === input.kind &&
      existing.visibility === input.visibility &&
      equalBytes(existing.body, input.body);
    if (!sameWrite) return err('conflict', 'An item with this id already exists with different content.');
    return ok({ item: existing, created: false });
  });
}

type ChangeError = 'not_found' | 'not_author' | 'space_ended';

async function authorsItem(tx: ItemDeps['db'], who: Who, id: string): Promise<Result<ItemRow, ChangeError>> {
  const space = await lockSpace(tx, who.space.id, 'share');
  const item = await visibleItem(tx, who.space.id, who.user.id, id, true);
  if (item === undefined) return err('not_found', NOT_FOUND);
  if (item.authorId !== who.user.id) return err('not_author', 'Only the person who wrote this can change it.');
  if (space?.status !== 'active') return err('space_ended', ENDED);
  return ok(item);
}

export async function updateItem(deps: ItemDeps, who: Who, id: string, body: Uint8Array): Promise<Result<ItemRow, ChangeError>> {
  return transact(deps.db, async (tx) => {
    const allowed = await authorsItem(tx, who, id);
    if (!allowed.ok) return allowed;
    const updated = await updateItemBody(tx, who.space.id, id, body, deps.now());
    return updated === undefined ? err('not_found', NOT_FOUND) : ok(updated);
  });
}

export async function removeItem(deps: ItemDeps, who: Who, id: string): Promise<Result<void, ChangeError>> {
  return transact(deps.db, async (tx) => {
    const allowed = await authorsItem(tx, who, id);
    if (!allowed.ok) return allowed;
    await deleteItem(tx, who.space.id, id);
    return ok(undefined);
  });
}
