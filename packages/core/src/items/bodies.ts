import type { z } from 'zod/mini';
import { noteBody, type ItemKindName } from './kinds.ts';
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
import {
  questionAnswerBody,
  questionAnsweredBody,
  questionCommentBody,
  questionDayBody,
  questionPrefsBody,
  questionReactionBody,
  questionReminderBody,
} from '../daily-question/bodies.ts';
import { helpShareBody, privateRecordBody } from '../help/records.ts';
import {
  supportCelebrationBody,
  supportKeyDateBody,
  supportPlateBody,
  supportPrefsBody,
  supportResponseBody,
  supportThanksBody,
  supportWinBody,
} from '../support/bodies.ts';
import { togetherMarkBody, togetherPlanBody } from '../together/bodies.ts';
import { togetherIdeaBody } from '../together/deck.ts';
import { togetherFirstBody } from '../together/firsts.ts';
import { togetherInterestBody, togetherPrivateBody } from '../together/interests.ts';
import { sparkRhythmBody, sparkWishBandBody, sparkWishRevealBody } from '../spark/rhythm.ts';
import { programmeReminderBody } from '../programme/bodies.ts';
import { playAnswersBody, playFinishedBody, playRoundBody } from '../play/bodies.ts';
import { sparkMessageBody, sparkReactionBody, sparkReplyBody, sparkSteerBody } from '../spark/bodies.ts';

/**
 * The schema of each kind's decrypted body, for code that handles items of every kind
 * (exports, imports, Our week). Apart from the kinds and their rules so that a screen
 * which only needs the kind list does not download every practice's schemas (decision 0046).
 */
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
  'daily-question-day': questionDayBody,
  'daily-question-answer': questionAnswerBody,
  'daily-question-answered': questionAnsweredBody,
  'daily-question-reaction': questionReactionBody,
  'daily-question-comment': questionCommentBody,
  'daily-question-prefs': questionPrefsBody,
  'daily-question-reminder': questionReminderBody,
  'private-record': privateRecordBody,
  'help-share': helpShareBody,
  'support-plate': supportPlateBody,
  'support-response': supportResponseBody,
  'support-win': supportWinBody,
  'support-celebration': supportCelebrationBody,
  'support-date': supportKeyDateBody,
  'support-thanks': supportThanksBody,
  'support-prefs': supportPrefsBody,
  'together-ritual': togetherPlanBody,
  'together-date': togetherPlanBody,
  'together-mark': togetherMarkBody,
  'together-idea': togetherIdeaBody,
  'together-first': togetherFirstBody,
  'together-interest': togetherInterestBody,
  'together-private': togetherPrivateBody,
  'spark-rhythm': sparkRhythmBody,
  'spark-wish-band': sparkWishBandBody,
  'spark-wish-reveal': sparkWishRevealBody,
  'spark-message': sparkMessageBody,
  'spark-reply': sparkReplyBody,
  'spark-reaction': sparkReactionBody,
  'spark-steer': sparkSteerBody,
  'programme-reminder': programmeReminderBody,
  'play-round': playRoundBody,
  'play-answers': playAnswersBody,
  'play-finished': playFinishedBody,
} as const satisfies Record<ItemKindName, z.core.$ZodType>;

/** The body schema of any kind, for code that handles items of every kind (exports). */
export const bodySchemaOf = (kind: ItemKindName): z.core.$ZodType<unknown> => ITEM_BODY_SCHEMAS[kind];
