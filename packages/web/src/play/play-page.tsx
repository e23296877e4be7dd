import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { Check, X } from 'lucide-preact';
import { openRound, playLevelAllowed, playQuestion, revealRound, type PlayGame, type PlayQuestion, type Reveal, type RoundView } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Page, Spinner, useAction } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { useSpark } from '../spark/use-spark.ts';
import { usePlay, type Play } from './play-data.ts';
import './play.css';

/**
 * Play (issue 22): two small games to learn something new about each other, revealed
 * when both have played. One screen per game; the hub says whose turn it is and keeps
 * the rounds played — scores, never a streak or a "you lost".
 */

export const GAME_NAMES: Readonly<Record<PlayGame, string>> = { 'know-me': 'How well do you know me?', 'this-or-that': 'This or that' };
const GAME_PATHS: Readonly<Record<PlayGame, string>> = { 'know-me': '/app/together/play/know-me', 'this-or-that': '/app/together/play/this-or-that' };
const GAME_ABOUT: Readonly<Record<PlayGame, string>> = {
  'know-me': 'Five questions about yourself, then guess how your partner answered theirs. About two minutes.',
  'this-or-that': 'Ten quick picks, one side or the other. See where you agree, and one difference to talk about.',
};
const WHY = 'Your answers are sealed so only the two of you can read them. Create your space first; your partner can join later.';

function WithPlay({ session, space, children }: { session: Unlocked; space: LoadedSpace; children: (play: Play, partnerName: string | null) => ComponentChildren }) {
  const spark = useSpark();
  const play = usePlay(session, space, spark.level);
  if (play.data === null) return play.error ? <ErrorMessage message={play.error} /> : <Spinner label="Opening Play…" />;
  return <>{children(play, partnerOf(space)?.name ?? null)}</>;
}

/** /app/together/play: both games, whose turn it is, and the rounds played. */
export function PlayPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Play">
      <SpaceGate why={WHY}>{(space) => <WithPlay session={session} space={space}>{(play, partner) => <PlayHub play={play} partnerName={partner} />}</WithPlay>}</SpaceGate>
    </Page>
  );
}

function turnLine(round: RoundView | null, partnerName: string | null): { line: string; action: string } {
  const partner = partnerName ?? 'your partner';
  if (round === null) return { line: '', action: 'Start a round' };
  if (round.iFinished) return { line: `Your answers are in. Waiting for ${partner} to play.`, action: 'See the round' };
  if (round.partnerFinished) return { line: `${partner} played. Your turn.`, action: 'Play your turn' };
  return { line: 'A round is waiting for you.', action: 'Continue' };
}

