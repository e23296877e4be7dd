import { useRef } from 'preact/hooks';
import { checkedInToday, waitingForHeard } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { lazyPart } from '../shared/lazy.tsx';
import { useCheckins, type CheckinEntry } from './checkin-data.ts';

/** Today shows the partner's check-ins from about the last week that still wait for a "heard you"; older ones stay in the history. */
const WAITING_DAYS = 7;
/** And one's own shared check-ins of the last two days, to see that they were heard. */
const OWN_RECENT_HOURS = 48;

// A card's "heard you" and reply code comes only when there is a check-in to show, so a first Today stays small (issue 19).
const CheckinCard = lazyPart({ loading: 'Opening the check-in…', failed: "This check-in couldn't be downloaded." }, () =>
  import('./checkin-card.tsx').then((m) => m.CheckinCard),
);

/**
 * The check-in card on Today: a prompt to check in if I haven't today, the partner's
 * shared check-ins waiting for my "heard you" (with a reply), and whether mine were heard.
 */
export function CheckinToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const checkins = useCheckins(session, space);
  const me = session.user.id;
  const partner = partnerOf(space);
  // A check-in stays on the card after "Heard you" until the next visit, so a reply can follow.
  const shown = useRef(new Set<string>());

  if (!space.key || space.view.status !== 'active') return null;
  const entries = checkins.entries;
  const now = new Date();

  let waiting: CheckinEntry[] = [];
  let mineRecent: CheckinEntry[] = [];
  let doneToday = false;
  if (entries !== null) {
    const heard = checkins.items?.heard ?? [];
    const since = new Date(now.getTime() - WAITING_DAYS * 86_400_000);
    const open = waitingForHeard(
      entries.map((e) => ({ ...e.item, entry: e })),
      heard,
      me,
      since,
    );
    for (const c of open) shown.current.add(c.id);
    waiting = entries.filter((e) => shown.current.has(e.item.id));
    const recent = now.getTime() - OWN_RECENT_HOURS * 3_600_000;
    mineRecent = entries.filter((e) => e.item.authorId === me && e.item.visibility === 'shared' && Date.parse(e.item.createdAt) >= recent);
    doneToday = checkedInToday(
      entries.map((e) => e.item),
      me,
      now,
      session.user.timeZone,
    );
  }

  return (
    <section class="card checkin-today" aria-labelledby="checkin-today-heading">
      <h2 id="checkin-today-heading">Check-ins</h2>
      <ErrorMessage message={checkins.error} />
      {entries === null ? (
        checkins.loading ? <p class="muted">Loading check-ins…</p> : null
      ) : (
        <>
          {doneToday ? (
            <p>
              You've checked in today. <Link href="/app/talk/history">See your check-ins</Link>
            </p>
          ) : (
            <p class="prompt">
              <span>How are you today?</span>
              <Link href="/app/talk/check-in" class="button primary">
                Check in today
              </Link>
            </p>
          )}
          {partner ? null : <p class="hint">Your partner will see the check-ins you share once they join.</p>}
          {waiting.length > 0 ? (
            <ul class="checkin-list" aria-label={`From ${partner?.name ?? 'your partner'}`}>
              {waiting.map((e) => (
                <li key={e.item.id}>
                  <CheckinCard entry={e} session={session} space={space} keys={checkins.keys} onAdded={checkins.add} showDate />
                </li>
              ))}
            </ul>
          ) : null}
          {mineRecent.length > 0 ? (
            <ul class="checkin-list" aria-label="Your recent check-ins">
              {mineRecent.map((e) => (
                <li key={e.item.id}>
                  <CheckinCard entry={e} session={session} space={space} keys={checkins.keys} onAdded={checkins.add} showDate />
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
