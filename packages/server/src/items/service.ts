import { equalBytes, err, kindRule, levelAllowed, levelRank, nextPlanReminderAt, ok, type ItemKindName, type Result, type SparkLevel, type TogetherSchedule } from '@hearth/core';
import { itemKind, type ItemKind, type Visibility } from '@hearth/core/api';
import { transact } from '../db/transact.ts';
import type { Deps } from '../http/context.ts';
import type { Member } from '../http/access.ts';
import { lockSpace } from '../space/store.ts';
import { notifyMany } from '../notifications/notify.ts';
import { partnersOf, sparkEffective } from '../spark/store.ts';
import { authorHasInThread, deleteItem, insertItem, itemInSpace, updateItemBody, visibleItem, type ItemRow } from './store.ts';

type ItemDeps = Pick<Deps, 'db' | 'now'>;
type Who = Pick<Member, 'user' | 'space'>;

const ENDED = 'This space has ended; it can be read and exported but not changed.';
/** "Later today" in the app; a day's slack on the server covers any time zone. */
const SPARK_SCHEDULE_MAX_MS = 24 * 60 * 60_000;
const SPARK_NOT_ON = {
  off: 'Spark is off.',
  waiting: 'Spark starts when both of you have turned it on.',
  paused: 'Spark is paused.',
} as const;
const NOT_FOUND = 'No such item.';

type CreateInput = {
  id: string;
  kind: ItemKind;
  visibility: Visibility;
  parentId: string | null;
  remindAt: Date | null;
  schedule: TogetherSchedule | null;
  sparkLevel: SparkLevel | null;
  body: Uint8Array;
  writtenAt?: Date | undefined;
};
type CreateError = 'conflict' | 'space_ended' | 'invalid_input' | 'not_found' | 'spark_unavailable' | 'above_spark_level';

export async function createItem(
  deps: ItemDeps,
  who: Who,
  input: CreateInput,
): Promise<Result<{ item: ItemRow; created: boolean }, CreateError>> {
  const at = deps.now();
  const timing = remindAtFor(input.kind, input.schedule, input.remindAt, at);
  if (!timing.ok) return timing;
  return transact<{ item: ItemRow; created: boolean }, CreateError>(deps.db, async (tx) => {
    // Shared lock on the space: a concurrent leave cannot end it halfway through this write.
    const space = await lockSpace(tx, who.space.id, 'share');
    if (space?.status !== 'active') return err('space_ended', ENDED);
    const row = {
      id: input.id,
      spaceId: who.space.id,
      authorId: who.user.id,
      kind: input.kind,
      visibility: input.visibility,
      parentId: input.parentId,
      remindAt: timing.value,
      schedule: input.schedule,
      sparkLevel: input.sparkLevel === null ? null : levelRank(input.sparkLevel),
      body: input.body,
      createdAt: input.writtenAt !== undefined && input.writtenAt < at ? input.writtenAt : at,
      updatedAt: at,
    };
    // A kind whose rule reads only the request (no thread, no Spark) is written straight
    // away, and the id is looked at only if it was taken: one statement fewer on the
    // busiest path (decision 0058). A retry has the same metadata, so the same verdict.
    if (rulesOnMetadataAlone(input.kind)) {
      const allowed = await checkKindRule(tx, who, input, at);
      if (!allowed.ok) return allowed;
      const inserted = await insertItem(tx, row);
      if (inserted !== undefined) return ok({ item: inserted, created: true });
      const existing = await itemInSpace(tx, who.space.id, input.id);
      return existing !== undefined && sameWrite(existing, who, input) ? ok({ item: existing, created: false }) : err('conflict', CLASH);
    }
    // The id exists in this space: a retry of the very same write gets the first answer
    // (DESIGN §5.7); anything else is a clash. Ids are per space (decision 0052), so another
    // space's id is simply free here, and nobody learns that it is in use elsewhere.
    const existing = await itemInSpace(tx, who.space.id, input.id);
    if (existing !== undefined) return sameWrite(existing, who, input) ? ok({ item: existing, created: false }) : err('conflict', CLASH);
    const allowed = await checkKindRule(tx, who, input, at);
    if (!allowed.ok) return allowed;
    const inserted = await insertItem(tx, row);
    // Lost a race with the same id: report it like any clash.
    if (inserted === undefined) return err('conflict', CLASH);
    await notifySparkArrival(tx, inserted, input.kind, at);
    return ok({ item: inserted, created: true });
  });
}

