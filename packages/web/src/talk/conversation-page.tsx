import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { CONVERSATION_STEPS, isoToZonedDateTime, ok, zonedDateTimeToIso, type ConversationState } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDateTime, Page, Spinner, useAction } from '../shared/ui.tsx';
import { loadSpace, useSpace, type LoadedSpace } from '../space/space.ts';
import { AgreementSection, HeardSection, IdeasSection, SidesSection, type StepProps } from './conversation-steps.tsx';
import { partnerName, useConversations, type Conversations } from './talk-data.ts';

/** How often the open conversation looks for the partner's latest words. */
const POLL_MS = 4000;

/** "Talk it through": one topic, step by step (DESIGN §2, practice 1). */
export function ConversationPage({ session, topicId }: { session: Unlocked; topicId: string }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status !== 'ready') void loadSpace();
  }, []);
  if (state.status === 'ready' && state.space.key) return <Loaded session={session} space={state.space} topicId={topicId} />;
  return (
    <Page title="Talk it through">
      {state.status === 'error' ? (
        <ErrorMessage message={state.message} />
      ) : state.status === 'ready' ? (
        <ErrorMessage message="This device couldn't open your space's key. Try signing out and in again." />
      ) : state.status === 'none' ? (
        <p>
          Conversations live in your space. <Link href="/app/today">Go to Today</Link> to create it.
        </p>
      ) : (
        <Spinner label="Loading your space…" />
      )}
    </Page>
  );
}

