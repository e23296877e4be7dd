import { useCallback } from 'preact/hooks';
import {
  err,
  nextRoundNumber,
  ok,
  openRound,
  pickRoundQuestions,
  playRoundId,
  toB64,
  usedQuestionIds,
  type PlayDraftRecord,
  type PlayGame,
  type PlayRoundBody,
  type Result,
  type RoundView,
  type SparkLevel,
} from '@hearth/core';
import { itemResponse, type ItemView } from '@hearth/core/api';
import { sealJson } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, deleteItem, updateItem } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { usePlayRounds } from './play-load.ts';

/** The writes a round makes (issue 22): start one, keep it going privately, finish it. */

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

/** Play's screens: the rounds and drafts, and the writes a round makes. */
export function usePlay(session: Unlocked, space: LoadedSpace, spark: SparkLevel | null) {
  const { data, setData, error, reload, keys } = usePlayRounds(session, space, true);
  const hasPartner = partnerOf(space) !== null;

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
      if (draft) await deleteItem(draft.view);
      await reload();
      return ok(undefined);
    },
    [space.view.id, keys, data, reload],
  );

  return { data, error, reload, start, saveDraft, finish, hasPartner, spark };
}
