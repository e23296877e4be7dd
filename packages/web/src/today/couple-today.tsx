import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { CheckinToday } from '../talk/checkin-today.tsx';
import { TopicsToday } from '../talk/topics-today.tsx';
import { HelpToday } from '../help/help-today.tsx';
import { QuestionToday } from '../daily-question/question-today.tsx';
import { SupportToday } from '../support/support-today.tsx';
import { useSupport } from '../support/support-data.ts';
import { TogetherToday } from '../together/together-today.tsx';
import { InterestsToday } from '../together/interests-today.tsx';
import { TouchToday } from '../touch/touch-today.tsx';
import { ProgrammeToday } from '../programme/programme-today.tsx';
import { PlayToday } from '../play/play-today.tsx';

/**
 * Today for a couple, in order of what matters: what the partner is waiting on first
 * (their side of a conversation, a challenge shared, a win to celebrate), then today's
 * check-in and question, then what is coming up, then the week's gentler prompts.
 * Fetched the first time a couple's Today is shown, so someone still waiting for their
 * partner does not download cards they cannot use yet (decision 0046).
 */
export function CoupleToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const support = useSupport(session, space);
  return (
    <>
      <TopicsToday session={session} space={space} />
      <SupportToday session={session} space={space} support={support} part="waiting" />
      <CheckinToday session={session} space={space} />
      <QuestionToday session={session} space={space} />
      <PlayToday session={session} space={space} />
      <TogetherToday session={session} space={space} />
      <TouchToday session={session} space={space} />
      <SupportToday session={session} space={space} support={support} part="later" />
      <InterestsToday session={session} space={space} />
      <ProgrammeToday session={session} space={space} />
      <HelpToday session={session} space={space} />
    </>
  );
}
