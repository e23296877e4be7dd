import { z } from 'zod/mini';
import { b64Bytes } from './common.ts';
import { MATCH_DECKS, MATCH_TOKEN_BYTES } from '../matching/tokens.ts';
import { MAX_MATCH_CATEGORIES, MAX_MATCH_TOKENS } from '../matching/upload.ts';

/**
 * Blind matching over the wire (DESIGN §5.4, decision 0011). Tokens and category tags
 * are HMAC-SHA-256 outputs: exactly 43 base64url characters. The server learns, per
 * opaque category, the tokens and one bit ("this partner's yes-rate is over 90%") —
 * never item ids, category ids, counts of answers per level, or the rate itself.
 */
export const matchDeck = z.enum(MATCH_DECKS, { error: 'unknown deck' });
export const opaqueMatchToken = b64Bytes(MATCH_TOKEN_BYTES);

export const matchGroup = z.object({
  /** Opaque category tag (`categoryTag`). */
  category: opaqueMatchToken,
  /** Withhold this category's matches from me: my yes-rate in it is over the limit. */
  overYesLimit: z.boolean(),
  tokens: z.array(opaqueMatchToken).check(z.maxLength(MAX_MATCH_TOKENS)),
});

/** PUT semantics: an upload replaces the previous one for that deck, so a new "no" drops its tokens at once. */
export const matchUploadRequest = z
  .object({
    deck: matchDeck,
    groups: z.array(matchGroup).check(z.maxLength(MAX_MATCH_CATEGORIES)),
  })
  .check(
    z.superRefine((upload, ctx) => {
      const categories = new Set<string>();
      const tokens = new Set<string>();
      let total = 0;
      for (const group of upload.groups) {
        if (categories.has(group.category)) ctx.addIssue({ code: 'custom', message: 'each category may appear once', path: ['groups'] });
        categories.add(group.category);
        for (const token of group.tokens) {
          total += 1;
          // One token in two groups would let a client pick which grouping the server uses.
          if (tokens.has(token)) ctx.addIssue({ code: 'custom', message: 'each token may appear once', path: ['groups'] });
          tokens.add(token);
        }
      }
      if (total > MAX_MATCH_TOKENS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_MATCH_TOKENS} tokens in all`, path: ['groups'] });
    }),
  );

export const matchResultResponse = z.object({
  deck: matchDeck,
  /** Whether the partner has uploaded for this deck at all, so the app can say "waiting for them". */
  partnerUploaded: z.boolean(),
  /** Tokens both uploaded, minus withheld categories (`matchForViewer`). */
  tokens: z.array(opaqueMatchToken),
  /** Category tags withheld from the viewer; depends only on the viewer's own upload. */
  withheld: z.array(opaqueMatchToken),
});

export type MatchUploadRequest = z.infer<typeof matchUploadRequest>;
export type MatchResultResponse = z.infer<typeof matchResultResponse>;
