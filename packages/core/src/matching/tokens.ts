import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toB64, utf8ToBytes } from '../bytes.ts';
import { deriveKey } from '../crypto/kdf.ts';

/**
 * Blind matching, DESIGN §5.4 and decision 0011. Each partner turns their own answers
 * into opaque tokens; the server keeps only tokens and hands back the ones both
 * uploaded. Only someone holding the space key can say which item a token stands for.
 */

export const MATCH_DECKS = ['ideas', 'desires'] as const;
export type MatchDeck = (typeof MATCH_DECKS)[number];

export const MATCH_ANSWERS = ['yes', 'maybe', 'no'] as const;
export type MatchAnswer = (typeof MATCH_ANSWERS)[number];

/** "yes" matches only "yes"; "maybe-or-yes" matches any pair of yes/maybe answers. */
export const MATCH_LEVELS = ['yes', 'maybe-or-yes'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

/** HMAC-SHA-256 output, unpadded base64url: 32 bytes → 43 characters. */
export const MATCH_TOKEN_BYTES = 32;
export const MATCH_TOKEN_LENGTH = 43;

/** One key for all matching in a space; the label keeps it independent of every other use of the space key. */
export function deriveMatchKey(spaceKey: Uint8Array): Uint8Array {
  return deriveKey(spaceKey, 'hearth/match');
}

/**
 * The HMAC input is a list of fields, each a 4-byte big-endian byte length followed by
 * its UTF-8 bytes. Length prefixes make the encoding unambiguous for any id (no
 * separator can be smuggled in: ("a|b","c") and ("a","b|c") encode differently).
 * The first field says what the MAC is for ("item" or "category"), so an item token
 * can never equal a category tag; the deck is a field too, so the same id in the
 * ideas deck and the desire list gives unrelated tokens.
 */
function encodeFields(fields: readonly string[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const field of fields) {
    const bytes = utf8ToBytes(field);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, false);
    parts.push(length, bytes);
  }
  return concatBytes(...parts);
}

function mac(matchKey: Uint8Array, fields: readonly string[]): string {
  return toB64(hmac(sha256, matchKey, encodeFields(fields)));
}

/** Token for item `itemId` at `level`: HMAC(matchKey, "item" ‖ deck ‖ itemId ‖ level), fields length-prefixed. */
export function matchToken(matchKey: Uint8Array, deck: MatchDeck, itemId: string, level: MatchLevel): string {
  return mac(matchKey, ['item', deck, itemId, level]);
}

/** Levels an answer uploads: yes → both, maybe → only maybe-or-yes, no → none (the server cannot tell "no" from "not answered"). */
export function levelsForAnswer(answer: MatchAnswer): readonly MatchLevel[] {
  switch (answer) {
    case 'yes':
      return MATCH_LEVELS;
    case 'maybe':
      return ['maybe-or-yes'];
    case 'no':
      return [];
  }
}

export function tokensForAnswer(matchKey: Uint8Array, deck: MatchDeck, itemId: string, answer: MatchAnswer): string[] {
  return levelsForAnswer(answer).map((level) => matchToken(matchKey, deck, itemId, level));
}

/**
 * Opaque name for a category, so the server can group tokens (and withhold a group,
 * §5.4's 90% rule) without learning which category it is. Both partners derive the
 * same tag from the shared space key.
 */
export function categoryTag(matchKey: Uint8Array, deck: MatchDeck, categoryId: string): string {
  return mac(matchKey, ['category', deck, categoryId]);
}
