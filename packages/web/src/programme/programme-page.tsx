import { useEffect, useId, useState } from 'preact/hooks';
import { CircleCheck, Circle, Lock } from 'lucide-preact';
import { describeReason, reminderTimes, suggestionReasons, type ProgrammeView, type ReminderHours, type WeekView } from '@hearth/core';
import { TrendChart } from '../help/trend-chart.tsx';
import type { ProgrammeLesson } from '@hearth/core/api';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Page, Spinner, useAction } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { loadLessons, useProgramme, type Programme, type ProgrammeData } from './programme-data.ts';

export const PROGRAMME_PITCH = 'Reconnect — six weeks, about 20 minutes a week each';

/** Reconnect (issue 21): the six-week path through the method, one practice a week. */
export function ProgrammePage({ session }: { session: Unlocked }) {
  return (
    <Page title="Reconnect" className="programme">
      <SpaceGate why="Your progress and reflections are kept in your space, sealed so only the two of you can read them.">
        {(space) => <ProgrammeContent session={session} space={space} />}
      </SpaceGate>
    </Page>
  );
}

function ProgrammeContent({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const programme = useProgramme(session, space);
  const partnerName = partnerOf(space)?.name ?? 'your partner';
  if (programme.data === null) return programme.error ? <ErrorMessage message={programme.error} /> : <Spinner label="Opening Reconnect…" />;
  const { view } = programme.data;
  if (view.status === 'not-started' || view.status === 'invited') return <StartCard programme={programme} view={view} partnerName={partnerName} />;
  return <Started programme={programme} data={programme.data} partnerName={partnerName} timeZone={session.user.timeZone} hours={{ active: session.user.activeHours, quiet: session.user.quietHours }} emailed={session.user.reminderEmail} />;
}

function StartCard({ programme, view, partnerName }: { programme: Programme; view: ProgrammeView; partnerName: string }) {
  const start = useAction(() => programme.act('start'));
  return (
    <section class="card" aria-labelledby="start-heading">
      <h2 id="start-heading">{view.status === 'invited' ? `${partnerName} has started Reconnect` : 'Six weeks, one practice a week'}</h2>
      <p class="lead">
        {view.status === 'invited'
          ? 'Join when you are ready: you start at the week the two of you are in, and nothing you missed is held against you.'
          : 'A short lesson and three small things to do each week, with the tools you already have here. About 20 minutes a week each. Hearth notices when you have done them: there is nothing to tick.'}
      </p>
      <ol class="path-preview">
        {['Talk without blame', 'Time together', 'Touch through the day', 'Support and appreciation', 'Desire, or closeness without pressure', 'Check-up and when to get help'].map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ol>
      <p class="hint">You begin with the relationship pulse, privately, so you can see at the end whether it helped. {view.solo ? 'You can do it alone and bring your partner in at any week.' : ''}</p>
      <ErrorMessage message={start.error} />
      <button type="button" class="primary" disabled={start.busy} onClick={() => void start.run()}>
        {view.status === 'invited' ? 'Join Reconnect' : 'Start Reconnect'}
      </button>
    </section>
  );
}

function Started({
  programme,
  data,
  partnerName,
  timeZone,
  hours,
  emailed,
}: {
  programme: Programme;
  data: ProgrammeData;
  partnerName: string;
  timeZone: string;
  hours: ReminderHours;
  emailed: boolean;
}) {
  const { view } = data;
  const pause = useAction(() => programme.act(view.status === 'paused' ? 'resume' : 'pause'));
  const current = view.weeks[view.current - 1];
  const [shown, setShown] = useState(view.current);
  const week = view.weeks[shown - 1] ?? current;
  const baseline = data.myPulses[0];
  return (
    <>
      {/* By week 6 the check-up's pulse is the one to take; a starting point then would be a second card asking the same. */}
      {baseline === undefined && view.current < 6 ? (
        <section class="card" aria-labelledby="baseline-heading">
          <h2 id="baseline-heading">First, your starting point</h2>
          <p>Take the relationship pulse: four questions, private to you. At the end you can compare.</p>
          <Link href="/app/help/pulse" class="button primary">
            Take the pulse
          </Link>
        </section>
      ) : null}
      <nav class="programme-path" aria-label="The six weeks">
        <ol>
          {view.weeks.map((w) => (
            <li key={w.week}>
              <button
                type="button"
                class={`path-step${w.week === shown ? ' is-shown' : ''}${w.doneByMe ? ' is-done' : ''}`}
                disabled={w.openedAt === null}
                aria-current={w.week === shown ? 'step' : undefined}
                onClick={() => setShown(w.week)}
              >
                <span class="path-icon" aria-hidden="true">
                  {w.doneByMe ? <CircleCheck size={18} /> : w.openedAt === null ? <Lock size={16} /> : <Circle size={18} />}
                </span>
                <span class="path-label">
                  <span class="visually-hidden">Week </span>
                  {w.week}
                  <span class="visually-hidden">: {w.title}{w.doneByMe ? ', done' : w.openedAt === null ? ', not open yet' : ''}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {view.status === 'paused' ? <p class="status">Reconnect is paused. Nothing opens and nothing is counted against you until you resume.</p> : null}
      {view.pickUp !== null && view.pickUp !== shown ? (
        <p class="status">
          Pick up where you left off:{' '}
          <button type="button" class="link" onClick={() => setShown(view.pickUp ?? 1)}>
            week {view.pickUp}
          </button>
        </p>
      ) : null}
      {week ? <WeekCard week={week} view={view} partnerName={partnerName} data={data} programme={programme} /> : null}
      {view.status === 'finished' || shown === 6 ? <CheckUp data={data} partnerName={partnerName} timeZone={timeZone} /> : null}
      <section class="screen-foot">
        {view.nextOpensAt !== null && view.current < 6 ? <p class="hint">Week {view.current + 1} opens by {formatDate(view.nextOpensAt)}, or as soon as this week is done.</p> : null}
        {view.status === 'active' ? <ReminderForm programme={programme} hours={hours} emailed={emailed} /> : null}
        <ErrorMessage message={pause.error} />
        <button type="button" disabled={pause.busy} onClick={() => void pause.run()}>
          {view.status === 'paused' ? 'Resume Reconnect' : 'Pause Reconnect'}
        </button>
      </section>
    </>
  );
}

function WeekCard({ week, view, partnerName, data, programme }: { week: WeekView; view: ProgrammeView; partnerName: string; data: ProgrammeData; programme: Programme }) {
  const headingId = useId();
  const lesson = useLesson(week.week, week.exercises[0]?.id.startsWith('w5g') === true ? 'gentle' : 'standard');
  const partnerIn = view.partnerJoined;
  return (
    <section class="card week-card" aria-labelledby={headingId}>
      <p class="eyebrow">Week {week.week} of 6</p>
      <h2 id={headingId}>{week.title}</h2>
      {lesson === null ? <Spinner label="Loading the lesson…" /> : lesson === 'failed' ? <p class="muted">The lesson could not be loaded. Try again later.</p> : <Lesson lesson={lesson} />}
      <h3>This week</h3>
      <ul class="exercises">
        {week.exercises.map((e) => (
          <li key={e.id} class={e.mine === null ? 'exercise' : 'exercise is-done'}>
            <span class="exercise-mark" aria-hidden="true">
              {e.mine === null ? <Circle size={22} /> : <CircleCheck size={22} />}
            </span>
            <span class="exercise-text">
              <Link href={e.href}>{e.title}</Link>
              <span class="exercise-who">
                You: {e.mine === null ? 'not yet' : 'done'}
                {partnerIn ? ` · ${partnerName}: ${e.partner === null ? 'not yet' : 'done'}` : ''}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {!partnerIn && !view.solo ? <p class="hint">{partnerName} has not joined Reconnect yet. Their progress shows here once they do.</p> : null}
      <Reflection week={week.week} data={data} programme={programme} partnerName={partnerName} partnerIn={!view.solo} />
    </section>
  );
}

function useLesson(week: number, variant: 'standard' | 'gentle'): ProgrammeLesson | 'failed' | null {
  const [lesson, setLesson] = useState<ProgrammeLesson | 'failed' | null>(null);
  useEffect(() => {
    let alive = true;
    setLesson(null);
    void loadLessons().then((res) => {
      if (!alive) return;
      const found = res.ok ? res.value.find((l) => l.week === week && l.variant === variant) : undefined;
      setLesson(found ?? 'failed');
    });
    return () => {
      alive = false;
    };
  }, [week, variant]);
  return lesson;
}

function Lesson({ lesson }: { lesson: ProgrammeLesson }) {
  return (
    <details class="lesson">
      <summary>
        Read the lesson <span class="muted">· about {lesson.minutes} minutes</span>
      </summary>
      <p class="lead">{lesson.summary}</p>
      <img src={lesson.image.src} alt={lesson.image.alt} width={320} height={200} class="lesson-image" />
      {/* Rendered from our own Markdown and sanitised by the server at start-up (guides/load.ts). */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      <h3>Sources</h3>
      <ul class="sources">
        {lesson.sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </details>
  );
}

function Reflection({ week, data, programme, partnerName, partnerIn }: { week: number; data: ProgrammeData; programme: Programme; partnerName: string; partnerIn: boolean }) {
  const id = useId();
  const mine = data.reflections.get(week);
  const theirs = data.partnerReflections.get(week);
  const [text, setText] = useState('');
  const [shared, setShared] = useState(true);
  const save = useAction(async () => {
    const res = await programme.reflect(week, text.trim(), shared && partnerIn);
    if (res.ok) setText('');
    return res;
  });
  return (
    <div class="reflection">
      <h3>Your reflection</h3>
      {mine ? (
        <p class="reflection-text">
          {mine.text} <span class="muted">({mine.shared ? `shared with ${partnerName}` : 'only you'})</span>
        </p>
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() !== '') void save.run();
          }}
        >
          <label for={`${id}-text`}>{week === 6 ? 'What will you keep doing?' : 'What did you notice this week?'}</label>
          <textarea id={`${id}-text`} rows={3} maxLength={4000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          {partnerIn ? (
            <div class="check">
              <input id={`${id}-share`} type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
              <label for={`${id}-share`}>Share it with {partnerName}</label>
            </div>
          ) : null}
          <ErrorMessage message={save.error} />
          <button type="submit" disabled={save.busy || text.trim() === ''}>
            Save reflection
          </button>
        </form>
      )}
      {theirs ? (
        <p class="reflection-text">
          <strong>{partnerName}:</strong> {theirs}
        </p>
      ) : null}
    </div>
  );
}

/** The before and after: my own scores always; the partner's only when both of us shared ours. */
function CheckUp({ data, partnerName, timeZone }: { data: ProgrammeData; partnerName: string; timeZone: string }) {
  const both = data.iShared && data.partnerPulses.length > 0;
  const partner = both ? data.partnerPulses : [];
  // The same when-to-seek-help rules as Help, on the programme's own pulses.
  const reasons = suggestionReasons({ mine: data.myPulses, partners: partner, conversations: [], iAsked: false, partnerAsked: false });
  return (
    <section class="card" aria-labelledby="checkup-heading">
      <h2 id="checkup-heading">Your check-up</h2>
      <p>
        {data.myPulses.length > 1
          ? 'Your pulse at the start and now.'
          : data.myPulses.length === 1
            ? 'Take the pulse again this week to see where you are now.'
            : 'Take the pulse this week to see where you are.'}
      </p>
      <TrendChart mine={data.myPulses} partner={partner} partnerLabel={partnerName} timeZone={timeZone} />
      <p class="hint">{both ? `You both shared your scores, so you see each other's.` : `${partnerName}'s scores show here once you have both shared yours.`}</p>
      {reasons.length > 0 ? (
        <div class="status">
          <ul>
            {reasons.map((r) => (
              <li key={`${r.kind}-${'whose' in r ? r.whose : ''}`}>{describeReason(r)}</li>
            ))}
          </ul>
          <p>
            Talking to a counselor can help. <Link href="/app/help">Help</Link> lists counselors and helplines.
          </p>
        </div>
      ) : (
        <p class="hint">
          If things still feel hard, that is worth taking seriously: <Link href="/app/help">Help</Link> lists counselors and what to look for.
        </p>
      )}
    </section>
  );
}

/** The weekly reminder's time, offered only inside the person's active hours and outside their quiet ones. */
function ReminderForm({ programme, hours, emailed }: { programme: Programme; hours: ReminderHours; emailed: boolean }) {
  const id = useId();
  const times = reminderTimes(hours);
  const [time, setTime] = useState(programme.reminder ?? 'none');
  const save = useAction(() => programme.setReminder(time === 'none' ? null : time));
  const [saved, setSaved] = useState(false);
  // The saved time arrives after the first paint.
  useEffect(() => {
    setTime(programme.reminder ?? 'none');
  }, [programme.reminder]);
  return (
    <form
      class="reminder-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run().then(setSaved);
      }}
    >
      <label for={`${id}-time`}>Weekly reminder</label>
      <div class="row">
        <select
          id={`${id}-time`}
          value={time}
          onChange={(e) => {
            setTime(e.currentTarget.value);
            setSaved(false);
          }}
        >
          <option value="none">No reminder</option>
          {/* A time saved before the hours changed stays visible; the server holds it to the new hours. */}
          {programme.reminder !== null && !times.includes(programme.reminder) ? <option value={programme.reminder}>{programme.reminder}</option> : null}
          {times.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="submit" disabled={save.busy}>
          Save
        </button>
      </div>
      <p class="hint" role="status">
        {saved ? (time === 'none' ? 'No weekly reminder.' : `Saved: each week at ${time}, in plain words ("A reminder in Hearth").`) : 'On the day your week starts, within your active hours. It never names Reconnect.'}
      </p>
      <p class="hint">
        {emailed ? 'Also sent by email. ' : 'By notification. '}
        <Link href="/app/settings/reminders">{emailed ? 'Change in Reminders' : 'Email it too, or change your hours'}</Link>
      </p>
      <ErrorMessage message={save.error} />
    </form>
  );
}