const CLASH = 'An item with this id already exists with different content.';

function sameWrite(existing: ItemRow, who: Who, input: CreateInput): boolean {
  return (
    existing.authorId === who.user.id &&
    existing.kind === input.kind &&
    existing.visibility === input.visibility &&
    existing.parentId === input.parentId &&
    existing.sparkLevel === (input.sparkLevel === null ? null : levelRank(input.sparkLevel)) &&
    equalBytes(existing.body, input.body)
  );
}

/** No thread to look up and no Spark consent to read: checkKindRule runs no query for this kind. */
function rulesOnMetadataAlone(kind: ItemKind): boolean {
  const rule = kindRule(kind);
  return rule.parents === undefined && rule.spark === undefined && rule.sparkGated !== true;
}

/**
 * A scheduled kind (ritual, date) must carry a schedule and never a client-chosen
 * `remindAt`: the server computes the next reminder itself (decision 0016), so the
 * worker can keep re-arming it. Other kinds keep the client's `remindAt` (decision 0012).
 */
function remindAtFor(kind: ItemKindName, schedule: TogetherSchedule | null | undefined, remindAt: Date | null | undefined, now: Date): Result<Date | null | undefined, 'invalid_input'> {
  if (kindRule(kind).scheduled !== true) {
    return schedule === undefined || schedule === null ? ok(remindAt) : err('invalid_input', `schedule: a ${kind} has no schedule`);
  }
  if (remindAt !== undefined && remindAt !== null) return err('invalid_input', `remindAt: the server sets a ${kind}'s reminder from its schedule`);
  if (schedule === null) return err('invalid_input', `schedule: a ${kind} needs a schedule`);
  return ok(schedule === undefined ? undefined : nextPlanReminderAt(schedule, now));
}

/**
 * A Spark message or reply sent for now tells the partner at once, through the one
 * notification path, with the neutral "message" event and no item kind (so not even
 * the notification list says Spark). A scheduled one is left to the reminder worker,
 * which delivers it when its time comes (decision 0033). The dedupe key matches the
 * worker's, so the two can never both deliver it.
 */
async function notifySparkArrival(tx: ItemDeps['db'], item: ItemRow, kind: ItemKind, at: Date): Promise<void> {
  if (kindRule(kind).spark?.notify !== true) return;
  if (item.remindAt !== null && item.remindAt.getTime() > at.getTime()) return;
  const recipients = await partnersOf(tx, item.spaceId, item.authorId);
  await notifyMany(
    tx,
    recipients.map((userId) => ({
      userId,
      spaceId: item.spaceId,
      event: 'message' as const,
      itemId: item.id,
      itemKind: null,
      refId: null,
      dedupeKey: item.remindAt === null ? `message:${item.id}` : `reminder:${item.id}:${item.remindAt.toISOString()}`,
      remindAt: item.remindAt,
      at,
    })),
  );
}

/**
 * Spark kinds need Spark on for both and a level tag at or below the couple's
 * effective level; Spark-gated kinds (the rhythm) need Spark on and no level; every
 * other kind must not carry a level. The consent rows are locked for the rest of the
 * transaction, so a pause cannot slip in between this check and the notification.
 */
async function checkSpark(tx: ItemDeps['db'], who: Who, input: CreateInput, at: Date): Promise<Result<void, CreateError>> {
  const { spark: rule, sparkGated } = kindRule(input.kind);
  if (rule === undefined) {
    if (input.sparkLevel !== null) return err('invalid_input', `sparkLevel: only Spark items carry a level, not a ${input.kind}`);
    if (sparkGated !== true) return ok(undefined);
  } else {
    if (input.sparkLevel === null) return err('invalid_input', `sparkLevel: a ${input.kind} needs a level`);
    if (input.remindAt !== null && (!rule.notify || input.remindAt.getTime() > at.getTime() + SPARK_SCHEDULE_MAX_MS)) {
      return err('invalid_input', `remindAt: a ${input.kind} can be scheduled at most a day ahead, and only if it is a message`);
    }
  }
  const effective = await sparkEffective(tx, who.space.id, who.user.id, true);
  if (effective.state !== 'on') return err('spark_unavailable', SPARK_NOT_ON[effective.state]);
  if (input.sparkLevel !== null && !levelAllowed(input.sparkLevel, effective.level)) {
    return err('above_spark_level', 'That is above the level you both chose, so it cannot be sent.');
  }
  return ok(undefined);
}

