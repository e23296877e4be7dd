import {
  buildMatchUpload,
  deriveMatchKey,
  matchesFromTokens,
  type MatchAnswers,
  type MatchDeck,
  type Matches,
  type MatchItem,
  type Result,
} from '@hearth/core';
import { matchResultResponse } from '@hearth/core/api';
import { api } from './api.ts';
import { endpoints } from './endpoints.ts';

/**
 * Blind matching for any deck (ideas, desires): the device turns answers into opaque
 * tokens under a key derived from the space key, and turns what the server sends back
 * into matches. The server only ever holds tokens (DESIGN §5.4, decision 0011).
 */
export type DeckMatches = Matches & { readonly partnerUploaded: boolean };

/** Replaces my upload for the deck with tokens for these answers; a "no" drops its tokens (and match) at once. */
export async function uploadAnswers(
  spaceKey: Uint8Array,
  deck: MatchDeck,
  items: readonly MatchItem[],
  answers: MatchAnswers,
  labels?: ReadonlyMap<string, string>,
): Promise<Result<DeckMatches>> {
  const matchKey = deriveMatchKey(spaceKey);
  const upload = buildMatchUpload(matchKey, deck, items, answers);
  if (!upload.ok) return upload;
  const res = await api.put(endpoints.matching(deck), upload.value, matchResultResponse);
  if (!res.ok) return res;
  return { ok: true, value: { ...matchesFromTokens(matchKey, deck, items, answers, res.value.tokens, labels), partnerUploaded: res.value.partnerUploaded } };
}

/** The current matches for my answers, without uploading. */
export async function fetchMatches(
  spaceKey: Uint8Array,
  deck: MatchDeck,
  items: readonly MatchItem[],
  answers: MatchAnswers,
  labels?: ReadonlyMap<string, string>,
): Promise<Result<DeckMatches>> {
  const res = await api.get(endpoints.matching(deck), matchResultResponse);
  if (!res.ok) return res;
  const matchKey = deriveMatchKey(spaceKey);
  return { ok: true, value: { ...matchesFromTokens(matchKey, deck, items, answers, res.value.tokens, labels), partnerUploaded: res.value.partnerUploaded } };
}
