import { useEffect, useId, useState } from 'preact/hooks';
import { err, MAX_NUDGE_BUDGET } from '@hearth/core';
import { MAX_NUDGE_SPACING_MINUTES, MIN_NUDGE_SPACING_MINUTES, NUDGE_DEFAULTS, type NudgePreferences, type TouchResponse } from '@hearth/core/api';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner, useAction } from '../shared/ui.tsx';
import { DayWindowFields, useDayWindow } from '../shared/schedule-fields.tsx';
import { loadSpace, partnerOf, useSpace, type LoadedSpace } from '../space/space.ts';
import { partnerName } from '../support/names.ts';
import { NudgeCard } from './nudge-card.tsx';
import { useTouch, type TouchData } from './touch-data.ts';
import { Intro } from '../ui/intro.tsx';

/** While the page is open a nudge may arrive, or the partner may be thinking of you. */
const POLL_MS = 15_000;

/** /app/touch: today's nudges and their prompts, the answers, my nudge settings and my private week. */
export function TouchPage({ session }: { session: Unlocked }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status === 'unknown') void loadSpace();
  }, [state.status]);
  return (
    <Page title="Touch" className="touch-page">
      <Intro art="touch">A few gentle nudges a day to reach for each other: a hug, a hand, a moment. Only inside the hours you choose.</Intro>
      {state.status === 'ready' && partnerOf(state.space) ? (
        <TouchHub session={session} space={state.space} />
      ) : state.status === 'ready' || state.status === 'none' ? (
        <p>
          Touch is for the two of you. <Link href="/app/today">Invite your partner from Today</Link> first.
        </p>
      ) : state.status === 'error' ? (
        <ErrorMessage message={state.message} />
      ) : (
        <Spinner label="Loading your space…" />
      )}
    </Page>
  );
}

function TouchHub({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const touch = useTouch({ pollMs: POLL_MS });
  const data = touch.data;
  const partner = partnerName(space);
  if (!data) return touch.error ? <ErrorMessage message={touch.error} /> : <Spinner label="Loading your nudges…" />;
  const active = space.view.status === 'active';

  return (
    <>
      <ErrorMessage message={touch.error} />
      <section class="card" aria-labelledby="nudges-heading">
        <h2 id="nudges-heading">Today's nudges</h2>
        {data.today.length === 0 ? (
          <p class="muted">
            {data.preferences === null
              ? 'Nudges are off. Choose how many you would like below.'
              : data.laterToday > 0
                ? 'Nothing yet. Your next nudge comes later today.'
                : 'No nudges today.'}
          </p>
        ) : null}
        {data.today.map((n) => (
          <NudgeCard key={n.id} nudge={n} touch={touch} partner={partner} timeZone={session.user.timeZone} />
        ))}
        {data.today.length > 0 && data.laterToday > 0 ? (
          <p class="hint">{data.laterToday === 1 ? 'One more comes later today.' : `${String(data.laterToday)} more come later today.`}</p>
        ) : null}
      </section>

      {data.thinkingOfYou.length > 0 ? <ThoughtsCard thoughts={data.thinkingOfYou} partner={partner} timeZone={session.user.timeZone} /> : null}

      <WeekCard week={data.week} />

      {active ? <PreferencesForm session={session} touch={touch} saved={data.preferences} /> : null}
    </>
  );
}

function ThoughtsCard({ thoughts, partner, timeZone }: { thoughts: readonly string[]; partner: string; timeZone: string }) {
  const latest = thoughts[0] ?? '';
  const when = (() => {
    try {
      return new Date(latest).toLocaleString(undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone });
    } catch {
      return new Date(latest).toLocaleString();
    }
  })();
  return (
    <section class="card thinking-of-you" aria-labelledby="thoughts-heading">
      <h2 id="thoughts-heading">{partner.charAt(0).toUpperCase() + partner.slice(1)} is thinking of you</h2>
      <p>
        Last on {when}
        {thoughts.length > 1 ? `, and ${String(thoughts.length - 1)} more ${thoughts.length === 2 ? 'time' : 'times'} this week` : ''}.
      </p>
    </section>
  );
}

