import { calendarDateIn, zonedDateTimeToIso } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { partnerLabel, useDailyQuestion } from './question-data.ts';

/**
 * Today's card for the daily question: the question, whose turn it is, and the
 * in-app reminder once my chosen time has passed and I haven't answered. (There is no
 * push yet; the reminder's `remindAt` is stored for the notifications job.)
 */
export function QuestionToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const dq = useDailyQuestion(session, space, { create: true });
  if (!space.key || space.view.status !== 'active' || !dq.loaded) return null;
  const day = dq.current;
  const partner = partnerLabel(space);
  const zone = session.user.timeZone;
  const reminderAt = dq.reminderTime === null ? null : zonedDateTimeToIso(calendarDateIn(dq.now, zone), dq.reminderTime, zone);
  const due = reminderAt !== null && Date.parse(reminderAt) <= dq.now.getTime() && day !== null && day.mine === null;

  const status =
    day === null
      ? ''
      : day.revealed
        ? 'You have both answered — see each other’s answers'
        : day.mine
          ? `Waiting for ${partner}'s answer`
          : day.partnerAnswered
            ? `${partner} has answered — answer to see theirs`
            : 'Answer when you have a quiet moment';

  return (
    <section class="card dq-today-card" aria-labelledby="dq-today-heading">
      <h2 id="dq-today-heading">Today's question</h2>
      {due ? <p class="dq-reminder">It's your time for today's question.</p> : null}
      {day?.question ? <p class="dq-question">{day.question.text}</p> : null}
      {status ? <p class="muted">{status}</p> : null}
      <Link href="/app/talk/question" class="button">
        Open today's question
      </Link>
    </section>
  );
}
