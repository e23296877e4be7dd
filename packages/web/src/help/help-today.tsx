import { useState } from 'preact/hooks';
import { pulseDue } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { asked, myPulses, useHelp } from './help-data.ts';

/**
 * Today's Help card: the monthly pulse reminder (in-app for now: there is no push yet,
 * and a `remindAt` on a private record would set pulses apart from other private
 * records on the server) and a partner's ask to see a counselor. It never mentions
 * the private safety check. Nothing to show: no card.
 */
export function HelpToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const help = useHelp(session, space);
  const [now] = useState(() => new Date());
  const data = help.data;
  if (!data) return null;
  const me = session.user.id;
  const mine = myPulses(data);
  const last = mine[mine.length - 1];
  const partner = partnerOf(space);
  const lines: { key: string; text: string; href: string }[] = [];
  // Only once someone has taken a first pulse: the reminder is "about once a month", not a nag on day one.
  if (last && pulseDue(last.body.takenAt, now)) lines.push({ key: 'pulse', text: 'It has been a month: take your relationship pulse', href: '/app/help/pulse' });
  if (partner && asked(data, (a) => a !== me) && !asked(data, (a) => a === me)) {
    lines.push({ key: 'ask', text: `${partner.name ?? 'Your partner'} would like the two of you to see a counselor`, href: '/app/help' });
  }
  if (lines.length === 0) return null;
  return (
    <section class="card help-today" aria-labelledby="help-today-heading">
      <h2 id="help-today-heading">Help</h2>
      <ul>
        {lines.map((l) => (
          <li key={l.key}>
            <Link href={l.href}>{l.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
