import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import {
  desireAnswersMap,
  buildDesireUpload,
  deriveMatchKey,
  desireMatches,
  err,
  ok,
  privateRecordBody,
  type DesireLevel,
  type MatchAnswer,
  type Matches,
  type Result,
} from '@hearth/core';
import { matchResultResponse, type ItemView, type MatchResultResponse } from '@hearth/core/api';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { createItem, listItems, openItem, updateItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { useLiveReload } from '../shared/use-live-reload.ts';
import type { LoadedSpace } from '../space/space.ts';

/** Desires are private records of mine; the partner's answers reach me as a match upload. */
const DESIRE_TOPICS = ['private-record', 'match:desires'] as const;

/**
 * The desire list on this device (decision 0036): my answers live in one
 * `private-record` sealed under my personal key; the server gets only the blind-matching
 * upload for the effective level and answers with tokens both uploaded. Every change
 * re-uploads the whole deck, so a changed "no" removes its match at once.
 */
export type DesiresState = {
  readonly answers: ReadonlyMap<string, MatchAnswer>;
  readonly matches: Matches;
  readonly partnerUploaded: boolean;
};

type Stored = { readonly view: ItemView | null; readonly answers: Map<string, MatchAnswer> };

async function loadAnswers(keys: ItemKeys, me: string): Promise<Result<Stored>> {
  const records = await listItems('private-record');
  if (!records.ok) return records;
  let found: { view: ItemView; answers: Map<string, MatchAnswer> } | null = null;
  for (const view of records.value) {
    if (view.authorId !== me) continue;
    const opened = openItem(view, keys, privateRecordBody);
    if (!opened.ok || opened.value.type !== 'desire-answers') continue;
    // One record is kept; if a retry ever made two, the latest change wins.
    if (found === null || view.updatedAt > found.view.updatedAt) found = { view, answers: desireAnswersMap(opened.value) };
  }
  return ok(found ?? { view: null, answers: new Map() });
}

export function useDesires(session: Unlocked, space: LoadedSpace, level: DesireLevel, pollMs?: number) {
  const keys = useMemo<ItemKeys>(() => ({ spaceKey: space.key, personalKey: session.keys.personalKey }), [space.key, session.keys]);
  const me = session.user.id;
  const [state, setState] = useState<DesiresState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stored = useRef<Stored>({ view: null, answers: new Map() });
  const alive = useRef(true);
  const writes = useRef(0);
  /** The level my current upload was made at, so polling only reads unless the level changed. */
  const uploadedAt = useRef<DesireLevel | null>(null);

  const show = useCallback(
    (answers: Map<string, MatchAnswer>, result: MatchResultResponse) => {
      if (!space.key) return;
      const matches = desireMatches(deriveMatchKey(space.key), level, answers, result.tokens);
      setState({ answers: new Map(answers), matches, partnerUploaded: result.partnerUploaded });
    },
    [space.key, level],
  );

  const upload = useCallback(
    async (answers: Map<string, MatchAnswer>): Promise<Result<MatchResultResponse>> => {
      if (!space.key) return err('no_key', 'The space key is not available on this device.');
      const built = buildDesireUpload(deriveMatchKey(space.key), level, answers);
      if (!built.ok) return built;
      return api.put(endpoints.matching('desires'), built.value, matchResultResponse);
    },
    [space.key, level],
  );

  const reload = useCallback(async () => {
    const startedAt = writes.current;
    const loaded = await loadAnswers(keys, me);
    if (!alive.current || writes.current !== startedAt) return;
    if (!loaded.ok) return setError(loaded.message);
    stored.current = loaded.value;
    // Re-uploading on open (and whenever the level changes) keeps the server's tokens at the
    // current level: if it went down, tokens for ideas above it go now, not at the next answer.
    const reupload = loaded.value.answers.size > 0 && uploadedAt.current !== level;
    const res = reupload ? await upload(loaded.value.answers) : await api.get(endpoints.matching('desires'), matchResultResponse);
    if (!alive.current || writes.current !== startedAt) return;
    if (!res.ok) return setError(res.message);
    if (reupload) uploadedAt.current = level;
    setError(null);
    show(loaded.value.answers, res.value);
  }, [keys, me, level, upload, show]);

  useLiveReload(reload, pollMs, alive, DESIRE_TOPICS);

  /** Saves my answer privately, then replaces my upload; a "no" drops the match immediately. */
  const answer = useCallback(
    async (id: string, value: MatchAnswer): Promise<Result<void>> => {
      writes.current += 1;
      const answers = new Map(stored.current.answers);
      answers.set(id, value);
      const body = { type: 'desire-answers', answers: Object.fromEntries(answers) } as const;
      const current = stored.current.view;
      const saved = current
        ? await updateItem(current, body, keys)
        : await createItem(space.view.id, 'private-record', 'private', body, keys);
      if (!saved.ok) return saved;
      stored.current = { view: saved.value, answers };
      const res = await upload(answers);
      if (!res.ok) return res;
      uploadedAt.current = level;
      if (alive.current) show(answers, res.value);
      return ok(undefined);
    },
    [keys, space.view.id, level, upload, show],
  );

  return { state, error, answer, reload };
}
