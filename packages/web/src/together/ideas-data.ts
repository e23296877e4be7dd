import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { z } from 'zod/mini';
import {
  IDEA_PLACE_LABEL,
  IDEAS_VERSION,
  answersMap,
  deckIdeas,
  deckMatchItems,
  ok,
  togetherFirstBody,
  togetherIdeaBody,
  togetherInterestBody,
  togetherPrivateBody,
  type DeckIdea,
  type InterestAskedRecord,
  type MatchAnswer,
  type Result,
  type TogetherFirstBody,
  type TogetherIdeaBody,
  type TogetherInterestBody,
} from '@hearth/core';
import type { ItemKind, ItemView } from '@hearth/core/api';
import { createItem, deleteItem, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import { fetchMatches, uploadAnswers, type DeckMatches } from '../shared/matching.ts';
import type { Unlocked } from '../shared/session.ts';
import { useItemViews } from '../shared/use-item-views.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * Together's ideas deck, first firsts and interests, decrypted on this device. My deck
 * answers live in one private `together-private` record (sealed under my personal key);
 * the server gets only the blind-matching tokens they turn into (DESIGN §5.4).
 */

export type Entry<T> = { readonly item: ItemView; readonly body: T | null };

export const TOGETHER_IDEAS_KINDS = ['together-idea', 'together-first', 'together-interest', 'together-private'] as const satisfies readonly ItemKind[];

export type TogetherIdeasData = {
  /** Own ideas, oldest first, readable or not. */
  readonly ownIdeas: readonly Entry<TogetherIdeaBody>[];
  readonly deck: readonly DeckIdea[];
  /** My latest deck-answers record, to update rather than add to. */
  readonly answersItem: ItemView | null;
  readonly savedAnswers: ReadonlyMap<string, MatchAnswer>;
  /** My "I asked about it" marks. */
  readonly asked: readonly InterestAskedRecord[];
  /** Newest first by the day it happened. */
  readonly firsts: readonly Entry<TogetherFirstBody>[];
  readonly interests: readonly Entry<TogetherInterestBody>[];
  readonly unreadable: number;
};

const byCreated = (a: { item: ItemView }, b: { item: ItemView }) => a.item.createdAt.localeCompare(b.item.createdAt) || a.item.id.localeCompare(b.item.id);

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): TogetherIdeasData {
  let unreadable = 0;
  const open = <T>(item: ItemView, schema: z.core.$ZodType<T>): Entry<T> => {
    const opened = openItem(item, keys, schema);
    if (!opened.ok) unreadable += 1;
    return { item, body: opened.ok ? opened.value : null };
  };
  const of = (kind: ItemKind) => views.filter((v) => v.kind === kind);
  const ownIdeas = of('together-idea')
    .map((v) => open(v, togetherIdeaBody))
    .sort(byCreated);
  const readableOwn = ownIdeas.flatMap((e) => (e.body ? [{ itemId: e.item.id, body: e.body }] : []));
  const privates = of('together-private')
    .filter((v) => v.authorId === me)
    .map((v) => open(v, togetherPrivateBody));
  // Two devices could each have started a record; the one written last wins.
  const answerRecords = privates
    .flatMap((e) => (e.body?.type === 'deck-answers' ? [{ item: e.item, body: e.body }] : []))
    .sort((a, b) => b.item.updatedAt.localeCompare(a.item.updatedAt));
  const latest = answerRecords[0] ?? null;
  const asked = privates.flatMap((e) => (e.body?.type === 'interest-asked' ? [e.body] : []));
  const firsts = of('together-first')
    .map((v) => open(v, togetherFirstBody))
    .sort((a, b) => (b.body?.date ?? '').localeCompare(a.body?.date ?? '') || b.item.createdAt.localeCompare(a.item.createdAt));
  const interests = of('together-interest')
    .map((v) => open(v, togetherInterestBody))
    .sort(byCreated);
  return {
    ownIdeas,
    deck: deckIdeas(readableOwn),
    answersItem: latest?.item ?? null,
    savedAnswers: answersMap(latest?.body ?? null),
    asked,
    firsts,
    interests,
    unreadable,
  };
}

const PLACE_LABELS: ReadonlyMap<string, string> = new Map(Object.entries(IDEA_PLACE_LABEL));

export type TogetherIdeas = ReturnType<typeof useTogetherIdeas>;

/**
 * Loads on mount, when the tab comes back, and every `pollMs` while visible. With
 * `matches`, also asks the server which of my answers the partner shares.
 */
