import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
  CATEGORY_LABELS,
  DEPTH_LABELS,
  QUESTION_CATEGORIES,
  QUESTION_DEPTHS,
  QUESTION_REACTIONS,
  REACTION_LABELS,
  answeredTogether,
  err,
  ok,
  type QuestionCategory,
  type QuestionDay,
  type QuestionDepth,
} from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner, formatDate, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { CoachField } from '../talk/coach-field.tsx';
import { partnerLabel } from './question-data.ts';
import { useDailyQuestion, type DailyQuestion } from './question-data.ts';
import { SpaceGate } from '../space/space-gate.tsx';
import { Intro } from '../ui/intro.tsx';

/** The partner may answer any moment; a gentle refresh brings the reveal without a reload. */
const POLL_MS = 10_000;

/** Practice 1, Talk: one question a day for both, answers revealed only when both have answered (issue #11). */
export function QuestionPage({ session }: { session: Unlocked }) {

  return (
    <Page title="Today's question">
      <Intro art="question">One question a day for the two of you. You each answer privately; the answers open when you both have.</Intro>
      <SpaceGate why="Answers are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.">{(space) => <QuestionContent session={session} space={space} />}</SpaceGate>
    </Page>
  );
}


function QuestionContent({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const dq = useDailyQuestion(session, space, { pollMs: POLL_MS, create: true });
  const partner = partnerLabel(space);
  const past = dq.days.filter((d) => d.date !== dq.today && !d.skipped);
  const active = space.view.status === 'active';

  return (
    <>
      <ErrorMessage message={dq.error} />
      {dq.unreadable > 0 ? (
        <p class="muted">
          {dq.unreadable === 1 ? 'One item' : `${String(dq.unreadable)} items`} of the daily question could not be opened on this device.
        </p>
      ) : null}
      {!dq.loaded ? (
        <Spinner label="Loading today's question…" />
      ) : dq.current ? (
        <DayCard day={dq.current} dq={dq} partner={partner} me={session.user.id} today active={active} />
      ) : active ? (
        <Spinner label="Choosing today's question…" />
      ) : (
        <p class="muted">This space has ended, so there are no new questions. Your history is still here.</p>
      )}

      <p class="dq-count" aria-live="polite">
        Questions answered together: {answeredTogether(dq.days)}
      </p>

      {active && dq.loaded ? <QuestionSettings dq={dq} /> : null}

      <section class="dq-history" aria-labelledby="dq-history-heading">
        <h2 id="dq-history-heading">Past questions</h2>
        {past.length === 0 ? (
          <p class="muted">Past questions and both your answers will be kept here.</p>
        ) : (
          <ul class="dq-history-list">
            {past.map((d) => (
              <li key={d.id}>
                <DayCard day={d} dq={dq} partner={partner} me={session.user.id} today={false} active={active} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function DayCard({
  day,
  dq,
  partner,
  me,
  today,
  active,
}: {
  day: QuestionDay;
  dq: DailyQuestion;
  partner: string;
  me: string;
  today: boolean;
  active: boolean;
}) {
  const headingId = useId();
  const question = day.question;
  const Heading = today ? 'h2' : 'h3';
  return (
    <article class={today ? 'card dq-day dq-today' : 'card dq-day'} aria-labelledby={headingId}>
      <p class="dq-meta">
        {today ? 'Today' : formatDate(`${day.date}T12:00:00Z`, 'UTC')}
        {question ? ` · ${CATEGORY_LABELS[question.category]} · ${DEPTH_LABELS[question.depth]}` : ''}
      </p>
      <Heading id={headingId} class="dq-question">
        {question ? question.text : 'A question from a newer version of Hearth. Update the app to see it.'}
      </Heading>

      {/* Polite: the partner's progress changes while the page is open. */}
      <p class="dq-status" aria-live="polite">
        {day.revealed
          ? ''
          : day.mine
            ? `Waiting for ${partner}'s answer`
            : day.partnerAnswered
              ? `${partner} has answered — answer to see theirs`
              : ''}
      </p>

      {day.mine ? (
        <div class="dq-answer dq-mine">
          <p class="dq-who">Your answer</p>
          <p>{day.mine.text}</p>
          <Reactions day={day} answerId={day.mine.id} me={me} partner={partner} />
        </div>
      ) : active && (today || day.partnerAnswered) ? (
        // In the history, only where the partner answered: a partner who joined later can still answer, and the answers open.
        <AnswerForm day={day} dq={dq} />
      ) : null}

      {day.theirs ? (
        <div class="dq-answer dq-theirs">
          <p class="dq-who">{partner}'s answer</p>
          <p>{day.theirs.text}</p>
          <Reactions day={day} answerId={day.theirs.id} me={me} partner={partner} />
          {active ? <ReactionPicker day={day} answerId={day.theirs.id} dq={dq} me={me} partner={partner} /> : null}
          {active ? <FollowUp day={day} answerId={day.theirs.id} dq={dq} me={me} partner={partner} /> : null}
        </div>
      ) : null}

      {today && active && !day.mine && !day.partnerAnswered ? <SkipButton day={day} dq={dq} /> : null}
    </article>
  );
}

function AnswerForm({ day, dq }: { day: QuestionDay; dq: DailyQuestion }) {
  const [text, setText] = useState('');
  const { run, busy, error } = useAction(async () => {
    const trimmed = text.trim();
    if (trimmed === '') return err('empty', 'Write your answer first.');
    return dq.answer(day, trimmed);
  });
  return (
    <form
      class="dq-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <CoachField label="Your answer" value={text} onInput={setText} rows={4} maxLength={3000} hint="Only you can see it until you have both answered." />
      <ErrorMessage message={error} />
      <button type="submit" class="primary" disabled={busy}>
        Share my answer
      </button>
    </form>
  );
}

function SkipButton({ day, dq }: { day: QuestionDay; dq: DailyQuestion }) {
  const { run, busy, error } = useAction(async () => dq.skip(day));
  return (
    <div class="dq-skip">
      <ErrorMessage message={error} />
      <button type="button" class="link" onClick={() => void run()} disabled={busy}>
        Skip this question
      </button>
    </div>
  );
}

/** Reactions and the follow-up under one answer, said in words. */
function Reactions({ day, answerId, me, partner }: { day: QuestionDay; answerId: string; me: string; partner: string }) {
  const given = day.reactions.filter((r) => r.answerId === answerId);
  const comments = day.comments.filter((c) => c.answerId === answerId);
  if (given.length === 0 && comments.length === 0) return null;
  const who = (authorId: string) => (authorId === me ? 'You' : partner);
  return (
    <ul class="dq-replies">
      {given.map((r) => (
        <li key={r.id}>
          {who(r.authorId)}: {REACTION_LABELS[r.reaction]}
        </li>
      ))}
      {comments.map((c) => (
        <li key={c.id}>
          {who(c.authorId)}: {c.text}
        </li>
      ))}
    </ul>
  );
}

function ReactionPicker({ day, answerId, dq, me, partner }: { day: QuestionDay; answerId: string; dq: DailyQuestion; me: string; partner: string }) {
  const mine = day.reactions.find((r) => r.answerId === answerId && r.authorId === me)?.reaction ?? null;
  const { run, busy, error } = useAction(async (reaction: string) => dq.react(answerId, reaction));
  return (
    <div class="dq-react" role="group" aria-label={`React to ${partner}'s answer`}>
      {QUESTION_REACTIONS.map((r) => (
        <button key={r} type="button" class="dq-chip" aria-pressed={mine === r} disabled={busy} onClick={() => void run(r)}>
          {REACTION_LABELS[r]}
        </button>
      ))}
      <ErrorMessage message={error} />
    </div>
  );
}

function FollowUp({ day, answerId, dq, me, partner }: { day: QuestionDay; answerId: string; dq: DailyQuestion; me: string; partner: string }) {
  const [text, setText] = useState('');
  const done = day.comments.some((c) => c.answerId === answerId && c.authorId === me);
  const { run, busy, error } = useAction(async () => {
    const trimmed = text.trim();
    if (trimmed === '') return err('empty', 'Write your follow-up first.');
    const res = await dq.comment(answerId, trimmed);
    return res.ok ? ok(undefined) : res;
  });
  if (done) return null;
  return (
    <form
      class="dq-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <CoachField label={`A follow-up to ${partner}`} value={text} onInput={setText} rows={2} maxLength={1000} hint="One each, so it stays a conversation starter." />
      <ErrorMessage message={error} />
      <button type="submit" disabled={busy}>
        Send follow-up
      </button>
    </form>
  );
}

function QuestionSettings({ dq }: { dq: DailyQuestion }) {
  const [categories, setCategories] = useState<QuestionCategory[]>([...dq.prefs.categories]);
  const [depths, setDepths] = useState<QuestionDepth[]>([...dq.prefs.depths]);
  const [time, setTime] = useState(dq.reminderTime ?? '');
  const [saved, setSaved] = useState('');
  const synced = useRef(false);
  // Take the stored choice once it has loaded, without overwriting edits in progress.
  useEffect(() => {
    if (synced.current) return;
    synced.current = true;
    setCategories([...dq.prefs.categories]);
    setDepths([...dq.prefs.depths]);
    setTime(dq.reminderTime ?? '');
  }, [dq.prefs, dq.reminderTime]);

  const { run, busy, error } = useAction(async () => {
    if (categories.length === 0 || depths.length === 0) return err('empty', 'Choose at least one category and one depth.');
    const prefs = await dq.savePrefs({ categories, depths });
    if (!prefs.ok) return prefs;
    const reminder = await dq.saveReminder(time === '' ? null : time);
    if (!reminder.ok) return reminder;
    setSaved('Settings saved. New choices apply from the next question.');
    return ok(undefined);
  });

  const toggle = <T,>(list: readonly T[], x: T): T[] => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);

  return (
    <details class="card dq-settings">
      <summary>Question settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved('');
          void run();
        }}
      >
        <fieldset>
          <legend>Categories you both want</legend>
          {QUESTION_CATEGORIES.map((c) => (
            <label key={c} class="check">
              <input type="checkbox" checked={categories.includes(c)} onChange={() => setCategories(toggle(categories, c))} />
              {CATEGORY_LABELS[c]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Depths</legend>
          {QUESTION_DEPTHS.map((d) => (
            <label key={d} class="check">
              <input type="checkbox" checked={depths.includes(d)} onChange={() => setDepths(toggle(depths, d))} />
              {DEPTH_LABELS[d]}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="dq-reminder">My daily reminder (optional)</label>
          <p class="hint" id="dq-reminder-hint">
            Only for you, at this time in your time zone. Leave empty for no reminder.
          </p>
          <input id="dq-reminder" type="time" value={time} aria-describedby="dq-reminder-hint" onInput={(e) => setTime(e.currentTarget.value)} />
        </div>
        <ErrorMessage message={error} />
        <p class="dq-saved" role="status">
          {saved}
        </p>
        <button type="submit" disabled={busy}>
          Save settings
        </button>
      </form>
    </details>
  );
}
