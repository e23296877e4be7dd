import { useEffect } from 'preact/hooks';
import { balanceNote, PLATE_AREA_LABEL, weekBalance } from '@hearth/core';
import { CalendarHeart, Heart, Layers, Scale, Trophy } from 'lucide-preact';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Page, Spinner } from '../shared/ui.tsx';
import { loadSpace, partnerOf, useSpace, type LoadedSpace } from '../space/space.ts';
import { PromptDayForm, ThanksForm, ThanksList } from './appreciation.tsx';
import { BalanceCard } from './balance-card.tsx';
import { KeyDateForm, KeyDateList, upcomingDates, whenText } from './key-dates.tsx';
import { capital, partnerName } from './names.ts';
import { PlateCard, PlateForm } from './plate.tsx';
import { useSupport, type PlateEntry } from './support-data.ts';
import { ToolList, type Tool } from '../ui/tool-list.tsx';
import { WinCard, WinForm } from './wins.tsx';
import { EmptyState, Intro } from '../ui/intro.tsx';

/** While the hub is open the partner may be answering right now. */
const POLL_MS = 10_000;

type Screen = 'hub' | 'plate' | 'wins' | 'thanks' | 'dates' | 'week';

const TITLES: Record<Screen, string> = {
  hub: 'Support',
  plate: 'On my plate',
  wins: 'Wins wall',
  thanks: 'Appreciation',
  dates: 'Key dates',
  week: 'This week',
};

/**
 * /app/support and its tools (issue 19). The hub shows where the two of you are and
 * the two things done most often (a thank-you, a win); each part is its own screen:
 * On my plate (with what has eased), the wins wall, appreciation, key dates, and this
 * week's balance.
 */
