import { useState } from 'preact/hooks';
import {
  buildCalendar,
  describeRecurrence,
  nextOccurrences,
  outcomesByOccurrence,
  pastOccurrences,
  progressLine,
  ritualProgress,
  type Occurrence,
} from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Spinner, useAction } from '../shared/ui.tsx';
import { memberName, type LoadedSpace } from '../space/space.ts';
import { formatOccurrence } from './format.ts';
import { markOccurrence, usePlans, type Plan } from './together-data.ts';
import { EmptyState } from '../ui/intro.tsx';

/** While the hub is open the partner may add or mark something. */
const POLL_MS = 15_000;
/** Occurrences older than this are not offered for marking any more. */
const MARKABLE_DAYS = 14;
const DAY_MS = 86_400_000;

export type UpcomingPlan = { readonly plan: Plan; readonly next: Occurrence };

/** Plans with an occurrence still to come, soonest first. */
export function upcomingPlans(plans: readonly Plan[], now: Date): UpcomingPlan[] {
  const out: UpcomingPlan[] = [];
  for (const plan of plans) {
    if (!plan.schedule || !plan.body) continue;
    // Still "upcoming" until it has ended, so a lunch in progress stays on the list.
    const [next] = nextOccurrences(plan.schedule, new Date(now.getTime() - plan.schedule.durationMinutes * 60_000), 1);
    if (next) out.push({ plan, next });
  }
  return out.sort((a, b) => a.next.start.getTime() - b.next.start.getTime());
}

/** The latest occurrence that has begun, is recent, and neither partner has marked. */
function openOccurrence(plan: Plan, now: Date): Occurrence | null {
  if (!plan.schedule) return null;
  const outcomes = outcomesByOccurrence(plan.marks.map((m) => m.body));
  const past = pastOccurrences(plan.schedule, new Date(now.getTime() - MARKABLE_DAYS * DAY_MS), now);
  const last = past.at(-1);
  return last && !outcomes.has(last.local) ? last : null;
}

