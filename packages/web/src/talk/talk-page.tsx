import { checkedInToday, localDayKey } from '@hearth/core';
import { CalendarDays, MessagesSquare, MessageCircleQuestion } from 'lucide-preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { ToolList, type Tool } from '../ui/tool-list.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { type LoadedSpace } from '../space/space.ts';
import { SpaceGate } from '../space/space-gate.tsx';
import { CheckinHistory } from './checkin-calendar.tsx';
import { CheckinCard } from './checkin-card.tsx';
import { useCheckins } from './checkin-data.ts';
import { CheckinForm } from './checkin-form.tsx';
import { Intro } from '../ui/intro.tsx';

const TALK_TOOLS: readonly Tool[] = [
  { href: '/app/talk/question', name: "Today's question", description: 'One question a day; your answers open when you both have.', icon: MessageCircleQuestion },
  { href: '/app/talk/topics', name: 'Talk it through', description: 'Something bigger: each side, what you heard, something to try.', icon: MessagesSquare },
  { href: '/app/talk/history', name: 'Check-in history', description: 'Your month of moods, day by day.', icon: CalendarDays },
];

const WHY = 'Check-ins are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.';
/** The hub shows this many of the latest check-ins; the rest are in the history. */
const RECENT = 3;

/**
 * Practice 1, Talk (DESIGN §2), as a hub (issue 19): where the two of you are today and
 * the next thing to do first, then a way into each tool, then the latest check-ins.
 */
export function TalkPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Talk">
      <Intro art="talk">Say how you feel, listen to each other, and find your way to compromises without blame.</Intro>
      <SpaceGate why={WHY}>{(space) => <TalkHub session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

function TalkHub({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const checkins = useCheckins(session, space);
  const active = space.view.status === 'active';
  const entries = checkins.entries;
  const done = entries !== null && checkedInToday(entries.map((e) => e.item), session.user.id, new Date(), session.user.timeZone);

  return (
    <>
      <section class="card hero" aria-labelledby="talk-checkin-heading">
        <h2 id="talk-checkin-heading">{done ? "You've checked in today" : 'How are you feeling?'}</h2>
        {active ? (
          <>
            <p>{done ? 'Another moment worth saying? You can check in again.' : 'A mood, a few words and what you need: it takes a minute.'}</p>
            <Link href="/app/talk/check-in" class={done ? 'button' : 'button primary'}>
              {done ? 'Check in again' : 'Check in'}
            </Link>
          </>
        ) : (
          <p class="muted">This space has ended, so there are no new check-ins. Your history is still here.</p>
        )}
      </section>

      <ToolList label="Talk tools" tools={TALK_TOOLS} />

      <ErrorMessage message={checkins.error} />
      {entries === null ? (
        checkins.loading ? (
          <Spinner label="Loading your check-ins…" />
        ) : null
      ) : entries.length > 0 ? (
        <section aria-labelledby="talk-recent-heading">
          <h2 id="talk-recent-heading">Recent check-ins</h2>
          <ul class="checkin-list">
            {[...entries]
              .sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt))
              .slice(0, RECENT)
              .map((e) => (
                <li key={e.item.id}>
                  <CheckinCard entry={e} session={session} space={space} keys={checkins.keys} onAdded={checkins.add} showDate />
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The check-in itself, its own screen (issue 19): four taps from Today. */
export function CheckinPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Check in">
      <SpaceGate why={WHY}>{(space) => <CheckinScreen session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

function CheckinScreen({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const checkins = useCheckins(session, space);
  const [saved, setSaved] = useState<{ id: string; message: string } | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The form is gone once saved: move focus to what replaced it, so a keyboard or screen-reader user is not left nowhere.
    if (saved) doneHeading.current?.focus();
  }, [saved]);
  if (space.view.status !== 'active') return <p class="muted">This space has ended, so there are no new check-ins.</p>;
  const entry = saved ? checkins.entries?.find((e) => e.item.id === saved.id) : undefined;
  return (
    <>
      {/* In the page from the start, so the message is announced when it arrives. */}
      <p class="status" role="status">
        {saved?.message ?? ''}
      </p>
      {saved ? (
        <section class="stack" aria-labelledby="checkin-done-heading">
          <h2 id="checkin-done-heading" ref={doneHeading} tabIndex={-1}>
            Your check-in
          </h2>
          {entry ? <CheckinCard entry={entry} session={session} space={space} keys={checkins.keys} onAdded={checkins.add} showDate /> : null}
          <div class="actions">
            <Link href="/app/today" class="button primary">
              Back to Today
            </Link>
            <button type="button" onClick={() => setSaved(null)}>
              Check in again
            </button>
          </div>
        </section>
      ) : (
        <>
          <CheckinForm
            space={space}
            keys={checkins.keys}
            onSaved={(item, message) => {
              checkins.add(item);
              setSaved({ id: item.id, message });
            }}
          />
          <p class="screen-foot">
            <Link href="/app/talk/history">See your check-ins</Link>
          </p>
        </>
      )}
    </>
  );
}

/** The month calendar of moods, opened from the Talk hub. */
export function CheckinHistoryPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Check-in history">
      <SpaceGate why={WHY}>{(space) => <HistoryScreen session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

function HistoryScreen({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const checkins = useCheckins(session, space);
  const todayKey = localDayKey(new Date(), session.user.timeZone) ?? '';
  return (
    <>
      <ErrorMessage message={checkins.error} />
      {checkins.entries === null ? (
        checkins.loading ? (
          <Spinner label="Loading your check-ins…" />
        ) : null
      ) : (
        <CheckinHistory entries={checkins.entries} session={session} space={space} keys={checkins.keys} onAdded={checkins.add} todayKey={todayKey} />
      )}
    </>
  );
}
