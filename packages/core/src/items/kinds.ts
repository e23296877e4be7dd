import { z } from 'zod';
import { checkinBody, checkinHeardBody, checkinReplyBody } from '../talk/checkin.ts';
import {
  talkAgreementBody,
  talkIdeaBody,
  talkIdeaMarkBody,
  talkPauseBody,
  talkReflectionBody,
  talkResumeBody,
  talkSideBody,
  talkSideWrittenBody,
  talkTopicBody,
  talkVerdictBody,
} from '../talk/conversation.ts';

/**
 * Every kind of sealed item the store accepts. Each practice adds its kinds here,
 * with a rule (below) and a schema for the decrypted body, so the server (kind and
 * thread checks) and the web app (body validation after decryption) agree.
 */
export const ITEM_KINDS = [
  'note',
  'checkin',
  'checkin-heard',
  'checkin-reply',
  'talk-topic',
  'talk-side',
  'talk-side-written',
  'talk-reflection',
  'talk-verdict',
  'talk-idea',
  'talk-idea-mark',
  'talk-agreement',
  'talk-pause',
  'talk-resume',
] as const;
export type ItemKindName = (typeof ITEM_KINDS)[number];

/**
 * What the server enforces for a kind, from plaintext metadata alone.
 * - `parents`: the item must hang under an item of one of these kinds in the same
 *   space (a reply under a check-in, a side under a topic); without it the item must
 *   not have a parent.
 * - `onePerAuthor`: at most one item of this kind per author under one parent.
 * - `revealWhenBoth`: the partner cannot fetch it until they have written one of the
 *   same kind under the same parent ("both sides first"); the server withholds it,
 *   so a curious client cannot peek early.
 */
export type KindRule = {
  readonly visibilities: readonly ('shared' | 'private')[];
  readonly parents?: readonly ItemKindName[];
  readonly onePerAuthor?: boolean;
  readonly revealWhenBoth?: boolean;
};

const SHARED = ['shared'] as const;

export const ITEM_KIND_RULES = {
  note: { visibilities: ['shared', 'private'] },
  checkin: { visibilities: ['shared', 'private'] },
  'checkin-heard': { visibilities: SHARED, parents: ['checkin'], onePerAuthor: true },
  'checkin-reply': { visibilities: SHARED, parents: ['checkin'], onePerAuthor: true },
  'talk-topic': { visibilities: SHARED },
  'talk-side': { visibilities: SHARED, parents: ['talk-topic'], onePerAuthor: true, revealWhenBoth: true },
  // An empty marker "I have written my side", so the partner knows it is their turn while the side itself is withheld.
  'talk-side-written': { visibilities: SHARED, parents: ['talk-topic'], onePerAuthor: true },
  'talk-reflection': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-verdict': { visibilities: SHARED, parents: ['talk-reflection'], onePerAuthor: true },
  'talk-idea': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-idea-mark': { visibilities: SHARED, parents: ['talk-idea'], onePerAuthor: true },
  'talk-agreement': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-pause': { visibilities: SHARED, parents: ['talk-topic'] },
  'talk-resume': { visibilities: SHARED, parents: ['talk-topic'] },
} as const satisfies Record<ItemKindName, KindRule>;

export const kindRule = (kind: ItemKindName): KindRule => ITEM_KIND_RULES[kind];

/** Kinds the server withholds from the partner until both have written. */
export const REVEAL_WHEN_BOTH_KINDS: readonly ItemKindName[] = ITEM_KINDS.filter((k) => kindRule(k).revealWhenBoth === true);

export const noteBody = z.object({
  text: z.string().min(1).max(10_000),
});

export const ITEM_BODY_SCHEMAS = {
  note: noteBody,
  checkin: checkinBody,
  'checkin-heard': checkinHeardBody,
  'checkin-reply': checkinReplyBody,
  'talk-topic': talkTopicBody,
  'talk-side': talkSideBody,
  'talk-side-written': talkSideWrittenBody,
  'talk-reflection': talkReflectionBody,
  'talk-verdict': talkVerdictBody,
  'talk-idea': talkIdeaBody,
  'talk-idea-mark': talkIdeaMarkBody,
  'talk-agreement': talkAgreementBody,
  'talk-pause': talkPauseBody,
  'talk-resume': talkResumeBody,
} as const satisfies Record<ItemKindName, z.ZodType>;

export type NoteBody = z.infer<typeof noteBody>;

/** The body schema of any kind, for code that handles items of every kind (exports). */
export const bodySchemaOf = (kind: ItemKindName): z.ZodType<unknown> => ITEM_BODY_SCHEMAS[kind];
