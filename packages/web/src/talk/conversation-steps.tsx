import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { calendarDateIn, ok, zonedDateTimeToIso, type ConversationState, type Hearing, type Reflection } from '@hearth/core';
import { ErrorMessage, formatDate, useAction } from '../shared/ui.tsx';
import { CoachField } from './coach-field.tsx';
import { possessive, type Conversations } from './talk-data.ts';

/** What each step's section needs from the page. */
export type StepProps = {
  readonly state: ConversationState;
  readonly conv: Conversations;
  readonly me: { readonly id: string; readonly name: string; readonly timeZone: string };
  readonly partner: string;
  /** Whether writing is possible now (not paused, space still active). */
  readonly canWrite: boolean;
  /** Announces a status politely and moves focus to the element with this id after the next render. */
  readonly done: (message: string, focusId: string) => void;
};

const nameOf = (p: StepProps, authorId: string) => (authorId === p.me.id ? 'You' : p.partner);

function SectionHeading({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} tabIndex={-1}>
      {children}
    </h2>
  );
}

/** Step 2: each writes their side; both show only once both are written. */
export function SidesSection(p: StepProps) {
  const { state } = p;
  const [text, setText] = useState('');
  const share = useAction(async () => {
    const res = await p.conv.create('talk-side', { text: text.trim() }, { parentId: state.topic.id });
    if (!res.ok) return res;
    // Tells the partner it is their turn; the side itself stays withheld until they write theirs.
    // If this one fails, the effect below writes it again.
    await p.conv.create('talk-side-written', {}, { parentId: state.topic.id });
    setText('');
    p.done('Your side is shared.', 'talk-sides');
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      share.setError('Write your side first.');
      return;
    }
    void share.run();
  };

  const mine = state.sides.mine;
  const lostMarker = mine !== null && !state.sides.mineMarked && p.canWrite && !share.busy;
  const { create } = p.conv;
  useEffect(() => {
    if (lostMarker) void create('talk-side-written', {}, { parentId: state.topic.id });
  }, [lostMarker, create, state.topic.id]);
  return (
    <section class="card talk-step" aria-labelledby="talk-sides">
      <SectionHeading id="talk-sides">Your side</SectionHeading>
      {state.sides.revealed ? (
        <div class="talk-sides">
          {state.sides.inOrder.map((s) => (
            <article key={s.id} class="talk-side" data-testid="talk-side">
              <h3>{s.authorId === p.me.id ? 'Your side' : `${possessive(p.partner)} side`}</h3>
              <p class="talk-text">{s.text}</p>
            </article>
          ))}
        </div>
      ) : mine ? (
        <>
          <article class="talk-side" data-testid="talk-side">
            <h3>Your side</h3>
            <p class="talk-text">{mine.text}</p>
          </article>
          <p class="talk-waiting">
            {state.partnerId === null ? 'Waiting for your partner to join Hearth.' : `Waiting for ${possessive(p.partner)} side.`}{' '}
            <span class="muted">Both sides show once you have each written yours.</span>
          </p>
        </>
      ) : (
        <>
          {state.sides.partnerHasWritten ? (
            <p class="talk-waiting">{p.partner} has shared their side. You'll see it once you share yours.</p>
          ) : null}
          {p.canWrite ? (
            <form class="stack" onSubmit={onSubmit}>
              <CoachField
                label="Your side"
                hint={`Only you can see this until you have both written. ${p.partner} writes theirs on their own.`}
                value={text}
                onInput={setText}
                rows={6}
                maxLength={5000}
              />
              <ErrorMessage message={share.error} />
              <button type="submit" class="primary" disabled={share.busy}>
                Share my side
              </button>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}

function VerdictText({ r, p }: { r: Reflection; p: StepProps }) {
  if (r.verdict === null) return null;
  const who = r.authorId === p.me.id ? p.partner : 'You';
  return r.verdict.answer === 'yes' ? (
    <p class="talk-verdict yes">{who}: “Yes, that's it.”</p>
  ) : (
    <p class="talk-verdict">
      {who}: “Not quite.” <span class="talk-text">{r.verdict.correction}</span>
    </p>
  );
}

/** The author's answer to the latest reflection of their side. */
function AnswerReflection({ r, p }: { r: Reflection; p: StepProps }) {
  const id = useId();
  const [correcting, setCorrecting] = useState(false);
  const [correction, setCorrection] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (correcting) field.current?.focus();
  }, [correcting]);

  const answer = useAction(async (verdict: 'yes' | 'not-quite') => {
    const body = verdict === 'yes' ? { verdict } : { verdict, correction: correction.trim() };
    const res = await p.conv.create('talk-verdict', body, { parentId: r.id });
    if (!res.ok) return res;
    p.done(verdict === 'yes' ? `You told ${p.partner} they heard you.` : `Your correction is sent to ${p.partner}.`, 'talk-heard');
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!correction.trim()) {
      answer.setError('Say what you meant first.');
      return;
    }
    void answer.run('not-quite');
  };
  return (
    <div class="talk-answer" role="group" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>Did {p.partner} hear you?</p>
      <div class="actions">
        <button type="button" class="primary" disabled={answer.busy} onClick={() => void answer.run('yes')}>
          Yes, that's it
        </button>
        <button type="button" disabled={answer.busy} aria-expanded={correcting} onClick={() => setCorrecting(true)}>
          Not quite
        </button>
      </div>
      {correcting ? (
        <form class="stack" onSubmit={onSubmit}>
          <CoachField
            label="What I meant"
            hint="Gently say what was missing or different."
            value={correction}
            onInput={setCorrection}
            textareaRef={field}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={answer.busy}>
              Send correction
            </button>
            <button type="button" onClick={() => setCorrecting(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <ErrorMessage message={answer.error} />
    </div>
  );
}

function Reflections({ hearing, p }: { hearing: Hearing; p: StepProps }) {
  return (
    <ol class="talk-reflections">
      {hearing.reflections.map((r, i) => {
        const last = i === hearing.reflections.length - 1;
        const mayAnswer = last && r.verdict === null && hearing.sideAuthorId === p.me.id && p.canWrite;
        return (
          <li key={r.id} class="talk-reflection" data-testid="talk-reflection">
            <p class="talk-meta">{r.authorId === p.me.id ? 'You heard:' : `${p.partner} heard:`}</p>
            <p class="talk-text">{r.text}</p>
            <VerdictText r={r} p={p} />
            {mayAnswer ? <AnswerReflection r={r} p={p} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Step 3: each says back what they heard; the author confirms or corrects. */
export function HeardSection(p: StepProps) {
  const { state } = p;
  const [text, setText] = useState('');
  const mineHeard = state.hearing.mine;
  const theirsHeard = state.hearing.partners;
  const canReflect = p.canWrite && state.turn.me.some((a) => a.kind === 'reflect');
  const lastMine = theirsHeard.reflections.at(-1);

  const send = useAction(async () => {
    const res = await p.conv.create('talk-reflection', { text: text.trim() }, { parentId: state.topic.id });
    if (!res.ok) return res;
    setText('');
    p.done(`Sent. ${p.partner} can now say whether that's it.`, 'talk-heard');
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      send.setError('Write what you heard first.');
      return;
    }
    void send.run();
  };

  return (
    <section class="card talk-step" aria-labelledby="talk-heard">
      <SectionHeading id="talk-heard">What I heard</SectionHeading>
      <h3>{possessive(p.partner)} side, as you heard it</h3>
      <Reflections hearing={theirsHeard} p={p} />
      {theirsHeard.heard ? (
        <p class="talk-done">{p.partner} feels heard.</p>
      ) : canReflect ? (
        <form class="stack" onSubmit={onSubmit}>
          <CoachField
            label="What I heard"
            hint={
              lastMine?.verdict?.answer === 'not-quite'
                ? `Try again with what ${p.partner} added. Getting it right on the second go is how this works.`
                : `In your own words: what happened for ${p.partner}, and how did they feel? Don't answer it yet.`
            }
            value={text}
            onInput={setText}
          />
          <ErrorMessage message={send.error} />
          <button type="submit" class="primary" disabled={send.busy}>
            Send what I heard
          </button>
        </form>
      ) : lastMine && lastMine.verdict === null ? (
        <p class="talk-waiting">Waiting for {p.partner} to say whether you heard them right.</p>
      ) : null}

      <h3>Your side, as {p.partner} heard it</h3>
      <Reflections hearing={mineHeard} p={p} />
      {mineHeard.heard ? (
        <p class="talk-done">You feel heard.</p>
      ) : mineHeard.reflections.at(-1)?.verdict !== null ? (
        <p class="talk-waiting">Waiting for {p.partner} to write what they heard.</p>
      ) : null}
    </section>
  );
}

function IdeaItem({ idea, p, interactive }: { idea: ConversationState['ideas'][number]; p: StepProps; interactive: boolean }) {
  const id = useId();
  // Shown at once, so the box doesn't flick back while the mark is saved.
  const [pending, setPending] = useState<boolean | null>(null);
  const toggle = useAction(async (checked: boolean) => {
    const body = { canLiveWith: checked };
    const res = idea.myMark ? await p.conv.update(idea.myMark.id, body) : await p.conv.create('talk-idea-mark', body, { parentId: idea.id });
    setPending(null);
    return res.ok ? ok(undefined) : res;
  });
  return (
    <li class={idea.common ? 'talk-idea common' : 'talk-idea'} data-testid="talk-idea">
      <p class="talk-text" id={`${id}-text`}>
        {idea.text}
      </p>
      <p class="talk-meta">
        {nameOf(p, idea.authorId) === 'You' ? 'Your idea' : `${possessive(p.partner)} idea`}
        {idea.partnerCanLiveWith ? ` · ${p.partner} could live with this` : ''}
      </p>
      {idea.common ? <p class="badge talk-common">You could both live with this</p> : null}
      {interactive ? (
        <div class="check">
          <input
            id={`${id}-mark`}
            type="checkbox"
            checked={pending ?? idea.iCanLiveWith}
            disabled={toggle.busy}
            aria-describedby={`${id}-text`}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setPending(checked);
              void toggle.run(checked);
            }}
          />
          <label for={`${id}-mark`}>I could live with this</label>
        </div>
      ) : idea.iCanLiveWith ? (
        <p class="talk-meta">You could live with this</p>
      ) : null}
      <ErrorMessage message={toggle.error} />
    </li>
  );
}

/** Step 4: both add ideas and mark the ones they could live with. */
export function IdeasSection(p: StepProps) {
  const { state } = p;
  const [text, setText] = useState('');
  const interactive = p.canWrite && (state.stage === 'ideas' || state.stage === 'agreement');
  const add = useAction(async () => {
    const res = await p.conv.create('talk-idea', { text: text.trim() }, { parentId: state.topic.id });
    if (!res.ok) return res;
    setText('');
    p.done('Idea added. Mark it if you could live with it.', '');
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      add.setError('Write an idea first.');
      return;
    }
    void add.run();
  };
  return (
    <section class="card talk-step" aria-labelledby="talk-ideas">
      <SectionHeading id="talk-ideas">Ideas</SectionHeading>
      {state.ideas.length === 0 ? (
        <p class="muted">No ideas yet. Small, concrete ones are easiest to try.</p>
      ) : (
        <ul class="talk-ideas">
          {state.ideas.map((idea) => (
            <IdeaItem key={idea.id} idea={idea} p={p} interactive={interactive} />
          ))}
        </ul>
      )}
      {interactive ? (
        <form class="stack" onSubmit={onSubmit}>
          <CoachField label="Add an idea" hint="A possible solution or a compromise." value={text} onInput={setText} rows={2} maxLength={1000} />
          <ErrorMessage message={add.error} />
          <button type="submit" disabled={add.busy}>
            Add idea
          </button>
        </form>
      ) : null}
    </section>
  );
}

const addDays = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

function AgreementForm({ p, initial, button }: { p: StepProps; initial: string; button: string }) {
  const id = useId();
  const today = calendarDateIn(new Date(), p.me.timeZone);
  const [text, setText] = useState(initial);
  const [on, setOn] = useState(() => calendarDateIn(addDays(new Date(), 7), p.me.timeZone));
  const record = useAction(async () => {
    // The reminder time is plaintext schedule metadata (DESIGN §4): 9 in the morning, in my time zone.
    const remindAt = zonedDateTimeToIso(on, '09:00', p.me.timeZone);
    const res = await p.conv.create('talk-agreement', { text: text.trim(), followUpOn: on }, { parentId: p.state.topic.id, remindAt });
    if (!res.ok) return res;
    p.done(`Agreement recorded. You'll both be reminded to check in on ${formatDate(`${on}T12:00:00Z`, 'UTC')}.`, 'talk-agreement');
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return record.setError("Write what you'll try first.");
    if (!/^\d{4}-\d\d-\d\d$/.test(on)) return record.setError('Pick a day to check in.');
    if (on < today) return record.setError('Pick a day from today on.');
    void record.run();
  };
  return (
    <form class="stack" onSubmit={onSubmit}>
      <div class="field">
        <label for={`${id}-text`}>What we'll try</label>
        <textarea id={`${id}-text`} rows={3} maxLength={3000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${id}-on`}>Check in on</label>
        <input id={`${id}-on`} type="date" min={today} value={on} onInput={(e) => setOn(e.currentTarget.value)} />
      </div>
      <ErrorMessage message={record.error} />
      <button type="submit" class="primary" disabled={record.busy}>
        {button}
      </button>
    </form>
  );
}

/** Step 5: what they agree to try, and when to look at how it's going. */
export function AgreementSection(p: StepProps) {
  const { state } = p;
  const common = state.ideas.filter((i) => i.common).map((i) => i.text);
  const a = state.agreement;
  return (
    <section class="card talk-step" aria-labelledby="talk-agreement">
      <SectionHeading id="talk-agreement">Agreement</SectionHeading>
      {a ? (
        <>
          <p class="talk-meta">We agreed to try:</p>
          <p class="talk-text talk-agreed" data-testid="talk-agreement">
            {a.text}
          </p>
          <p>
            Check in on <strong>{formatDate(`${a.followUpOn}T12:00:00Z`, 'UTC')}</strong>
          </p>
          {a.due ? (
            <div class="talk-followup">
              <h3>How is it going?</h3>
              <p>
                Talk together about how it has gone since you agreed. Keep it, or change it and pick the next day to check in. Notice
                what went well before what didn't.
              </p>
              {p.canWrite ? <AgreementForm p={p} initial={a.text} button="Update our agreement" /> : null}
            </div>
          ) : null}
        </>
      ) : p.canWrite ? (
        <AgreementForm p={p} initial={common.join('\n')} button="Record agreement" />
      ) : null}
    </section>
  );
}
