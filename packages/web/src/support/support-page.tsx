import { useEffect } from 'preact/hooks';
import { PLATE_AREA_LABEL, weekBalance } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Page, Spinner } from '../shared/ui.tsx';
import { loadSpace, partnerOf, useSpace, type LoadedSpace } from '../space/space.ts';
import { PromptDayForm, ThanksForm, ThanksList } from './appreciation.tsx';
import { BalanceCard } from './balance-card.tsx';
import { KeyDateForm, KeyDateList, upcomingDates } from './key-dates.tsx';
import { capital, partnerName } from './names.ts';
import { PlateCard, PlateForm } from './plate.tsx';
import { useSupport } from './support-data.ts';
import { WinCard, WinForm } from './wins.tsx';

/** While the hub is open the partner may be answering right now. */
const POLL_MS = 10_000;

/** /app/support: On my plate, Wins, Key dates, Appreciation, this week's balance, and challenges weathered together. */
export function SupportPage({ session }: { session: Unlocked }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status === 'unknown') void loadSpace();
  }, [state.status]);
  return (
    <Page title="Support" className="support-page">
      <p class="lead">Share what is on your plate, celebrate wins, remember the days that matter and say thank you.</p>
      {state.status === 'ready' && state.space.key && partnerOf(state.space) ? (
        <SupportHub session={session} space={state.space} />
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

function SupportHub({ session, space }: { session: Unlocked; space: LoadedSpace }) {
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

  return (
    <>
      <ErrorMessage message={support.error} />
      {data.unreadable > 0 ? (
        <p class="alert-inline">
          {data.unreadable === 1 ? '1 entry' : `${String(data.unreadable)} entries`} couldn't be decrypted on this device. They are kept and marked below.
        </p>
      ) : null}

      <section class="card" aria-labelledby="plate-heading">
        <h2 id="plate-heading">On my plate</h2>
        <p class="hint">A challenge you're carrying right now, and the kind of support that would help. {capital(partner)} sees it on Today.</p>
        {current.length === 0 ? <p class="muted">Nothing on either plate right now.</p> : null}
        {current.map((p) => (
          <PlateCard key={p.item.id} entry={p} support={support} session={session} space={space} />
        ))}
        {active ? <PlateForm support={support} space={space} /> : null}
      </section>

      <section class="card" aria-labelledby="wins-heading">
        <h2 id="wins-heading">Wins wall</h2>
        {active ? <WinForm support={support} space={space} /> : null}
        {data.wins.length === 0 ? <p class="muted">No wins on the wall yet. Small ones count.</p> : null}
        <div class="wins-wall">
          {data.wins.map((w) => (
            <WinCard key={w.item.id} entry={w} support={support} session={session} space={space} />
          ))}
        </div>
      </section>

      <section class="card" aria-labelledby="thanks-heading" id="thanks">
        <h2 id="thanks-heading">Appreciation</h2>
        {active ? <ThanksForm support={support} space={space} /> : null}
        <h3 id="wall-heading">Appreciation wall</h3>
        {data.thanks.length === 0 ? <p class="muted">No thank-yous yet.</p> : <ThanksList entries={data.thanks} session={session} space={space} />}
        {active ? <PromptDayForm support={support} /> : null}
      </section>

      <section class="card" aria-labelledby="dates-heading">
        <h2 id="dates-heading">Key dates</h2>
        <p class="hint">Reminders show on Today. The server keeps only when to remind; names and dates stay encrypted.</p>
        {upcoming.length === 0 ? <p class="muted">No key dates yet.</p> : <KeyDateList upcoming={upcoming} session={session} space={space} />}
        {active ? <KeyDateForm support={support} session={session} space={space} /> : null}
      </section>

      <section class="card" aria-labelledby="balance-heading">
        <h2 id="balance-heading">This week</h2>
        {balance ? <BalanceCard balance={balance} partner={partner} /> : null}
      </section>

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
    </>
  );
}

const possessiveName = (name: string): string => `${name}'s`;
