import { DeviceOffer } from '../device/device-offer.tsx';
import { ok } from '@hearth/core';
import { Notes } from '../notes/notes.tsx';
import { PRACTICES } from '../practices/practices.ts';
import { iconFor } from '../shell/destinations.ts';
import { lazyPart } from '../shared/lazy.tsx';
import { Link, navigate } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner, useAction } from '../shared/ui.tsx';
import { useLiveReload } from '../shared/use-live-reload.ts';
import { createSpace, loadSpaceForToday, partnerOf, useSpace, WAITING_POLL_MS, type LoadedSpace } from '../space/space.ts';
import { unreadStore } from '../notifications/notifications-data.ts';
import { CheckinToday } from '../talk/checkin-today.tsx';
import { HelpToday } from '../help/help-today.tsx';
import { ProgrammeToday } from '../programme/programme-today.tsx';

// Only what someone waiting for their partner sees comes with Today; the rest is fetched when shown (decision 0046).
const CoupleToday = lazyPart(
  { loading: "Loading today's cards…", failed: "Today's cards couldn't be downloaded." },
  () => import('./couple-today.tsx').then((m) => m.CoupleToday),
);
const EndedSpace = lazyPart(
  { loading: 'Opening…', failed: "This part of Hearth couldn't be downloaded." },
  () => import('./ended-space.tsx').then((m) => m.EndedSpace),
);

function greeting(timeZone: string): string {
  let hour = new Date().getHours();
  try {
    hour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(new Date()));
  } catch {
    // Unknown zone on this device: local time is close enough for a greeting.
  }
  if (hour < 5) return 'Hello';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

async function refreshToday(): Promise<void> {
  const { unread } = await loadSpaceForToday();
  if (unread !== null) unreadStore.set(unread);
}

export function Today({ session }: { session: Unlocked }) {
  const state = useSpace();
  const name = session.displayName ?? 'there';

  const waiting = state.status === 'ready' && state.space.view.status === 'active' && !partnerOf(state.space);
  useLiveReload(refreshToday, waiting ? WAITING_POLL_MS : undefined);

  return (
    <Page title="Today" heading={`${greeting(session.user.timeZone)}, ${name}`}>
      {state.status === 'ready' ? (
        <SpaceSummary session={session} space={state.space} />
      ) : state.status === 'none' ? (
        <NoSpace />
      ) : state.status === 'error' ? (
        <section class="card">
          <h2>Your space</h2>
          <ErrorMessage message={state.message} />
          <button type="button" onClick={() => void refreshToday()}>
            Try again
          </button>
        </section>
      ) : (
        <Spinner label="Loading your space…" />
      )}
      {state.status === 'ready' && state.space.key && state.space.view.status === 'active' ? (
        partnerOf(state.space) ? (
          <CoupleToday session={session} space={state.space} />
        ) : (
          <SoloToday session={session} space={state.space} />
        )
      ) : null}
      {/* After the day's own cards: a check-in or a first space comes before this device. */}
      <DeviceOffer />
      <Practices />
      {state.status === 'ready' && state.space.view.status === 'active' ? <Notes session={session} space={state.space} /> : null}
    </Page>
  );
}

function NoSpace() {
  const { run, busy, error } = useAction(async () => {
    const res = await createSpace();
    return res.ok ? ok(undefined) : res;
  });
  const onCreate = async () => {
    if (await run()) navigate('/app/invite');
  };
  return (
    <section class="card" aria-labelledby="space-heading">
      <h2 id="space-heading">Start your space</h2>
      <p>
        Hearth works best with both of you. Create your space, then send your partner an invitation. Until they join, you can
        still explore on your own.
      </p>
      <ErrorMessage message={error} />
      <button type="button" class="primary" onClick={() => void onCreate()} disabled={busy}>
        Create our space
      </button>
    </section>
  );
}

function SpaceSummary({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const partner = partnerOf(space);
  const me = session.displayName ?? 'You';

  if (space.view.status === 'ended') return <EndedSpace />;

  if (!space.key) {
    return (
      <section class="card" aria-labelledby="space-heading">
        <h2 id="space-heading">Your space</h2>
        <ErrorMessage message="This device couldn't open your space's key. Try signing out and in again." />
      </section>
    );
  }

  if (!partner) {
    return (
      <section class="card" aria-labelledby="space-heading">
        <h2 id="space-heading">Waiting for your partner</h2>
        <p>Your space is ready. Once your partner accepts your invitation, you'll see them here.</p>
        <Link href="/app/invite" class="button primary">
          Invite your partner
        </Link>
      </section>
    );
  }

  return (
    <section class="card couple" aria-labelledby="space-heading">
      <h2 id="space-heading">
        {me} &amp; {partner.name ?? 'your partner'}
      </h2>
      <p>
        You share this space. <Link href="/app/week">Our week</Link> looks back at your last seven days.
      </p>
    </section>
  );
}

/** Before the partner joins: what one person can already do, so the wait is not empty. */
function SoloToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  return (
    <>
      <CheckinToday session={session} space={space} />
      <section class="card" aria-labelledby="solo-heading">
        <h2 id="solo-heading">While you wait</h2>
        <p>Some of Hearth works for one. These are yours alone until your partner joins, and some stay private after.</p>
        <ul class="first-steps">
          {PRACTICES.filter((p) => p.firstStep.solo).map((p) => (
            <li key={p.slug}>
              <Link href={p.firstStep.href}>{p.firstStep.text}</Link>
            </li>
          ))}
          <li>
            <Link href="/guides">Read a guide on reconnecting after a rough patch</Link>
          </li>
        </ul>
      </section>
      <ProgrammeToday session={session} space={space} />
      <HelpToday session={session} space={space} />
    </>
  );
}

/**
 * The five practices as tiles, one tap into each hub. Before the partner joins, "While
 * you wait" above carries the first steps one person can take.
 */
function Practices() {
  return (
    <section class="practices" aria-labelledby="practices-heading">
      <h2 id="practices-heading">Practices</h2>
      <ul class="practice-tiles">
        {PRACTICES.map((p) => {
          const Icon = iconFor(`/app/${p.slug}`);
          return (
            <li key={p.slug}>
              <Link href={`/app/${p.slug}`} class="practice-tile" aria-describedby={`practice-${p.slug}`}>
                <span class="tool-icon" aria-hidden="true">
                  <Icon size={22} />
                </span>
                <span class="tool-name">{p.name}</span>
                <span class="tool-desc" id={`practice-${p.slug}`}>
                  {p.tagline}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
