import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { bootstrapSession } from './auth/account.ts';
import { continueAfterAuth, rememberReturnTo } from './auth/after-auth.ts';
import { SignIn } from './auth/sign-in.tsx';
import { Welcome } from './auth/welcome.tsx';
import { PRACTICES } from './practices/practices.ts';
import { Link, navigate, useRoute } from './shared/router.tsx';
import { recoveryWordsStore, useSession, type SessionState, type Unlocked } from './shared/session.ts';
import { useStore } from './shared/store.ts';
import { Page, Spinner } from './shared/ui.tsx';
import { Today } from './today/today.tsx';
import { QuickExitButton } from './help/quick-exit.tsx';
import { useIdleLock } from './device/idle-lock.ts';
import { AppNav } from './shell/app-nav.tsx';
import { HearthMark } from './ui/hearth-mark.tsx';
import { lazyScreen } from './shared/lazy.tsx';
import { startLive, stopLive } from './shared/live.ts';
import { OfflineBanner } from './sync/offline-banner.tsx';

// Screens other than sign-in and Today load on first visit, keeping the start-up download small (decision 0042).
const Recover = lazyScreen(() => import('./auth/recover.tsx').then((m) => m.Recover));
const SignUp = lazyScreen(() => import('./auth/sign-up.tsx').then((m) => m.SignUp));
const PracticePage = lazyScreen(() => import('./practices/practice-page.tsx').then((m) => m.PracticePage));
const Settings = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.Settings));
const RemindersPage = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.RemindersPage));
const DevicePage = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.DevicePage));
const PasswordPage = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.PasswordPage));
const DataPage = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.DataPage));
const LeavePage = lazyScreen(() => import('./settings/settings.tsx').then((m) => m.LeavePage));
const Invite = lazyScreen(() => import('./space/invite.tsx').then((m) => m.Invite));
const Join = lazyScreen(() => import('./space/join.tsx').then((m) => m.Join));
const TalkPage = lazyScreen(() => import('./talk/talk-page.tsx').then((m) => m.TalkPage));
const CheckinPage = lazyScreen(() => import('./talk/talk-page.tsx').then((m) => m.CheckinPage));
const CheckinHistoryPage = lazyScreen(() => import('./talk/talk-page.tsx').then((m) => m.CheckinHistoryPage));
const QuestionPage = lazyScreen(() => import('./daily-question/question-page.tsx').then((m) => m.QuestionPage));
const ConversationPage = lazyScreen(() => import('./talk/conversation-page.tsx').then((m) => m.ConversationPage));
const TopicsPage = lazyScreen(() => import('./talk/topics-page.tsx').then((m) => m.TopicsPage));
const SupportPage = lazyScreen(() => import('./support/support-page.tsx').then((m) => m.SupportPage));
const HelpPage = lazyScreen(() => import('./help/help-page.tsx').then((m) => m.HelpPage));
const PulsePage = lazyScreen(() => import('./help/pulse-page.tsx').then((m) => m.PulsePage));
const PrivateCheckPage = lazyScreen(() => import('./help/private-check.tsx').then((m) => m.PrivateCheckPage));
const SummaryPage = lazyScreen(() => import('./help/summary-page.tsx').then((m) => m.SummaryPage));
const ProgrammePage = lazyScreen(() => import('./programme/programme-page.tsx').then((m) => m.ProgrammePage));
const PlayPage = lazyScreen(() => import('./play/play-page.tsx').then((m) => m.PlayPage));
const GamePage = lazyScreen(() => import('./play/play-page.tsx').then((m) => m.GamePage));
const WeekPage = lazyScreen(() => import('./week/week-page.tsx').then((m) => m.WeekPage));
const TogetherPage = lazyScreen(() => import('./together/together-page.tsx').then((m) => m.TogetherPage));
const NewPlanPage = lazyScreen(() => import('./together/plan-pages.tsx').then((m) => m.NewPlanPage));
const EditPlanPage = lazyScreen(() => import('./together/plan-pages.tsx').then((m) => m.EditPlanPage));
const TouchPage = lazyScreen(() => import('./touch/touch-page.tsx').then((m) => m.TouchPage));
const SparkPage = lazyScreen(() => import('./spark/spark-page.tsx').then((m) => m.SparkPage));
const FirstsPage = lazyScreen(() => import('./together/together-page.tsx').then((m) => m.FirstsPage));
const InterestsPage = lazyScreen(() => import('./together/together-page.tsx').then((m) => m.InterestsPage));
const CalendarPage = lazyScreen(() => import('./together/together-page.tsx').then((m) => m.CalendarPage));
const IdeasPage = lazyScreen(() => import('./together/ideas-page.tsx').then((m) => m.IdeasPage));
const NotificationsPage = lazyScreen(() => import('./notifications/notifications-page.tsx').then((m) => m.NotificationsPage));
const RecoveryKey = lazyScreen(() => import('./auth/recovery-key.tsx').then((m) => m.RecoveryKey));

