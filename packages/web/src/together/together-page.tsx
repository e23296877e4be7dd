import { unanswered } from '@hearth/core';
import { CalendarPlus, Dices, Lightbulb, Palette, Sparkles } from 'lucide-preact';
import type { ComponentChildren } from 'preact';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { ToolList, type Tool } from '../ui/tool-list.tsx';
import { CalendarFeed } from './calendar-feed.tsx';
import { Firsts } from './firsts.tsx';
import { useTogetherIdeas, type TogetherIdeas } from './ideas-data.ts';
import { Interests } from './interests.tsx';
import { DownloadIcs, RitualsSection } from './rituals-section.tsx';
import { usePlans } from './together-data.ts';
import './ideas.css';
import { Intro } from '../ui/intro.tsx';

const WHY = 'Rituals and dates are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.';
/** While a screen is open the partner may be answering or adding too. */
const POLL_MS = 15_000;

/**
 * /app/together, practice 2 (DESIGN §2), as a hub (issue 19): what is coming up and
 * the two ways to add to it first, then one row per tool, each its own screen.
 */
export function TogetherPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Together">
      <Intro art="together">Make time for each other: rituals you keep, dates you plan, and new things to try for the first time.</Intro>
      <SpaceGate why={WHY}>
        {(space) => (
          <>
            <RitualsSection session={session} space={space} />
            <TogetherTools session={session} space={space} />
          </>
        )}
      </SpaceGate>
    </Page>
  );
}

function ideasLine(joined: boolean, waiting: number | null): string {
  if (!joined) return 'Swipe date ideas together once your partner joins.';
  if (waiting === null) return 'Say yes, maybe or no; only what you both like shows.';
  if (waiting === 0) return "You've answered every idea: see what you both like.";
  return `${String(waiting)} ${waiting === 1 ? 'idea waits' : 'ideas wait'} for your yes, maybe or no.`;
}

function TogetherTools({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const joined = partnerOf(space) !== null;
  const together = useTogetherIdeas(session, space, { pollMs: POLL_MS, matches: false });
  const data = together.data;
  const waiting = joined && data ? unanswered(data.deck, together.answers).length : null;
  const tools: Tool[] = [
    { href: '/app/together/ideas', name: 'Ideas deck', description: ideasLine(joined, waiting), icon: Lightbulb },
    { href: '/app/together/play', name: 'Play', description: 'Two-minute games: how well do you know me, and this or that.', icon: Dices },
    { href: '/app/together/firsts', name: 'First firsts', description: 'New things you did together for the very first time.', icon: Sparkles },
    { href: '/app/together/interests', name: 'Interests', description: "What each of you loves, and a weekly nudge to ask about it.", icon: Palette },
    { href: '/app/together/calendar', name: 'Calendar', description: 'Put your rituals and dates in the calendar app you already use.', icon: CalendarPlus },
  ];
  return <ToolList label="Together tools" tools={tools} />;
}

/** A Together tool's screen: the tool, gated on the space, with the ideas data it reads. */
function ToolScreen({ title, session, children }: { title: string; session: Unlocked; children: (together: TogetherIdeas, space: LoadedSpace) => ComponentChildren }) {
  return (
    <Page title={title}>
      <SpaceGate why={WHY}>{(space) => <WithIdeas session={session} space={space} render={children} />}</SpaceGate>
    </Page>
  );
}

function WithIdeas({ session, space, render }: { session: Unlocked; space: LoadedSpace; render: (together: TogetherIdeas, space: LoadedSpace) => ComponentChildren }) {
  const together = useTogetherIdeas(session, space, { pollMs: POLL_MS, matches: false });
  if (!together.data) return together.error ? <ErrorMessage message={together.error} /> : <Spinner label="Loading…" />;
  return <>{render(together, space)}</>;
}

/** /app/together/firsts */
export function FirstsPage({ session }: { session: Unlocked }) {
  return (
    <ToolScreen title="First firsts" session={session}>
      {(together, space) => <Firsts together={together} session={session} space={space} />}
    </ToolScreen>
  );
}

/** /app/together/interests */
export function InterestsPage({ session }: { session: Unlocked }) {
  return (
    <ToolScreen title="Interests" session={session}>
      {(together, space) => <Interests together={together} session={session} space={space} />}
    </ToolScreen>
  );
}

/** /app/together/calendar: the .ics made on this device, and the subscribable feed. */
export function CalendarPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Calendar">
      <SpaceGate why={WHY}>{(space) => <CalendarTools session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

function CalendarTools({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const { plans, error } = usePlans(session, space);
  return (
    <>
      <section class="card" aria-labelledby="ics-heading">
        <h2 id="ics-heading">Download</h2>
        <ErrorMessage message={error} />
        {plans === null ? error ? null : <Spinner label="Loading rituals and dates…" /> : <DownloadIcs plans={plans} />}
      </section>
      <section class="card" aria-labelledby="feed-heading">
        <CalendarFeed timeZone={session.user.timeZone} headingId="feed-heading" />
      </section>
    </>
  );
}
