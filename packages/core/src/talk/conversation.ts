import { z } from 'zod/mini';

/**
 * "Talk it through" (DESIGN §2, practice 1): one topic, and under it each partner's
 * side (withheld by the server until both are written), reflections ("what I heard")
 * with the author's verdict, ideas with "I could live with this" marks, an agreement
 * with a follow-up date, and pauses.
 */
export const talkTopicBody = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  why: z.string().check(z.trim(), z.maxLength(2000)),
});

export const talkSideBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) });

/**
 * "I have written my side": an empty marker next to the side. The side itself is
 * withheld from the partner until they write theirs, so without this the partner
 * could not know that it is their turn. It says only that, never what.
 */
export const talkSideWrittenBody = z.object({});

/** What one partner understood of the other's side. */
export const talkReflectionBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(3000)) });

/** The side's author answers a reflection: "yes, that's it" or "not quite" with a correction. */
export const talkVerdictBody = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('yes') }),
  z.object({ verdict: z.literal('not-quite'), correction: z.string().check(z.trim(), z.minLength(1), z.maxLength(3000)) }),
]);

export const talkIdeaBody = z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });

export const talkIdeaMarkBody = z.object({ canLiveWith: z.boolean() });

export const talkAgreementBody = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(3000)),
  followUpOn: z.iso.date(),
});

/** "Let's take a break and come back at …": flooding is real, and a pause is a skill, not a failure. */
export const talkPauseBody = z.object({
  until: z.iso.datetime({ offset: true }),
  note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
});

export const talkResumeBody = z.object({});

export type TalkTopicBody = z.infer<typeof talkTopicBody>;
export type TalkSideBody = z.infer<typeof talkSideBody>;
export type TalkSideWrittenBody = z.infer<typeof talkSideWrittenBody>;
export type TalkReflectionBody = z.infer<typeof talkReflectionBody>;
export type TalkVerdictBody = z.infer<typeof talkVerdictBody>;
export type TalkIdeaBody = z.infer<typeof talkIdeaBody>;
export type TalkIdeaMarkBody = z.infer<typeof talkIdeaMarkBody>;
export type TalkAgreementBody = z.infer<typeof talkAgreementBody>;
export type TalkPauseBody = z.infer<typeof talkPauseBody>;
export type TalkResumeBody = z.infer<typeof talkResumeBody>;