/** Navigates once the current render is done; rendering itself stays side-effect free. */
function Redirect({ run }: { run: () => void }) {
  useEffect(run, []);
  return null;
}

const AUTH_ROUTES = new Set(['/app/', '/app', '/app/sign-in', '/app/sign-up', '/app/recover']);
const PRACTICE_SLUGS = new Set<string>(PRACTICES.map((p) => p.slug));

function routeContent(path: string, session: SessionState, recoveryPending: boolean): ComponentChildren {
  const join = /^\/join\/([0-9a-fA-F-]{36})\/?$/.exec(path);
  if (join?.[1]) return <Join inviteId={join[1].toLowerCase()} />;

  if (session.status === 'unlocked') {
    if (AUTH_ROUTES.has(path)) {
      // Auth screens only sign in; where to go next is decided here, in one place.
      return <Redirect run={() => (recoveryPending ? navigate('/app/recovery-key', { replace: true }) : continueAfterAuth())} />;
    }
    return signedIn(path, session);
  }

  switch (path) {
    case '/app':
    case '/app/':
      return session.status === 'locked' ? <SignIn /> : <Welcome />;
    case '/app/sign-in':
      return <SignIn />;
    case '/app/sign-up':
      return <SignUp />;
    case '/app/recover':
      return <Recover />;
  }
  if (path.startsWith('/app/')) {
    return (
      <Redirect
        run={() => {
          rememberReturnTo(path === '/app/recovery-key' ? '/app/today' : path);
          navigate('/app/sign-in', { replace: true });
        }}
      />
    );
  }
  return <NotFound />;
}

