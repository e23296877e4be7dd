import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { z } from 'zod/mini';
import {
  err,
  nextRoundNumber,
  ok,
  openRound,
  pickRoundQuestions,
  playDraftRecord,
  playRoundId,
  playRounds,
  toB64,
  usedQuestionIds,
  type PlayDraftRecord,
  type PlayGame,
  type PlayItem,
  type PlayRoundBody,
  type Result,
  type RoundView,
  type SparkLevel,
} from '@hearth/core';
import { itemResponse, type ItemKind, type ItemView } from '@hearth/core/api';
import { sealJson } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, listItemsOfKinds, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';

/**
 * Play's items, decrypted on this device, and the writes a round makes (issue 22). The
 * server withholds the partner's answers until both have finished; `playRounds` checks
 * that again, so what the screens show is only what this person may see.
 */

const PLAY_KINDS: readonly ItemKind[] = ['play-round', 'play-answers', 'play-finished'];
/** Drafts live in the neutral private kind; only the ones of type `play-draft` are ours. */
const LOADED_KINDS: readonly ItemKind[] = [...PLAY_KINDS, 'private-record'];
const anyBody = z.unknown();

export type Draft = { readonly view: ItemView; readonly body: PlayDraftRecord };

type Loaded = {
  readonly rounds: readonly RoundView[];
  readonly drafts: ReadonlyMap<string, Draft>;
  /** Play items that could not be opened here: counted and said, never silently dropped. */
  readonly unreadable: number;
};

function decode(views: readonly ItemView[], keys: ItemKeys, me: string): Loaded {
  const items: PlayItem[] = [];
  const drafts = new Map<string, Draft>();
  let unreadable = 0;
  for (const view of views) {
    if (view.kind === 'private-record') {
      if (view.authorId !== me) continue;
      const opened = openItem(view, keys, playDraftRecord);
      // Other private records (a pulse, a reflection) are not Play's to count.
      if (!opened.ok) continue;
      const had = drafts.get(opened.value.roundId);
      if (had === undefined || had.view.updatedAt < view.updatedAt) drafts.set(opened.value.roundId, { view, body: opened.value });
      continue;
    }
    const opened = openItem(view, keys, anyBody);
    if (!opened.ok) unreadable += 1;
    items.push({ id: view.id, kind: view.kind, authorId: view.authorId, parentId: view.parentId, createdAt: view.createdAt, body: opened.ok ? opened.value : null });
  }
  return { rounds: playRounds(items, me), drafts, unreadable };
}

/** Writes a round under its derived id; if the partner started it first (409), reads theirs. */
async function writeRound(spaceId: string, spaceKey: Uint8Array, body: PlayRoundBody): Promise<Result<ItemView>> {
  const id = playRoundId(spaceKey, body.game, body.number);
  const scope = { type: 'item', spaceId, itemId: id, kind: 'play-round', visibility: 'shared', parentId: null } as const;
  const created = await api.post(
    endpoints.items,
    { id, kind: 'play-round', visibility: 'shared', parentId: null, remindAt: null, body: toB64(sealJson(body, spaceKey, scope)) },
    itemResponse,
  );
  if (created.ok) return ok(created.value.item);
  if (created.status !== 409) return created;
  const existing = await api.get(`${endpoints.items}/${encodeURIComponent(id)}`, itemResponse);
  return existing.ok ? ok(existing.value.item) : existing;
}

export type Play = ReturnType<typeof usePlay>;

export function usePlay(session: Unlocked, space: LoadedSpace, spark: SparkLevel | null) {
  const keys: ItemKeys = useMemo(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  const hasPartner = partnerOf(space) !== null;
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    const res = await listItemsOfKinds(LOADED_KINDS);
    if (!alive.current) return;
    if (res.ok) {
      setData(decode(res.value, keys, me));
      setError(null);
    } else setError(res.message);
  }, [keys, me]);

  useLiveReload(reload, undefined, alive, LOADED_KINDS);

  /** Makes sure a game has an open round, started now if there is none (by whichever partner comes first). */
  const start = useCallback(
    async (game: PlayGame): Promise<Result<unknown>> => {
      if (!space.key || !data) return err('no_key', 'The space key is not available on this device.');
      if (openRound(data.rounds, game)) return ok(undefined);
      const number = nextRoundNumber(data.rounds, game);
      const questionIds = pickRoundQuestions(space.key, game, usedQuestionIds(data.rounds, game), spark);
      const res = await writeRound(space.view.id, space.key, { game, number, questionIds });
      if (!res.ok) return res;
      await reload();
      return ok(undefined);
    },
    [space.key, space.view.id, data, spark, reload],
  );

  /** Keeps a round in progress (or the solo "about me" answers) privately on the account, so it waits without nagging. */
  const saveDraft = useCallback(
    async (roundId: string, answers: Record<string, number>, guesses: Record<string, number>): Promise<Result<unknown>> => {
      const body: PlayDraftRecord = { type: 'play-draft', roundId, answers, guesses };
      const had = data?.drafts.get(roundId);
      const res = had ? await updateItem(had.view, body, keys) : await createItem(space.view.id, 'private-record', 'private', body, keys);
      if (!res.ok) return res;
      setData((prev) => (prev ? { ...prev, drafts: new Map(prev.drafts).set(roundId, { view: res.value, body }) } : prev));
      return ok(undefined);
    },
    [data, keys, space.view.id],
  );

  /**
   * Finishes a round: the whole of my answers (and guesses) in one sealed item, then the
   * marker that tells the partner it is their turn. Answers first, so the marker never
   * promises something that is not there; a retry after a failure finds what landed.
   */
  const finish = useCallback(
    async (round: RoundView, answers: Record<string, number>, guesses: Record<string, number>): Promise<Result<unknown>> => {
      if (!round.mine) {
        const body = round.game === 'know-me' ? { answers, guesses } : { answers };
        const res = await createItem(space.view.id, 'play-answers', 'shared', body, keys, { parentId: round.id });
        if (!res.ok && res.code !== 'conflict') return res;
      }
      const marker = await createItem(space.view.id, 'play-finished', 'shared', {}, keys, { parentId: round.id });
      if (!marker.ok && marker.code !== 'conflict') return marker;
      const draft = data?.drafts.get(round.id);
      // The draft has done its work; if removing it fails it is only a stale private record.
      if (draft) await api.send('DELETE', `${endpoints.items}/${encodeURIComponent(draft.view.id)}`);
      await reload();
      return ok(undefined);
    },
    [space.view.id, keys, data, reload],
  );

  return { data, error, reload, start, saveDraft, finish, hasPartner, spark };
}
