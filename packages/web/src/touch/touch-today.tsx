import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { partnerName } from '../support/names.ts';
import { NudgeCard } from './nudge-card.tsx';
import { isOpen, useTouch } from './touch-data.ts';

/** Today's Touch card: the nudge waiting for an answer, if any. Nothing open: no card. */
export function TouchToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const touch = useTouch();
  const current = touch.data?.today.filter((n) => n.state === 'delivered').at(-1) ?? touch.data?.today.find(isOpen);
  if (!current || space.view.status !== 'active') return null;
  return (
    <section class="card touch-today" aria-labelledby="touch-today-heading">
      <h2 id="touch-today-heading">A small moment</h2>
      <NudgeCard nudge={current} touch={touch} partner={partnerName(space)} timeZone={session.user.timeZone} />
      <p>
        <Link href="/app/touch">Touch</Link>
      </p>
    </section>
  );
}
