import { Hono } from 'hono';
import { SPARK_LEVELS, toB64 } from '@hearth/core';
import { createItemRequest, decodeItemCursor, decodeSyncCursor, encodeItemCursor, encodeSyncCursor, itemChangesQuery, itemKind, listItemsQuery, updateItemRequest, uuid, type ItemView } from '@hearth/core/api';
import { requireMember } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { bytes, readBody, readId, readQuery } from '../http/validate.ts';
import { createItem, removeItem, updateItem } from './service.ts';
import { itemChanges } from './changes.ts';
import { listItems, scheduleOf, visibleItem, type ItemRow } from './store.ts';

export function itemView(row: ItemRow): ItemView {
  // A kind that a newer version wrote and this one does not know would break the
  // response schema; it cannot happen today because we only store validated kinds.
  const kind = itemKind.parse(row.kind);
  return {
    id: row.id,
    spaceId: row.spaceId,
    kind,
    visibility: row.visibility,
    authorId: row.authorId,
    parentId: row.parentId,
    remindAt: row.remindAt?.toISOString() ?? null,
    ...(row.schedule === null ? {} : { schedule: scheduleOf(row) }),
    sparkLevel: row.sparkLevel === null ? null : (SPARK_LEVELS[row.sparkLevel] ?? null),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    body: toB64(row.body),
  };
}

export const itemRoutes = new Hono<AppEnv>()
  .get('/items', async (c) => {
    const { user, space } = await requireMember(c);
    const query = readQuery(c, listItemsQuery);
    const before = query.before === undefined ? undefined : decodeItemCursor(query.before);
    if (before === null) throw new HttpError('invalid_input', 'before: must be a cursor returned by the previous page');
    const rows = await listItems(c.var.deps.db, space.id, user.id, { ...query, before, at: c.var.deps.now() });
    const views = rows.map(itemView);
    const last = views.at(-1);
    return c.json({ items: views, nextCursor: views.length === query.limit && last ? encodeItemCursor(last) : null });
  })
  .get('/items/changes', async (c) => {
    const { user, space } = await requireMember(c);
    const query = readQuery(c, itemChangesQuery);
    const since = query.since === undefined ? -1 : decodeSyncCursor(query.since);
    if (since === null) throw new HttpError('invalid_input', 'since: must be a cursor returned by the previous sync');
    const page = await itemChanges(c.var.deps.db, space.id, user.id, since, query.limit, c.var.deps.now());
    return c.json({ items: page.items.map(itemView), deleted: page.deleted, cursor: encodeSyncCursor(page.upTo), more: page.more });
  })
  .post('/items', async (c) => {
    const who = await requireMember(c);
    const body = await readBody(c, createItemRequest);
    const { item, created } = unwrap(
      await createItem(c.var.deps, who, {
        ...body,
        remindAt: body.remindAt === null ? null : new Date(body.remindAt),
        body: bytes(body.body, 'body'),
        writtenAt: body.writtenAt === undefined ? undefined : new Date(body.writtenAt),
      }),
    );
    return c.json({ item: itemView(item) }, created ? 201 : 200);
  })
  .get('/items/:id', async (c) => {
    const { user, space } = await requireMember(c);
    const id = readId(c, uuid);
    const item = await visibleItem(c.var.deps.db, space.id, user.id, id, c.var.deps.now());
    if (item === undefined) throw new HttpError('not_found', 'No such item.');
    return c.json({ item: itemView(item) });
  })
  .put('/items/:id', async (c) => {
    const who = await requireMember(c);
    const id = readId(c, uuid);
    const body = await readBody(c, updateItemRequest);
    const remindAt = body.remindAt === undefined ? undefined : body.remindAt === null ? null : new Date(body.remindAt);
    const item = unwrap(await updateItem(c.var.deps, who, id, { body: bytes(body.body, 'body'), remindAt, schedule: body.schedule, baseVersion: body.baseVersion }));
    return c.json({ item: itemView(item) });
  })
  .delete('/items/:id', async (c) => {
    const who = await requireMember(c);
    const id = readId(c, uuid);
    unwrap(await removeItem(c.var.deps, who, id));
    return c.body(null, 204);
  });