/** Rituals and dates: what's coming up, marking the last one and the gentle streak. The calendar export has its own screen. */
export function RitualsSection({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const { plans, error, reload, keys } = usePlans(session, space, POLL_MS);
  const active = space.view.status === 'active';
  const now = new Date();
  return (
    <section class="card together-plans" aria-labelledby="rituals-heading">
      <h2 id="rituals-heading">Rituals and dates</h2>
      <p class="hint">Time that is just yours. You both get a reminder; the server keeps only when, never what.</p>
      {active ? (
        <p class="actions">
          <Link href="/app/together/rituals/new" class="button primary">
            Add a ritual
          </Link>
          <Link href="/app/together/dates/new" class="button">
            Plan a date
          </Link>
        </p>
      ) : null}
      <ErrorMessage message={error} />
      {plans === null ? (
        error ? null : (
          <Spinner label="Loading rituals and dates…" />
        )
      ) : (
        <>
          <PlanList plans={plans} now={now} session={session} space={space} onMarked={reload} keys={keys} active={active} />
        </>
      )}
    </section>
  );
}

function PlanList({
  plans,
  now,
  session,
  space,
  onMarked,
  keys,
  active,
}: {
  plans: readonly Plan[];
  now: Date;
  session: Unlocked;
  space: LoadedSpace;
  onMarked: () => Promise<void>;
  keys: ReturnType<typeof usePlans>['keys'];
  active: boolean;
}) {
  const upcoming = upcomingPlans(plans, now);
  const shown = new Set(upcoming.map((u) => u.plan.item.id));
  const finished = plans.filter((p) => p.body && !shown.has(p.item.id) && openOccurrence(p, now));
  const unreadable = plans.filter((p) => !p.body).length;
  if (upcoming.length === 0 && finished.length === 0) {
    return <EmptyState>Nothing planned yet. A small weekly ritual — a walk, a lunch, a call — is a lovely start.</EmptyState>;
  }
  return (
    <>
      {unreadable > 0 ? <p class="alert-inline">{unreadable === 1 ? 'One plan' : `${String(unreadable)} plans`} couldn't be decrypted on this device.</p> : null}
      <ul class="plan-list" aria-label="Upcoming rituals and dates">
        {[...upcoming.map((u) => ({ plan: u.plan, next: u.next })), ...finished.map((p) => ({ plan: p, next: null }))].map(({ plan, next }) => (
          <PlanCard key={plan.item.id} plan={plan} next={next} now={now} session={session} space={space} onMarked={onMarked} keys={keys} active={active} />
        ))}
      </ul>
    </>
  );
}

function PlanCard({
  plan,
  next,
  now,
  session,
  space,
  onMarked,
  keys,
  active,
}: {
  plan: Plan;
  next: Occurrence | null;
  now: Date;
  session: Unlocked;
  space: LoadedSpace;
  onMarked: () => Promise<void>;
  keys: ReturnType<typeof usePlans>['keys'];
  active: boolean;
}) {
  const body = plan.body;
  const schedule = plan.schedule;
  if (!body || !schedule) return null;
  const tz = session.user.timeZone;
  const ritual = plan.kind === 'together-ritual';
  const open = openOccurrence(plan, now);
  const past = ritual ? pastOccurrences(schedule, new Date(0), now).map((o) => o.local) : [];
  const progress = ritual ? ritualProgress(past, plan.marks.map((m) => m.body)) : null;
  const author = plan.item.authorId === session.user.id ? 'you' : (memberName(space, plan.item.authorId) ?? 'your partner');
  const memories = plan.marks.filter((m) => m.body.outcome === 'done' && m.body.note !== '');
  return (
    <li class="plan" aria-label={body.title}>
      <h3>{body.title}</h3>
      <p class="muted">
        {ritual ? describeRecurrence(schedule.rrule) : 'A date'}
        {body.place ? ` · ${body.place}` : ''} · added by {author}
      </p>
      {next ? (
        <p>
          Next: <time dateTime={next.start.toISOString()}>{formatOccurrence(next.start, tz)}</time>
        </p>
      ) : null}
      {body.notes ? <p class="plan-notes">{body.notes}</p> : null}
      {progress ? <p class="streak">{progressLine(progress)}</p> : null}
      {open && active ? <MarkForm plan={plan} occurrence={open} space={space} keys={keys} onMarked={onMarked} tz={tz} /> : null}
      {memories.length > 0 ? (
        <details>
          <summary>Memories ({memories.length})</summary>
          <ul>
            {memories.map((m) => (
              <li key={m.item.id}>{m.body.note}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {active && plan.item.authorId === session.user.id ? (
        <Link href={`/app/together/plans/${plan.item.id}/edit`} aria-label={`Edit ${body.title}`}>
          Edit
        </Link>
      ) : null}
    </li>
  );
}

function MarkForm({
  plan,
  occurrence,
  space,
  keys,
  onMarked,
  tz,
}: {
  plan: Plan;
  occurrence: Occurrence;
  space: LoadedSpace;
  keys: ReturnType<typeof usePlans>['keys'];
  onMarked: () => Promise<void>;
  tz: string;
}) {
  const [note, setNote] = useState('');
  const mark = useAction(async (outcome: 'done' | 'skipped') => {
    const res = await markOccurrence(space, keys, plan, { occurrence: occurrence.local, outcome, note: outcome === 'done' ? note.trim() : '' });
    if (res.ok) await onMarked();
    return res;
  });
  const noteId = `mark-note-${plan.item.id}`;
  return (
    <div class="mark-form" role="group" aria-label={`How did ${formatOccurrence(occurrence.start, tz)} go?`}>
      <p>How did {formatOccurrence(occurrence.start, tz)} go?</p>
      <label for={noteId}>A memory of it (optional)</label>
      <input id={noteId} value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
      <div class="actions">
        <button type="button" class="primary" disabled={mark.busy} onClick={() => void mark.run('done')}>
          We did it
        </button>
        <button type="button" disabled={mark.busy} onClick={() => void mark.run('skipped')}>
          Skipped this time
        </button>
      </div>
      <ErrorMessage message={mark.error} />
    </div>
  );
}

/** A `.ics` file made here from the decrypted plans, with their real titles; nothing is sent anywhere. */
export function DownloadIcs({ plans }: { plans: readonly Plan[] }) {
  const [error, setError] = useState<string | null>(null);
  const readable = plans.filter((p) => p.body && p.schedule);
  const download = () => {
    try {
      const text = buildCalendar(
        readable.flatMap((p) =>
          p.body && p.schedule
            ? [{ id: `${p.item.id}@hearth`, title: p.body.title, location: p.body.place, description: p.body.notes, url: `${location.origin}/app/together`, schedule: p.schedule }]
            : [],
        ),
        { name: 'Hearth — us', now: new Date(), url: `${location.origin}/app/together` },
      );
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'hearth-together.ics';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setError(null);
    } catch {
      setError('The calendar file could not be made. Please try again.');
    }
  };
  if (readable.length === 0) return <p class="muted">Nothing to put in a calendar yet: add a ritual or plan a date first.</p>;
  return (
    <div class="ics-download">
      <button type="button" onClick={download}>
        Download calendar (.ics)
      </button>
      <p class="hint">With your real titles, made on this device. Import it into any calendar app.</p>
      <ErrorMessage message={error} />
    </div>
  );
}
