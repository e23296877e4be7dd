import { offerReconnectOnToday } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { useProgramme } from './programme-data.ts';

/**
 * Today's Reconnect card: an offer before anyone started, a gentle invitation once the
 * partner has (never a push naming the programme), and this week's progress after.
 */
export function ProgrammeToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const programme = useProgramme(session, space);
  const data = programme.data;
  if (data === null || !space.key) return null;
  const { view } = data;
  const partnerName = partnerOf(space)?.name ?? 'Your partner';
  const week = view.weeks[view.current - 1];
  let title = 'Reconnect';
  let line: string;
  let action = 'Open Reconnect';
  if (view.status === 'not-started') {
    // Offered in Help from the first day; on Today only after a few, so an empty first Today stays short (issue 19).
    const me = space.view.members.find((m) => m.isMe);
    if (me === undefined || !offerReconnectOnToday(me.joinedAt, new Date())) return null;
    line = 'Six weeks, one practice a week, about 20 minutes a week each.';
    action = 'Take a look';
  } else if (view.status === 'invited') {
    line = `${partnerName} started Reconnect. Join when you are ready.`;
    action = 'See what it is';
  } else if (view.status === 'finished') {
    line = 'You finished all six weeks. Your check-up is waiting.';
  } else if (view.status === 'paused') {
    line = 'Paused. Resume whenever you like.';
  } else if (week !== undefined) {
    title = `Reconnect · week ${week.week}`;
    const done = week.exercises.filter((e) => e.mine !== null).length;
    const previous = view.weeks[view.current - 2];
    if (week.doneByMe) line = `Week ${week.week} complete.`;
    else if (done === 0 && previous?.doneByMe === true) line = `Week ${previous.week} complete. Week ${week.week} is open: ${week.title}.`;
    else line = `${week.title}: ${done} of 3 done.`;
    if (view.pickUp !== null) line += ` Pick up week ${view.pickUp} where you left off.`;
  } else {
    line = '';
  }
  return (
    <section class="card programme-today" aria-labelledby="programme-today-heading">
      <h2 id="programme-today-heading">{title}</h2>
      <p class="prompt">
        <span>{line}</span>
        <Link href="/app/help/reconnect" class="button">
          {action}
        </Link>
      </p>
    </section>
  );
}