function signedIn(path: string, session: Unlocked): ComponentChildren {
  const clean = path.replace(/\/$/, '');
  switch (clean) {
    case '/app/today':
      return <Today session={session} />;
    case '/app/notes':
      return <Redirect run={() => navigate('/app/today', { replace: true })} />;
    case '/app/settings':
      return <Settings session={session} />;
    case '/app/settings/reminders':
      return <RemindersPage session={session} />;
    case '/app/settings/device':
      return <DevicePage />;
    case '/app/settings/password':
      return <PasswordPage />;
    case '/app/settings/data':
      return <DataPage />;
    case '/app/settings/space':
      return <LeavePage />;
    case '/app/invite':
      return <Invite session={session} />;
    case '/app/recovery-key':
      return <RecoveryKey />;
    case '/app/talk':
      return <TalkPage session={session} />;
    case '/app/support':
      return <SupportPage session={session} />;
    case '/app/support/plate':
      return <SupportPage session={session} screen="plate" />;
    case '/app/support/wins':
      return <SupportPage session={session} screen="wins" />;
    case '/app/support/thanks':
      return <SupportPage session={session} screen="thanks" />;
    case '/app/support/dates':
      return <SupportPage session={session} screen="dates" />;
    case '/app/support/week':
      return <SupportPage session={session} screen="week" />;
    case '/app/together':
      return <TogetherPage session={session} />;
    case '/app/together/rituals/new':
      return <NewPlanPage session={session} kind="together-ritual" />;
    case '/app/together/dates/new':
      return <NewPlanPage session={session} kind="together-date" />;
    case '/app/spark':
      return <SparkPage session={session} />;
    case '/app/touch':
      return <TouchPage session={session} />;
    case '/app/notifications':
      return <NotificationsPage />;
    case '/app/week':
      return <WeekPage session={session} />;
  }
  if (clean === '/app/help/reconnect') return <ProgrammePage session={session} />;
  if (clean === '/app/help') return <HelpPage session={session} />;
  if (clean === '/app/help/pulse') return <PulsePage session={session} />;
  // A neutral path: if the page is reloaded, the address in the server's logs says nothing.
  if (clean === '/app/help/private') return <PrivateCheckPage session={session} />;
  if (clean === '/app/help/summary') return <SummaryPage session={session} />;
  if (clean === '/app/together/ideas') return <IdeasPage session={session} />;
  if (clean === '/app/together/firsts') return <FirstsPage session={session} />;
  if (clean === '/app/together/interests') return <InterestsPage session={session} />;
  if (clean === '/app/together/calendar') return <CalendarPage session={session} />;
  if (clean === '/app/together/play') return <PlayPage session={session} />;
  if (clean === '/app/together/play/know-me') return <GamePage session={session} game="know-me" />;
  if (clean === '/app/together/play/this-or-that') return <GamePage session={session} game="this-or-that" />;
  if (clean === '/app/talk/topics') return <TopicsPage session={session} />;
  if (clean === '/app/talk/question') return <QuestionPage session={session} />;
  if (clean === '/app/talk/check-in') return <CheckinPage session={session} />;
  if (clean === '/app/talk/history') return <CheckinHistoryPage session={session} />;
  const plan = /^\/app\/together\/plans\/([0-9a-fA-F-]{36})\/edit$/.exec(clean);
  if (plan?.[1]) return <EditPlanPage session={session} planId={plan[1].toLowerCase()} />;
  const topic = /^\/app\/talk\/topics\/([0-9a-fA-F-]{36})$/.exec(clean);
  if (topic?.[1]) return <ConversationPage session={session} topicId={topic[1].toLowerCase()} />;
  const slug = clean.slice('/app/'.length);
  if (clean.startsWith('/app/') && PRACTICE_SLUGS.has(slug)) return <PracticePage slug={slug} />;
  return <NotFound />;
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There's nothing here.</p>
      <p>
        <Link href="/app/">Go to Hearth</Link>
      </p>
    </Page>
  );
}

function Offline() {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await bootstrapSession();
    setBusy(false);
  };
  return (
    <Page title="You're offline">
      <p>Hearth needs a connection to open here. A device unlocked with a passkey also opens offline, with what it last saved.</p>
      <button type="button" class="primary" onClick={() => void retry()} disabled={busy}>
        Try again
      </button>
    </Page>
  );
}

function Header({ path }: { path: string }) {
  return (
    <>
      <header class="app-header">
        <Link href="/app/today" class="brand">
          <HearthMark />
          Hearth
        </Link>
        <QuickExitButton />
      </header>
      <AppNav path={path} />
    </>
  );
}

export function App() {
  const path = useRoute();
  const session = useSession();
  const recoveryPending = useStore(recoveryWordsStore) !== null;
  useIdleLock(session.status === 'unlocked');
  // One live stream while signed in and unlocked (issue 20); it closes on lock and sign-out.
  const unlocked = session.status === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    startLive();
    return stopLive;
  }, [unlocked]);

  const skip = (e: MouseEvent) => {
    e.preventDefault();
    document.querySelector<HTMLElement>('main h1, main')?.focus();
  };

  // The recovery words screen stays free of navigation so nobody clicks away before saving them.
  const showHeader = session.status === 'unlocked' && !(recoveryPending && path.startsWith('/app/recovery-key'));

  return (
    <>
      <a href="#main" class="skip-link" onClick={skip}>
        Skip to content
      </a>
      {showHeader ? (
        <Header path={path} />
      ) : (
        <header class="app-header plain">
          <span class="brand">
            <HearthMark />
            Hearth
          </span>
          <QuickExitButton />
        </header>
      )}
      <main id="main" tabIndex={-1} class={showHeader ? 'with-nav' : undefined}>
        {session.status === 'loading' ? (
          <Spinner label="Opening Hearth…" />
        ) : session.status === 'offline' ? (
          <Offline />
        ) : (
          <>
            {showHeader ? <OfflineBanner /> : null}
            <div key={path}>{routeContent(path, session, recoveryPending)}</div>
          </>
        )}
      </main>
    </>
  );
}