/** The kind's rule from core (ITEM_KIND_RULES), checked on metadata alone. */
async function checkKindRule(tx: ItemDeps['db'], who: Who, input: CreateInput, at: Date): Promise<Result<void, CreateError>> {
  const rule = kindRule(input.kind);
  if (!rule.visibilities.includes(input.visibility)) {
    return err('invalid_input', `visibility: a ${input.kind} cannot be ${input.visibility}`);
  }
  const spark = await checkSpark(tx, who, input, at);
  if (!spark.ok) return spark;
  if (rule.parents === undefined) {
    return input.parentId === null ? ok(undefined) : err('invalid_input', `parentId: a ${input.kind} does not belong under another item`);
  }
  if (input.parentId === null) return err('invalid_input', `parentId: a ${input.kind} belongs under a ${rule.parents.join(' or ')}`);
  // Locking the parent serialises writes into one thread, so "one per author" holds under concurrency.
  const parent = await visibleItem(tx, who.space.id, who.user.id, input.parentId, at, true);
  if (parent === undefined) return err('not_found', 'The item this belongs under does not exist.');
  if (!rule.parents.some((k) => k === parent.kind)) {
    return err('invalid_input', `parentId: a ${input.kind} belongs under a ${rule.parents.join(' or ')}, not a ${parent.kind}`);
  }
  if (rule.onePerAuthor === true && (await authorHasInThread(tx, who.space.id, parent.id, input.kind, who.user.id))) {
    return err('conflict', `You have already written a ${input.kind} here; edit it instead.`);
  }
  return ok(undefined);
}

type ChangeError = 'not_found' | 'not_author' | 'space_ended';
type UpdateError = ChangeError | 'invalid_input' | 'stale_version';

async function authorsItem(tx: ItemDeps['db'], who: Who, id: string, at: Date): Promise<Result<ItemRow, ChangeError>> {
  const space = await lockSpace(tx, who.space.id, 'share');
  const item = await visibleItem(tx, who.space.id, who.user.id, id, at, true);
  if (item === undefined) return err('not_found', NOT_FOUND);
  if (item.authorId !== who.user.id) return err('not_author', 'Only the person who wrote this can change it.');
  if (space?.status !== 'active') return err('space_ended', ENDED);
  return ok(item);
}

export async function updateItem(
  deps: ItemDeps,
  who: Who,
  id: string,
  change: { body: Uint8Array; remindAt?: Date | null | undefined; schedule?: TogetherSchedule | null | undefined; baseVersion?: number | undefined },
): Promise<Result<ItemRow, UpdateError>> {
  const at = deps.now();
  return transact<ItemRow, UpdateError>(deps.db, async (tx) => {
    const allowed = await authorsItem(tx, who, id, at);
    if (!allowed.ok) return allowed;
    // The row is locked, so no other change can slip in between this check and the write.
    if (change.baseVersion !== undefined && change.baseVersion !== allowed.value.version) {
      return err('stale_version', 'This was changed somewhere else since you opened it. Look at both versions and keep one.');
    }
    const kind = itemKind.safeParse(allowed.value.kind);
    if (!kind.success) return err('not_found', NOT_FOUND);
    const timing = remindAtFor(kind.data, change.schedule, change.remindAt, at);
    if (!timing.ok) return timing;
    const schedule = change.schedule ?? undefined;
    const updated = await updateItemBody(tx, who.space.id, id, { body: change.body, remindAt: timing.value, schedule }, at);
    return updated === undefined ? err('not_found', NOT_FOUND) : ok(updated);
  });
}

export async function removeItem(deps: ItemDeps, who: Who, id: string): Promise<Result<void, ChangeError>> {
  return transact(deps.db, async (tx) => {
    const allowed = await authorsItem(tx, who, id, deps.now());
    if (!allowed.ok) return allowed;
    await deleteItem(tx, who.space.id, id);
    return ok(undefined);
  });
}