function PlayHub({ play, partnerName }: { play: Play; partnerName: string | null }) {
  const rounds = play.data?.rounds ?? [];
  const played = rounds.filter((r) => r.revealed);
  return (
    <>
      <p class="lead">Two minutes, a laugh, and something new about each other. Nothing is shown until you have both played.</p>
      {(['know-me', 'this-or-that'] as const).map((game) => {
        const open = openRound(rounds, game);
        const { line, action } = turnLine(open, partnerName);
        return (
          <section class="card play-game" key={game} aria-labelledby={`play-${game}`}>
            <h2 id={`play-${game}`}>{GAME_NAMES[game]}</h2>
            <p>{line || GAME_ABOUT[game]}</p>
            <Link href={GAME_PATHS[game]} class={open?.partnerFinished === true && !open.iFinished ? 'button primary' : 'button'}>
              {action}
            </Link>
          </section>
        );
      })}
      <section aria-labelledby="play-history">
        <h2 id="play-history">Rounds you have played</h2>
        {played.length === 0 ? (
          <p class="hint">None yet. Your rounds and what you learned will be kept here.</p>
        ) : (
          <ul class="play-history">
            {played.map((r) => (
              <li key={r.id}>
                <span class="play-history-name">
                  {GAME_NAMES[r.game]} · {formatDate(r.createdAt)}
                </span>
                <span>{scoreLine(revealRound(r, play.spark), partnerName ?? 'your partner')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function scoreLine(reveal: Reveal | null, partnerName: string): string {
  if (reveal === null) return '';
  if (reveal.game === 'know-me') return `You knew ${String(reveal.iKnew)} of ${String(reveal.total)}, ${partnerName} knew ${String(reveal.theyKnew)} of ${String(reveal.total)}`;
  return `You agreed on ${String(reveal.agreed)} of ${String(reveal.total)}`;
}

/** /app/together/play/know-me and /app/together/play/this-or-that */
export function GamePage({ session, game }: { session: Unlocked; game: PlayGame }) {
  return (
    <Page title={GAME_NAMES[game]} backTo={{ href: '/app/together/play', label: 'Play' }}>
      <SpaceGate why={WHY}>{(space) => <WithPlay session={session} space={space}>{(play, partner) => <Game play={play} game={game} partnerName={partner} />}</WithPlay>}</SpaceGate>
    </Page>
  );
}

function Game({ play, game, partnerName }: { play: Play; game: PlayGame; partnerName: string | null }) {
  const rounds = play.data?.rounds ?? [];
  const open = openRound(rounds, game);
  const last = rounds.find((r) => r.game === game && r.revealed) ?? null;
  const start = useAction(() => play.start(game));
  const partner = partnerName ?? 'your partner';

  if (open === null) {
    const button = (
      <button type="button" class="primary" disabled={start.busy} onClick={() => void start.run()}>
        {last ? 'Play another round' : 'Start a round'}
      </button>
    );
    if (last) {
      return (
        <>
          <RevealView round={last} play={play} partnerName={partner} />
          <ErrorMessage message={start.error} />
          <div class="actions">{button}</div>
        </>
      );
    }
    return (
      <section class="card" aria-labelledby="play-start">
        <h2 id="play-start">A new round</h2>
        <p>{GAME_ABOUT[game]}</p>
        {partnerName === null ? <p class="hint">Your partner has not joined yet: answer about yourself now, and they become your first round’s answers when they arrive.</p> : null}
        <ErrorMessage message={start.error} />
        {button}
      </section>
    );
  }
  if (open.iFinished) {
    return (
      <section class="card" aria-labelledby="play-waiting">
        <h2 id="play-waiting">Your answers are in</h2>
        <p>
          {partner} plays next. You will both see the reveal as soon as they have: there is no hurry.
        </p>
        <Link href="/app/together/play">Back to Play</Link>
      </section>
    );
  }
  return <RoundPlayer key={open.id} play={play} round={open} partnerName={partnerName} />;
}

type Step = { readonly kind: 'about' | 'guess'; readonly question: PlayQuestion };

/** One question at a time: about yourself, then (knowing your partner) your guesses of theirs. Kept privately as you go. */
function RoundPlayer({ play, round, partnerName }: { play: Play; round: RoundView; partnerName: string | null }) {
  const id = useId();
  const draft = play.data?.drafts.get(round.id)?.body ?? null;
  const questions = useMemo(
    () => round.questionIds.map(playQuestion).filter((q): q is PlayQuestion => q !== null && playLevelAllowed(q.level, play.spark)),
    [round.questionIds, play.spark],
  );
  const steps: Step[] = useMemo(
    () => [
      ...questions.map((question) => ({ kind: 'about' as const, question })),
      ...(round.game === 'know-me' && partnerName !== null ? questions.map((question) => ({ kind: 'guess' as const, question })) : []),
    ],
    [questions, round.game, partnerName],
  );
  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...(draft?.answers ?? {}) }));
  const [guesses, setGuesses] = useState<Record<string, number>>(() => ({ ...(draft?.guesses ?? {}) }));
  const pickedIn = (s: Step | undefined) => (s === undefined ? undefined : (s.kind === 'about' ? answers : guesses)[s.question.id]);
  // Back where you left off: the first question without a pick.
  const [at, setAt] = useState(() => {
    const first = steps.findIndex((s) => (s.kind === 'about' ? draft?.answers : draft?.guesses)?.[s.question.id] === undefined);
    return first < 0 ? Math.max(0, steps.length - 1) : first;
  });
  const [soloSaved, setSoloSaved] = useState(false);
  useEffect(() => setSoloSaved(false), [at]);
  const step = steps[at];
  const last = at === steps.length - 1;
  const solo = partnerName === null;
  const next = useAction(async () => {
    const saved = await play.saveDraft(round.id, answers, guesses);
    if (!saved.ok) return saved;
    if (!last) setAt(at + 1);
    else if (solo) setSoloSaved(true);
    return saved;
  });
  const finish = useAction(() => play.finish(round, answers, guesses));
  if (step === undefined) return <p class="status">This round has no questions you can see right now.</p>;
  const picked = pickedIn(step);
  const pick = (i: number) => (step.kind === 'about' ? setAnswers((a) => ({ ...a, [step.question.id]: i })) : setGuesses((g) => ({ ...g, [step.question.id]: i })));
  const busy = next.busy || finish.busy;
  return (
    <form
      class="card stack play-round"
      aria-labelledby={`${id}-q`}
      onSubmit={(e) => {
        e.preventDefault();
        if (picked === undefined) return;
        if (last && !solo) void finish.run();
        else void next.run();
      }}
    >
      {round.partnerFinished ? <p class="status">{partnerName ?? 'Your partner'} has played. Your turn, then you both see the reveal.</p> : null}
      <div class="play-progress">
        <label for={`${id}-progress`}>
          {step.kind === 'about' ? 'About you' : `Guess ${partnerName ?? 'your partner'}’s answer`} · {at + 1} of {steps.length}
        </label>
        <progress id={`${id}-progress`} max={steps.length} value={at + 1} />
      </div>
      <fieldset class="play-options">
        <legend id={`${id}-q`}>
          {step.kind === 'guess' ? <span class="play-whose">What would {partnerName} pick?</span> : null}
          {step.question.text}
        </legend>
        {step.question.options.map((option, i) => (
          <div class="play-option" key={option}>
            <input id={`${id}-${String(i)}`} type="radio" name={`${id}-${step.kind}-${step.question.id}`} checked={picked === i} onChange={() => pick(i)} />
            <label for={`${id}-${String(i)}`}>{option}</label>
          </div>
        ))}
      </fieldset>
      <ErrorMessage message={next.error ?? finish.error} />
      {soloSaved ? (
        <p class="status" role="status">
          Saved. When your partner joins, these become your first round’s answers.
        </p>
      ) : null}
      <div class="actions">
        {at > 0 ? (
          <button type="button" disabled={busy} onClick={() => setAt(at - 1)}>
            Back
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={busy || picked === undefined}>
          {!last ? 'Next' : solo ? 'Save my answers' : 'Finish'}
        </button>
      </div>
    </form>
  );
}

function RevealView({ round, play, partnerName }: { round: RoundView; play: Play; partnerName: string }) {
  const reveal = revealRound(round, play.spark);
  if (reveal === null) return null;
  const option = (q: PlayQuestion, i: number | null) => (i === null ? '—' : (q.options[i] ?? '—'));
  return (
    <section class="card play-reveal" aria-labelledby="play-reveal">
      <h2 id="play-reveal">{scoreLine(reveal, partnerName)}</h2>
      {reveal.talkAbout ? (
        <p class="play-talk">
          Something to talk about: you picked “{reveal.talkAbout.mine}”, {partnerName} picked “{reveal.talkAbout.theirs}”. What draws each of you to yours?
        </p>
      ) : null}
      <ol class="play-reveal-list">
        {reveal.rows.map((row) => (
          <li key={row.question.id} class={row.surprise ? 'surprise' : undefined}>
            <p class="play-reveal-q">
              {row.surprise ? <span class="play-badge">{reveal.game === 'know-me' ? 'Surprise' : 'Different'}</span> : null}
              {row.question.text}
            </p>
            {reveal.game === 'know-me' ? (
              <>
                <p>
                  You: <strong>{option(row.question, row.mine)}</strong> · {partnerName} guessed {option(row.question, row.theirGuess)} <Mark right={row.theirGuess === row.mine} />
                </p>
                <p>
                  {partnerName}: <strong>{option(row.question, row.theirs)}</strong> · you guessed {option(row.question, row.myGuess)} <Mark right={row.myGuess === row.theirs} />
                </p>
              </>
            ) : (
              <p>
                You: <strong>{option(row.question, row.mine)}</strong> · {partnerName}: <strong>{option(row.question, row.theirs)}</strong>
              </p>
            )}
          </li>
        ))}
      </ol>
      {reveal.hidden > 0 ? (
        <p class="hint">
          {reveal.hidden === 1 ? 'One question is' : `${String(reveal.hidden)} questions are`} hidden while Spark is off.
        </p>
      ) : null}
    </section>
  );
}

function Mark({ right }: { right: boolean }) {
  return right ? (
    <span class="play-mark right">
      <Check size={16} aria-hidden="true" />
      <span class="visually-hidden">right</span>
    </span>
  ) : (
    <span class="play-mark">
      <X size={16} aria-hidden="true" />
      <span class="visually-hidden">not this time</span>
    </span>
  );
}
