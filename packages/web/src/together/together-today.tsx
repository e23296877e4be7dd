import { describeRecurrence } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { formatOccurrence } from './format.ts';
import { upcomingPlans } from './rituals-section.tsx';
import { usePlans } from './together-data.ts';

/** Today's Together card: the next ritual or date, for both partners. Nothing planned: no card. */
export function TogetherToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const { plans } = usePlans(session, space);
  if (!plans) return null;
  const [next] = upcomingPlans(plans, new Date());
  if (!next?.plan.body || !next.plan.schedule) return null;
  const { plan } = next;
  const body = next.plan.body;
  return (
    <section class="card together-today" aria-labelledby="together-today-heading">
      <h2 id="together-today-heading">Next time together</h2>
      <p>
        <strong>{body.title}</strong>
        {body.place ? ` · ${body.place}` : ''}
      </p>
      <p>
        <time dateTime={next.next.start.toISOString()}>{formatOccurrence(next.next.start, session.user.timeZone)}</time>
        {plan.kind === 'together-ritual' ? ` · ${describeRecurrence(plan.schedule?.rrule ?? null)}` : ''}
      </p>
      <Link href="/app/together">All rituals and dates</Link>
    </section>
  );
}
