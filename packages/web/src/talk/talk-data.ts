import { useCallback, useMemo } from 'preact/hooks';
import { z } from 'zod/mini';
import {
  CONVERSATION_KINDS,
  conversationState,
  toConversationItem,
  type ConversationItem,
  type ConversationKind,
  type ConversationState,
  type Result,
} from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { createItem, openItem, updateItem, type ItemKeys, listItemsOfKinds } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { useItemViews } from '../shared/use-item-views.ts';

/**
 * The items of every "talk it through" conversation in the space, decrypted on this
 * device. The server withholds the partner's side until both are written; everything
 * else in a conversation is shared, so both screens work out the same state.
 */
type Loaded = {
  readonly items: readonly ConversationItem[];
  /** Items that could not be opened on this device (never silently dropped from the count). */
  readonly unreadable: number;
};

const anyBody = z.unknown();

function decode(views: Iterable<ItemView>, keys: ItemKeys): Loaded {
  const items: ConversationItem[] = [];
  let unreadable = 0;
  for (const view of views) {
    const opened = openItem(view, keys, anyBody);
    const item = opened.ok ? toConversationItem(view, opened.value) : null;
    if (item === null) unreadable += 1;
    else items.push(item);
  }
  return { items, unreadable };
}

const fetchAll = (): Promise<Result<ItemView[]>> => listItemsOfKinds(CONVERSATION_KINDS);

export type Conversations = ReturnType<typeof useConversations>;

/**
 * Loads every conversation, refreshes when the page becomes visible again and, with
 * `pollMs`, every so often while it is visible (the partner may be writing right now).
 */
export function useConversations(session: Unlocked, space: LoadedSpace, opts: { pollMs?: number } = {}) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const { views, error, reload, merge } = useItemViews(fetchAll, opts.pollMs, undefined, CONVERSATION_KINDS);
  // Opened again whenever the list changes (a refresh or a write): a conversation is a few dozen small items.
  const data = useMemo(() => (views === null ? null : decode(views.values(), keys)), [views, keys]);
  // The clock a conversation is read against (a pause's resume time) moves on with each load or write.
  const now = useMemo(() => new Date(), [views]);

  const create = useCallback(
    async (kind: ConversationKind, body: unknown, thread: { parentId?: string | null; remindAt?: string | null } = {}): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, kind, 'shared', body, keys, thread);
      if (res.ok) merge(res.value);
      return res;
    },
    [space.view.id, keys, merge],
  );

  const update = useCallback(
    async (id: string, body: unknown): Promise<Result<ItemView>> => {
      const view = views?.get(id);
      if (!view) return { ok: false, code: 'not_found', message: 'That item is no longer here. Try reloading.' };
      const res = await updateItem(view, body, keys);
      if (res.ok) merge(res.value);
      return res;
    },
    [views, keys, merge],
  );

  const partner = partnerOf(space);
  const states = useMemo((): ConversationState[] => {
    if (!data) return [];
    return data.items
      .filter((i) => i.kind === 'talk-topic')
      .flatMap((topic) => {
        const s = conversationState({
          topicId: topic.id,
          items: data.items,
          me: session.user.id,
          partner: partner?.userId ?? null,
          now,
          timeZone: session.user.timeZone,
        });
        return s ? [s] : [];
      })
      .sort((a, b) => b.topic.createdAt.localeCompare(a.topic.createdAt));
  }, [data, now, session.user.id, session.user.timeZone, partner?.userId]);

  return { loaded: data !== null, states, unreadable: data?.unreadable ?? 0, error, reload, create, update, keys };
}

/** "Sam", or a kind stand-in when the name can't be read or the partner hasn't joined. */
export function partnerName(space: LoadedSpace): string {
  return partnerOf(space)?.name ?? 'your partner';
}

/** "Sam's", "your partner's". */
export const possessive = (name: string): string => `${name}'s`;

export const STAGE_LABEL: Record<ConversationState['stage'], string> = {
  sides: 'Your side',
  heard: 'What I heard',
  ideas: 'Ideas',
  agreement: 'Agreement',
  'follow-up': 'Agreement recorded',
};
