import { useCallback, useMemo } from 'preact/hooks';
import type { z } from 'zod/mini';
import {
  levelAllowed,
  sparkMessageBody,
  sparkReactionBody,
  sparkReplyBody,
  sparkSteerBody,
  type Result,
  type SparkLevel,
  type SparkMessageBody,
  type SparkPromptKind,
  type SparkReactionBody,
  type SparkReplyBody,
} from '@hearth/core';
import type { ItemKind, ItemView } from '@hearth/core/api';
import { createItem, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useItemViews } from '../shared/use-item-views.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * Spark messages, decrypted on this device: each with its replies and reactions, plus
 * the two "not my thing" steers (decision 0034) — mine, which I keep, and my
 * partner's, which only shapes my suggestions and is never shown.
 */
export type Entry<T> = { readonly item: ItemView; readonly body: T };
export type SparkThread = Entry<SparkMessageBody> & {
  readonly replies: readonly Entry<SparkReplyBody>[];
  readonly reactions: readonly Entry<SparkReactionBody>[];
};
export type SparkData = {
  readonly threads: readonly SparkThread[];
  /** Kinds I marked "not my thing" (my own steer item, if any). */
  readonly myAvoid: readonly SparkPromptKind[];
  readonly mySteer: ItemView | null;
  /** Kinds my partner marked: left out of my suggestions, never displayed. */
  readonly partnerAvoid: readonly SparkPromptKind[];
};

const SPARK_ITEM_KINDS = ['spark-message', 'spark-reply', 'spark-reaction', 'spark-steer'] as const satisfies readonly ItemKind[];
const newestFirst = (a: { item: ItemView }, b: { item: ItemView }) => b.item.createdAt.localeCompare(a.item.createdAt);
const oldestFirst = (a: { item: ItemView }, b: { item: ItemView }) => a.item.createdAt.localeCompare(b.item.createdAt);

function decode(views: readonly ItemView[], keys: ItemKeys, me: string, level: SparkLevel): SparkData {
  // Anything that can't be opened or is tagged above our level stays out: the server already withholds it, this is the second lock.
  const open = <T>(kind: ItemKind, schema: z.core.$ZodType<T>): Entry<T>[] =>
    views.flatMap((item) => {
      if (item.kind !== kind) return [];
      if (item.sparkLevel !== null && !levelAllowed(item.sparkLevel, level)) return [];
      const opened = openItem(item, keys, schema);
      return opened.ok ? [{ item, body: opened.value }] : [];
    });
  const replies = open('spark-reply', sparkReplyBody);
  const reactions = open('spark-reaction', sparkReactionBody);
  const threads = open('spark-message', sparkMessageBody)
    .filter((m) => levelAllowed(m.body.level, level))
    .map((m) => ({
      ...m,
      replies: replies.filter((r) => r.item.parentId === m.item.id).sort(oldestFirst),
      reactions: reactions.filter((r) => r.item.parentId === m.item.id),
    }))
    .sort(newestFirst);
  const steers = open('spark-steer', sparkSteerBody);
  const mine = steers.filter((s) => s.item.authorId === me).sort(newestFirst);
  const union = (list: readonly Entry<{ avoidKinds: readonly SparkPromptKind[] }>[]) => [...new Set(list.flatMap((s) => s.body.avoidKinds))];
  return {
    threads,
    myAvoid: union(mine),
    mySteer: mine[0]?.item ?? null,
    partnerAvoid: union(steers.filter((s) => s.item.authorId !== me)),
  };
}

export type SparkMessages = ReturnType<typeof useSparkMessages>;

/** Loads on mount, when the tab comes back, and every `pollMs`; `level` is the couple's effective level. */
const loadSparkItems = () => listItemsOfKinds(SPARK_ITEM_KINDS);

export function useSparkMessages(session: Unlocked, space: LoadedSpace, level: SparkLevel, opts: { pollMs?: number } = {}) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const { views, error, reload, merge } = useItemViews(loadSparkItems, opts.pollMs, undefined, SPARK_ITEM_KINDS);

  const create = useCallback(
    async (kind: ItemKind, body: unknown, thread: { parentId?: string | null; remindAt?: string | null; sparkLevel: SparkLevel }): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, kind, 'shared', body, keys, thread);
      if (res.ok) merge(res.value);
      return res;
    },
    [space.view.id, keys, merge],
  );

  const me = session.user.id;
  const data = useMemo(() => (views ? decode([...views.values()], keys, me, level) : null), [views, keys, me, level]);

  /** "Not my thing": adds the kind to my one steer item (creating it the first time). */
  const markNotMyThing = useCallback(
    async (kind: SparkPromptKind): Promise<Result<ItemView>> => {
      const avoidKinds = [...new Set([...(data?.myAvoid ?? []), kind])];
      const body = { v: 1, avoidKinds };
      const existing = data?.mySteer ?? null;
      if (existing === null) return create('spark-steer', body, { sparkLevel: 'sweet' });
      const res = await updateItem(existing, body, keys);
      if (res.ok) merge(res.value);
      return res;
    },
    [data, create, keys, merge],
  );

  return { data, error, reload, create, markNotMyThing, me };
}
