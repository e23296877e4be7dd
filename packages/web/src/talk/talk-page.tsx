import { localDayKey } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { type LoadedSpace } from '../space/space.ts';
import { CheckinHistory } from './checkin-calendar.tsx';
import { useCheckins } from './checkin-data.ts';
import { CheckinForm } from './checkin-form.tsx';
import { SpaceGate } from '../space/space-gate.tsx';

/** Practice 1, Talk (DESIGN §2): the daily check-in, a way into "Talk it through", and the history. */
export function TalkPage({ session }: { session: Unlocked }) {

  return (
    <Page title="Talk">
      <p class="lead">Say how you feel, listen to each other, and find your way to compromises without blame.</p>
      <SpaceGate why="Check-ins are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.">{(space) => <TalkContent session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

function TalkContent({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const checkins = useCheckins(session, space);
  const todayKey = localDayKey(new Date(), session.user.timeZone) ?? '';
  const active = space.view.status === 'active';

  return (
    <>
      {active ? (
        <section class="card">
          <CheckinForm space={space} keys={checkins.keys} onAdded={checkins.add} />
        </section>
      ) : (
        <p class="muted">This space has ended, so there are no new check-ins. Your history is still here.</p>
      )}

      <section class="card" aria-labelledby="daily-question-link-heading">
        <h2 id="daily-question-link-heading">A question a day</h2>
        <p>One question for both of you each day. Answer privately; the answers open when you both have.</p>
        <Link href="/app/talk/question" class="button">
          Today's question
        </Link>
      </section>

      <section class="card talk-through" aria-labelledby="talk-through-heading">
        <h2 id="talk-through-heading">Something bigger to talk about?</h2>
        <p>
          Go through one topic together, step by step: each writes their side, you reflect back what you heard, then look for
          ideas and agree on something to try.
        </p>
        <Link href="/app/talk/topics" class="button">
          Talk it through
        </Link>
      </section>

      <ErrorMessage message={checkins.error} />
      {checkins.entries === null ? (
        checkins.loading ? (
          <Spinner label="Loading your check-ins…" />
        ) : null
      ) : (
        <CheckinHistory
          entries={checkins.entries}
          session={session}
          space={space}
          keys={checkins.keys}
          onAdded={checkins.add}
          todayKey={todayKey}
        />
      )}
    </>
  );
}