export function SupportPage({ session, screen = 'hub' }: { session: Unlocked; screen?: Screen }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status === 'unknown') void loadSpace();
  }, [state.status]);
  return (
    <Page title={TITLES[screen]} className="support-page">
      {screen === 'hub' ? <Intro art="support">Share what is on your plate, celebrate wins, remember the days that matter and say thank you.</Intro> : null}
      {state.status === 'ready' && state.space.key && partnerOf(state.space) ? (
        <SupportScreen session={session} space={state.space} screen={screen} />
      ) : state.status === 'ready' || state.status === 'none' ? (
        <p>
          Support is for the two of you. <Link href="/app/today">Invite your partner from Today</Link> first.
        </p>
      ) : state.status === 'error' ? (
        <ErrorMessage message={state.message} />
      ) : (
        <Spinner label="Loading your space…" />
      )}
    </Page>
  );
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${String(n)} ${many}`;
}

function SupportScreen({ session, space, screen }: { session: Unlocked; space: LoadedSpace; screen: Screen }) {
  const support = useSupport(session, space, { pollMs: POLL_MS });
  const data = support.data;
  const tz = session.user.timeZone;
  const partner = partnerName(space);
  const active = space.view.status === 'active';

  if (!data) return support.error ? <ErrorMessage message={support.error} /> : <Spinner label="Loading…" />;

  const current = data.plates.filter((p) => !p.body?.easedAt);
  const weathered = data.plates.filter((p) => p.body?.easedAt);
  const now = new Date();
  const upcoming = upcomingDates(data.dates, now, tz);
  const balance = weekBalance([...data.thanks.map((t) => t.item), ...data.wins.flatMap((w) => w.celebrations.map((c) => c.item)), ...data.topics], session.user.id, now, tz);
  const next = upcoming[0];
  const nextTitle = next?.entry.body?.title;

  const tools: Tool[] = [
    {
      href: '/app/support/plate',
      name: 'On my plate',
      description: current.length === 0 ? 'Nothing on either plate right now.' : `${count(current.length, 'challenge', 'challenges')} on your plates right now.`,
      icon: Layers,
    },
    {
      href: '/app/support/wins',
      name: 'Wins wall',
      description: data.wins.length === 0 ? 'No wins yet. Small ones count.' : `${count(data.wins.length, 'win', 'wins')} on the wall.`,
      icon: Trophy,
    },
    {
      href: '/app/support/thanks',
      name: 'Appreciation',
      description: data.thanks.length === 0 ? 'No thank-yous yet.' : `${count(data.thanks.length, 'thank-you', 'thank-yous')} on the wall.`,
      icon: Heart,
    },
    {
      href: '/app/support/dates',
      name: 'Key dates',
      description: next && nextTitle ? `Next: ${nextTitle}, ${whenText(next.daysUntil)}.` : 'Birthdays and days that matter, remembered for you.',
      icon: CalendarHeart,
    },
    {
      href: '/app/support/week',
      name: 'This week',
      description: balance ? balanceNote(balance) : 'Warm moments and hard ones, counted only for you.',
      icon: Scale,
    },
  ];

  return (
    <>
      <ErrorMessage message={support.error} />
      {data.unreadable > 0 ? (
        <p class="alert-inline">
          {data.unreadable === 1 ? '1 entry' : `${String(data.unreadable)} entries`} couldn't be decrypted on this device. They are kept and marked below.
        </p>
      ) : null}

      {screen === 'hub' ? (
        <>
          {active ? (
            <section class="card hero" aria-labelledby="support-next-heading">
              <h2 id="support-next-heading">Be there for {partner}</h2>
              <p>A thank-you for something small, or a win to share: both take a minute.</p>
              <p class="actions">
                <Link href="/app/support/thanks" class="button primary">
                  Say thank you
                </Link>
                <Link href="/app/support/wins" class="button">
                  Log a win
                </Link>
              </p>
            </section>
          ) : null}
          <ToolList label="Support tools" tools={tools} />
        </>
      ) : null}

      {screen === 'plate' ? (
        <>
          <section class="card" aria-labelledby="plate-heading">
            <h2 id="plate-heading">Right now</h2>
            <p class="hint">A challenge you're carrying right now, and the kind of support that would help. {capital(partner)} sees it on Today.</p>
            {current.length === 0 ? <EmptyState art="support">Nothing on either plate right now.</EmptyState> : null}
            {current.map((p) => (
              <PlateCard key={p.item.id} entry={p} support={support} session={session} space={space} />
            ))}
            {active ? <PlateForm support={support} space={space} /> : null}
          </section>
          <Weathered weathered={weathered} session={session} partner={partner} tz={tz} />
        </>
      ) : null}

      {screen === 'wins' ? (
        <section class="card" aria-labelledby="wins-heading">
          <h2 id="wins-heading" class="visually-hidden">Wins wall</h2>
          {active ? <WinForm support={support} space={space} /> : null}
          {data.wins.length === 0 ? <EmptyState>No wins on the wall yet. Small ones count.</EmptyState> : null}
          <div class="wins-wall">
            {data.wins.map((w) => (
              <WinCard key={w.item.id} entry={w} support={support} session={session} space={space} />
            ))}
          </div>
        </section>
      ) : null}

      {screen === 'thanks' ? (
        <section class="card" aria-labelledby="thanks-heading" id="thanks">
          <h2 id="thanks-heading" class="visually-hidden">Appreciation</h2>
          {active ? <ThanksForm support={support} space={space} /> : null}
          <h3 id="wall-heading">Appreciation wall</h3>
          {data.thanks.length === 0 ? <EmptyState art="support">No thank-yous yet.</EmptyState> : <ThanksList entries={data.thanks} session={session} space={space} />}
          {active ? <PromptDayForm support={support} /> : null}
        </section>
      ) : null}

      {screen === 'dates' ? (
        <section class="card" aria-labelledby="dates-heading">
          <h2 id="dates-heading">Coming up</h2>
          <p class="hint">Reminders show on Today. The server keeps only when to remind; names and dates stay encrypted.</p>
          {upcoming.length === 0 ? <EmptyState art="week">No key dates yet.</EmptyState> : <KeyDateList upcoming={upcoming} session={session} space={space} />}
          {active ? <KeyDateForm support={support} session={session} space={space} /> : null}
        </section>
      ) : null}

      {screen === 'week' ? (
        <section class="card" aria-labelledby="balance-heading">
          <h2 id="balance-heading">This week</h2>
          {balance ? <BalanceCard balance={balance} partner={partner} /> : null}
        </section>
      ) : null}
    </>
  );
}

function Weathered({ weathered, session, partner, tz }: { weathered: readonly PlateEntry[]; session: Unlocked; partner: string; tz: string }) {
  return (
    <section class="card" aria-labelledby="weathered-heading">
      <h2 id="weathered-heading">Weathered together</h2>
      {weathered.length === 0 ? (
        <p class="muted">Challenges you mark as eased gather here.</p>
      ) : (
        <ul class="weathered">
          {weathered.map((p) => (
            <li key={p.item.id}>
              {p.body ? (
                <>
                  <strong>{PLATE_AREA_LABEL[p.body.area]}</strong>: {p.body.text}{' '}
                  <span class="muted">
                    · {p.item.authorId === session.user.id ? 'yours' : possessiveName(partner)} · eased on {formatDate(p.body.easedAt ?? p.item.updatedAt, tz)} ·{' '}
                    {p.responses.length === 1 ? '1 response' : `${String(p.responses.length)} responses`}
                  </span>
                </>
              ) : (
                <em>This challenge couldn't be decrypted.</em>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const possessiveName = (name: string): string => `${name}'s`;
