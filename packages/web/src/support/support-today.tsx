import { useRef } from 'preact/hooks';
import { localDayKey, WEEKLY_PROMPT, weeklyPromptDue } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { ThanksForm, ThanksList } from './appreciation.tsx';
import { formatDay, upcomingDates, whenText } from './key-dates.tsx';
import { partnerName, possessive } from './names.ts';
import { PlateCard } from './plate.tsx';
import type { useSupport } from './support-data.ts';
import { WinCard } from './wins.tsx';

/** Wins and thank-yous stay on Today this long; after that they live on the walls. */
const RECENT_MS = 7 * 86_400_000;

/**
 * Today's Support cards, in two parts that Today places apart: `waiting` is what the
 * partner is waiting on (their current challenges, with what they wish for and ways to
 * respond, and their wins still to celebrate); `later` is new thank-yous, the weekly
 * prompt on my chosen day, and key-date reminders that are due. Both parts share one
 * `useSupport` load, made by Today. Nothing to show: no cards.
 */
export function SupportToday({
  session,
  space,
  support,
  part,
}: {
  session: Unlocked;
  space: LoadedSpace;
  support: ReturnType<typeof useSupport>;
  part: 'waiting' | 'later';
}) {
  // A win stays on Today for this visit once celebrated, so the celebration shows where it was made.
  const celebrating = useRef(new Set<string>());
  const data = support.data;
  if (!data) return null;
  const me = session.user.id;
  const tz = session.user.timeZone;
  const partner = partnerName(space);
  const now = new Date();
  const recent = (createdAt: string) => now.getTime() - Date.parse(createdAt) < RECENT_MS;
  const active = space.view.status === 'active';

  const plates = active ? data.plates.filter((p) => p.item.authorId !== me && !p.body?.easedAt) : [];
  const wins = active
    ? data.wins.filter((w) => {
        if (w.item.authorId === me || !recent(w.item.createdAt)) return false;
        if (celebrating.current.has(w.item.id)) return true;
        if (w.celebrations.some((c) => c.item.authorId === me)) return false;
        celebrating.current.add(w.item.id);
        return true;
      })
    : [];
  const thanks = data.thanks.filter((t) => t.item.authorId !== me && recent(t.item.createdAt));
  const prompt = active && weeklyPromptDue(data.prefs?.body?.promptDay ?? null, data.thanks.map((t) => t.item), me, now, tz);
  const due = upcomingDates(data.dates, now, tz).filter((u) => u.due);
  const today = localDayKey(now, tz);

  if (part === 'waiting') {
    return (
      <>
        {plates.length > 0 ? (
        <section class="card support-today" aria-labelledby="plate-today-heading">
          <h2 id="plate-today-heading">On {possessive(partner)} plate</h2>
          {plates.map((p) => (
            <PlateCard key={p.item.id} entry={p} support={support} session={session} space={space} />
          ))}
        </section>
      ) : null}
      {wins.length > 0 ? (
        <section class="card support-today" aria-labelledby="wins-today-heading">
          <h2 id="wins-today-heading">A win to celebrate</h2>
          {wins.map((w) => (
            <WinCard key={w.item.id} entry={w} support={support} session={session} space={space} />
          ))}
        </section>
      ) : null}
      </>
    );
  }
  return (
    <>
      {thanks.length > 0 ? (
        <section class="card support-today" aria-labelledby="thanks-today-heading">
          <h2 id="thanks-today-heading">Thank-yous for you</h2>
          <ThanksList entries={thanks} session={session} space={space} />
          <p>
            <Link href="/app/support/thanks">Your appreciation wall</Link>
          </p>
        </section>
      ) : null}
      {prompt ? (
        <section class="card support-today" aria-labelledby="prompt-today-heading">
          <h2 id="prompt-today-heading">This week's thank-you</h2>
          <p>{WEEKLY_PROMPT.replace('they', partner)}</p>
          <ThanksForm support={support} space={space} label={`Thank ${partner}`} />
        </section>
      ) : null}
      {due.length > 0 ? (
        <section class="card support-today" aria-labelledby="dates-today-heading">
          <h2 id="dates-today-heading">Coming up</h2>
          <ul>
            {due.map((u) => (
              <li key={u.entry.item.id}>
                <strong>{u.entry.body?.title}</strong> is {whenText(u.daysUntil)}
                {u.occurrence === today ? '' : ` (${formatDay(u.occurrence)})`}
              </li>
            ))}
          </ul>
          <p>
            <Link href="/app/support/dates">Key dates</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