function Loaded({ session, space, topicId }: { session: Unlocked; space: LoadedSpace; topicId: string }) {
  const conv = useConversations(session, space, { pollMs: POLL_MS });
  const state = conv.states.find((s) => s.topic.id === topicId);
  if (!state) {
    return (
      <Page title="Talk it through">
        <ErrorMessage message={conv.error} />
        {conv.loaded ? <p>This conversation isn't here. It may have been removed.</p> : <Spinner label="Opening the conversation…" />}
        <p>
          <Link href="/app/talk/topics">All conversations</Link>
        </p>
      </Page>
    );
  }
  return <Conversation session={session} space={space} conv={conv} state={state} />;
}

function Stepper({ state }: { state: ConversationState }) {
  return (
    <ol class="talk-stepper" aria-label="Steps">
      {CONVERSATION_STEPS.map((s, i) => {
        const isDone = i < state.stepIndex || state.stage === 'follow-up';
        const current = i === state.stepIndex;
        return (
          <li key={s.step} class={current ? 'current' : isDone ? 'done' : undefined} aria-current={current ? 'step' : undefined}>
            <span class="talk-step-number" aria-hidden="true">
              {isDone ? '✓' : String(i + 1)}
            </span>
            <span>{s.label}</span>
            {isDone ? <span class="visually-hidden"> (done)</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The rules of the current step, briefly. */
function rulesFor(stage: ConversationState['stage'], partner: string): string[] {
  switch (stage) {
    case 'sides':
      return [
        'One speaker at a time: each writes alone, and neither sees the other side until both are written.',
        'Describe the situation, not the person: what happened, and how you felt.',
        "No \"always\" or \"never\": talk about this time, not a verdict on who someone is.",
        'Start gently. How the first few minutes of a hard talk go mostly decides how it ends.',
      ];
    case 'heard':
      return [
        `One speaker at a time: here you listen to ${partner}'s side, and they listen to yours.`,
        "Say back what you understood in your own words. Don't answer or defend yet.",
        '"Not quite" is not a failure. Try again until it feels right.',
      ];
    case 'ideas':
    case 'agreement':
      return [
        'Every idea is welcome: no judging while you collect them.',
        'Mark each idea you could live with, not just your favourite.',
        'Pick something small to try first, and a day to look at how it went.',
      ];
    case 'follow-up':
      return ['When the day comes, talk about how it went: what helped, and what to change.', 'Notice what your partner did, not only what they missed.'];
  }
}

/** A break with a time to come back: flooding is real, and stepping away is a skill. */
function PauseControls({ state, conv, timeZone, done }: { state: ConversationState; conv: Conversations; timeZone: string; done: StepProps['done'] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);

  const pause = useAction(async (iso: string) => {
    const body = note.trim() ? { until: iso, note: note.trim() } : { until: iso };
    const res = await conv.create('talk-pause', body, { parentId: state.topic.id, remindAt: iso });
    if (!res.ok) return res;
    setOpen(false);
    setNote('');
    done('Paused. Take the time you need.', 'talk-paused');
    return ok(undefined);
  });
  const resume = useAction(async () => {
    const res = await conv.create('talk-resume', {}, { parentId: state.topic.id });
    if (!res.ok) return res;
    done('Welcome back. The conversation is open again.', 'talk-current');
    return ok(undefined);
  });

  const start = () => {
    setUntil(isoToZonedDateTime(new Date(Date.now() + 30 * 60_000).toISOString(), timeZone));
    setOpen(true);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const [date = '', time = ''] = until.split('T');
    const iso = zonedDateTimeToIso(date, time.slice(0, 5), timeZone);
    if (iso === null) return pause.setError('Pick a day and time to come back.');
    if (Date.parse(iso) <= Date.now()) return pause.setError('Pick a time later than now.');
    void pause.run(iso);
  };

  if (state.paused) {
    const p = state.paused;
    return (
      <section class="card talk-paused" aria-labelledby="talk-paused">
        <h2 id="talk-paused" tabIndex={-1}>
          Paused until {formatDateTime(p.until, timeZone)}
        </h2>
        <p>
          {p.over ? 'The time you set to come back has come. ' : ''}
          Taking a break when feelings run high is a good move: a racing heart makes it hard to listen. Do something calming, then
          come back.
        </p>
        {p.note ? (
          <p>
            <span class="talk-meta">Note: </span>
            <span class="talk-text">{p.note}</span>
          </p>
        ) : null}
        <ErrorMessage message={resume.error} />
        <button type="button" class="primary" disabled={resume.busy} onClick={() => void resume.run()}>
          Resume now
        </button>
      </section>
    );
  }

  return (
    <section class="talk-break" aria-label="Take a break">
      {open ? (
        <form class="card stack" onSubmit={onSubmit}>
          <p>
            Feeling flooded is a body thing, and it passes. Taking at least twenty minutes to calm down, then coming back, works
            better than pushing through. Say when you'll be back.
          </p>
          <div class="field">
            <label for={`${id}-until`}>Come back at</label>
            <input ref={firstField} id={`${id}-until`} type="datetime-local" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`${id}-note`}>Note (optional)</label>
            <input id={`${id}-note`} type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <ErrorMessage message={pause.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={pause.busy}>
              Pause
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={start}>
          Take a break
        </button>
      )}
    </section>
  );
}

function Conversation({ session, space, conv, state }: { session: Unlocked; space: LoadedSpace; conv: Conversations; state: ConversationState }) {
  const partner = partnerName(space);
  const [status, setStatus] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (focusId === null) return;
    const target = focusId === 'talk-current' ? currentHeadingId(state) : focusId;
    if (target !== '') document.getElementById(target)?.focus();
    setFocusId(null);
  }, [focusId, state]);

  const done = (message: string, focus: string) => {
    setStatus(message);
    setFocusId(focus);
  };

  const active = space.view.status === 'active';
  const canWrite = active && state.paused === null;
  const props: StepProps = {
    state,
    conv,
    me: { id: session.user.id, name: session.displayName ?? 'You', timeZone: session.user.timeZone },
    partner,
    canWrite,
    done,
  };
  const rules = rulesFor(state.stage, partner);
  const stage = state.stage;

  return (
    <Page title={`${state.topic.title} · Talk it through`} heading={state.topic.title} className="talk-conversation">
      <p>
        <Link href="/app/talk/topics">All conversations</Link>
      </p>
      {state.topic.why ? (
        <p class="talk-why">
          <span class="talk-meta">Why it matters: </span>
          <span class="talk-text">{state.topic.why}</span>
        </p>
      ) : null}
      <Stepper state={state} />
      <p class="status" aria-live="polite">
        {status}
      </p>
      <ErrorMessage message={conv.error} />
      {conv.unreadable > 0 ? <p class="muted">Some parts of your conversations couldn't be opened on this device.</p> : null}
      <section class="talk-rules" aria-labelledby="talk-rules-heading">
        <h2 id="talk-rules-heading">How this step works</h2>
        <ul>
          {rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
      {active ? <PauseControls state={state} conv={conv} timeZone={session.user.timeZone} done={done} /> : null}
      <SidesSection {...props} />
      {stage !== 'sides' ? <HeardSection {...props} /> : null}
      {stage === 'ideas' || stage === 'agreement' || stage === 'follow-up' ? <IdeasSection {...props} /> : null}
      {stage === 'agreement' || stage === 'follow-up' ? <AgreementSection {...props} /> : null}
    </Page>
  );
}

function currentHeadingId(state: ConversationState): string {
  switch (state.stage) {
    case 'sides':
      return 'talk-sides';
    case 'heard':
      return 'talk-heard';
    case 'ideas':
      return 'talk-ideas';
    case 'agreement':
    case 'follow-up':
      return 'talk-agreement';
  }
}