function WeekCard({ week }: { week: TouchResponse['week'] }) {
  return (
    <section class="card" aria-labelledby="week-heading">
      <h2 id="week-heading">Your week</h2>
      <p>
        {week.delivered === 0
          ? 'No nudges in the last seven days yet.'
          : `You did ${String(week.done)} of ${String(week.delivered)} this week.`}
      </p>
      <p class="hint">Only you see this. Every one you do counts; the ones you don't, don't count against you.</p>
    </section>
  );
}

function PreferencesForm({ session, touch, saved }: { session: Unlocked; touch: TouchData; saved: NudgePreferences | null }) {
  const id = useId();
  const user = session.user;
  const start = saved ?? {
    timeZone: user.timeZone,
    activeHours: user.activeHours,
    quietHours: user.quietHours,
    ...NUDGE_DEFAULTS,
  };
  const dayWindow = useDayWindow(start);
  const [budget, setBudget] = useState(String(start.dailyBudget));
  const [spacing, setSpacing] = useState(String(start.spacingMinutes));
  const [status, setStatus] = useState('');

  const save = useAction(async () => {
    const window = dayWindow.value();
    if (!window.ok) return window;
    const gap = Number(spacing);
    if (!Number.isInteger(gap) || gap < MIN_NUDGE_SPACING_MINUTES || gap > MAX_NUDGE_SPACING_MINUTES) {
      return err('invalid_spacing', `Time between nudges must be ${String(MIN_NUDGE_SPACING_MINUTES)} to ${String(MAX_NUDGE_SPACING_MINUTES)} minutes.`);
    }
    return touch.save({
      ...window.value,
      dailyBudget: Number(budget),
      spacingMinutes: gap,
    });
  });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setStatus('');
    if (await save.run()) setStatus(Number(budget) === 0 ? 'Saved. Nudges are off.' : 'Saved. Today is planned again with these settings.');
  };

  return (
    <form class="stack card" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Nudge settings</h2>
      <p class="hint">
        Your own settings: your partner sets theirs. Hearth's server sees these times, because it plans your nudges while the app is closed.
      </p>
      <div class="field">
        <label for={`${id}-budget`}>Nudges a day</label>
        <select id={`${id}-budget`} value={budget} onChange={(e) => setBudget(e.currentTarget.value)} aria-describedby={`${id}-budget-hint`}>
          {Array.from({ length: MAX_NUDGE_BUDGET + 1 }, (_, n) => (
            <option key={n} value={String(n)}>
              {n === 0 ? '0 (off)' : String(n)}
            </option>
          ))}
        </select>
        <p class="hint" id={`${id}-budget-hint`}>
          At varied times each day, never in your quiet hours. 0 turns them off.
        </p>
      </div>
      <div class="field">
        <label for={`${id}-spacing`}>Least time between two nudges (minutes)</label>
        <input
          id={`${id}-spacing`}
          type="number"
          inputMode="numeric"
          min={MIN_NUDGE_SPACING_MINUTES}
          max={MAX_NUDGE_SPACING_MINUTES}
          step={5}
          required
          value={spacing}
          onInput={(e) => setSpacing(e.currentTarget.value)}
        />
      </div>
      <DayWindowFields
        id={id}
        state={dayWindow}
        active={{ legend: 'Awake hours', hint: 'Nudges only come between these times (the same active hours as in Settings).', labels: ['From', 'Until'] }}
        quiet={{ legend: 'Quiet hours (optional)', hint: 'Never a nudge in this window: work, a nap, a class.', labels: ['Quiet from', 'Quiet until'] }}
      />
      <ErrorMessage message={save.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {saved === null ? 'Turn on nudges' : 'Save nudge settings'}
        </button>
        <span class="status" role="status">
          {save.busy ? 'Saving…' : status}
        </span>
      </div>
    </form>
  );
}