export function useTogetherIdeas(session: Unlocked, space: LoadedSpace, opts: { pollMs?: number; matches?: boolean; kinds?: readonly ItemKind[] } = {}) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  // Callers pass a module-level constant, so this stays the same array across renders.
  const kinds = opts.kinds ?? TOGETHER_IDEAS_KINDS;
  const withMatches = opts.matches === true;
  const [matches, setMatches] = useState<DeckMatches | null>(null);
  /** Answers given on this device and not yet confirmed saved: shown at once, whatever a reload brings. */
  const [pending, setPending] = useState<ReadonlyMap<string, MatchAnswer> | null>(null);
  const latest = useRef<{ data: TogetherIdeasData | null; answers: ReadonlyMap<string, MatchAnswer> }>({ data: null, answers: new Map() });
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const load = useCallback(() => listItemsOfKinds(kinds), [kinds]);
  // The partner's answers arrive as a match upload, not as items of ours.
  const topics = useMemo(() => (withMatches ? [...kinds, 'match:ideas'] : kinds), [kinds, withMatches]);

  const refreshMatches = useCallback(async (deck: readonly DeckIdea[], current: ReadonlyMap<string, MatchAnswer>) => {
    if (!space.key) return;
    const res = await fetchMatches(space.key, 'ideas', deckMatchItems(deck), current, PLACE_LABELS);
    if (!alive.current) return;
    if (res.ok) setMatches(res.value);
    else setError(res.message);
  }, [space.key]);

  // The partner may have answered since: each load asks again which answers match.
  const afterLoad = async (fresh: ReadonlyMap<string, ItemView>) => {
    if (!withMatches) return;
    const decoded = decode([...fresh.values()], keys, me);
    await refreshMatches(decoded.deck, latest.current.answers.size > 0 ? latest.current.answers : decoded.savedAnswers);
  };
  const { views, error, setError, reload, merge, drop, alive } = useItemViews(load, opts.pollMs, afterLoad, topics);

  const data = useMemo(() => (views ? decode([...views.values()], keys, me) : null), [views, keys, me]);
  const answers = pending ?? data?.savedAnswers ?? new Map<string, MatchAnswer>();
  latest.current = { data, answers };

  const create = useCallback(
    async (kind: ItemKind, visibility: 'shared' | 'private', body: unknown): Promise<Result<ItemView>> => {
      const res = await createItem(space.view.id, kind, visibility, body, keys);
      if (res.ok) merge(res.value);
      return res;
    },
    [space.view.id, keys, merge],
  );

  const update = useCallback(
    async (item: ItemView, body: unknown): Promise<Result<ItemView>> => {
      const res = await updateItem(item, body, keys);
      if (res.ok) merge(res.value);
      return res;
    },
    [keys, merge],
  );

  const remove = useCallback(
    async (item: ItemView): Promise<Result<unknown>> => {
      const res = await deleteItem(item);
      if (res.ok) drop(item.id);
      return res;
    },
    [drop],
  );

  /**
   * Saves my whole answer set (sealed, private), then replaces my upload of tokens.
   * Writes run one after another, each with the newest answers, so quick taps never
   * race each other or let an older set land last.
   */
  const saveAnswers = useCallback(
    (next: ReadonlyMap<string, MatchAnswer>): Promise<Result<unknown>> => {
      const run = async (): Promise<Result<unknown>> => {
        const current = latest.current.data;
        if (!current || !space.key) return ok(undefined);
        const body = { type: 'deck-answers' as const, catalogVersion: IDEAS_VERSION, answers: Object.fromEntries(next) };
        const saved = current.answersItem ? await updateItem(current.answersItem, body, keys) : await createItem(space.view.id, 'together-private', 'private', body, keys);
        if (!saved.ok) return saved;
        if (alive.current) merge(saved.value);
        // The next queued save must update this record, even before a re-render brings it in.
        latest.current = { ...latest.current, data: { ...current, answersItem: saved.value } };
        const uploaded = await uploadAnswers(space.key, 'ideas', deckMatchItems(current.deck), next, PLACE_LABELS);
        if (!uploaded.ok) return uploaded;
        if (alive.current) setMatches(uploaded.value);
        return ok(undefined);
      };
      const result = saving.current.then(run, run);
      saving.current = result;
      return result;
    },
    [keys, merge, space.key, space.view.id],
  );

  const answer = useCallback(
    async (deckId: string, value: MatchAnswer): Promise<Result<unknown>> => {
      const next = new Map(latest.current.answers).set(deckId, value);
      latest.current = { ...latest.current, answers: next };
      setPending(next);
      const res = await saveAnswers(next);
      if (res.ok && alive.current && latest.current.answers === next) setPending(null);
      return res;
    },
    [saveAnswers],
  );

  return { data, error, matches, answers, answer, create, update, remove, reload, keys, me };
}
