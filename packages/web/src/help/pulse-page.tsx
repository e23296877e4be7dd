import { useId, useRef, useState } from 'preact/hooks';
import { ok, PULSE_QUESTIONS, PULSE_THRESHOLD, pulseReading, pulseScore, type PulseAnswers, type PulseQuestionId } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { prefsOf, useHelp } from './help-data.ts';
import { HelpShell } from './help-shell.tsx';

/** The relationship pulse: four questions, answered privately, sealed under the personal key. */
export function PulsePage({ session }: { session: Unlocked }) {
  return (
    <HelpShell title="Relationship pulse">
      {(space) => <PulseForm session={session} space={space} />}
    </HelpShell>
  );
}

type Draft = Partial<Record<PulseQuestionId, number>>;

function complete(d: Draft): PulseAnswers | null {
  const { happiness, warmth, rewarding, satisfied } = d;
  if (happiness === undefined || warmth === undefined || rewarding === undefined || satisfied === undefined) return null;
  return { happiness, warmth, rewarding, satisfied };
}

function PulseForm({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const help = useHelp(session, space);
  const partner = partnerOf(space);
  const partnerName = partner?.name ?? 'your partner';
  const prefs = help.data ? prefsOf(help.data) : null;
  const [draft, setDraft] = useState<Draft>({});
  const [share, setShare] = useState<boolean | null>(null);
  const [always, setAlways] = useState<boolean | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const sharing = share ?? prefs?.body.alwaysSharePulse ?? false;
  const alwaysSharing = always ?? prefs?.body.alwaysSharePulse ?? false;

  const save = useAction(async (answers: PulseAnswers) => {
    const score = pulseScore(answers);
    const takenAt = new Date().toISOString();
    const res = await help.writePrivate({ type: 'pulse', answers, score, takenAt });
    if (!res.ok) return res;
    if (partner && (sharing || alwaysSharing)) {
      const shared = await help.writeShared({ type: 'pulse', score, takenAt });
      if (!shared.ok) return shared;
    }
    if (always !== null && always !== (prefs?.body.alwaysSharePulse ?? false)) {
      const p = await help.writePrivate({ type: 'help-prefs', alwaysSharePulse: always }, prefs?.view);
      if (!p.ok) return p;
    }
    setDone(score);
    setTimeout(() => resultRef.current?.focus(), 0);
    return ok(undefined);
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const answers = complete(draft);
    if (!answers) {
      save.setError('Please answer all four questions.');
      return;
    }
    void save.run(answers).then(() => undefined);
  };

  if (done !== null) {
    return (
      <section class="card pulse-result" aria-labelledby={`${id}-result`}>
        <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
          Your pulse: {done} out of 21
        </h2>
        <p>{pulseReading(done)}</p>
        <p class="hint">
          This is a reflection aid, not a diagnosis. Scores under {PULSE_THRESHOLD} often go with feeling unhappy in a relationship
          (a line used by published research); a single number never tells the whole story.
        </p>
        <p>
          <Link href="/app/help" class="button primary">
            See your trend
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form class="stack card pulse-form" onSubmit={onSubmit} noValidate aria-describedby={`${id}-about`}>
      <p id={`${id}-about`}>
        Four short questions about how things feel lately. Your answers are sealed so only you can read them. This is a reflection
        aid, not a diagnosis.
      </p>
      {PULSE_QUESTIONS.map((q) => (
        <fieldset class="scale" key={q.id}>
          <legend>{q.text}</legend>
          <div class="scale-options">
            {q.labels.map((label, value) => (
              <div class="scale-option" key={label}>
                <input
                  id={`${id}-${q.id}-${value}`}
                  type="radio"
                  name={`${id}-${q.id}`}
                  value={String(value)}
                  checked={draft[q.id] === value}
                  onChange={() => setDraft((d) => ({ ...d, [q.id]: value }))}
                />
                <label for={`${id}-${q.id}-${value}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      {partner ? (
        <fieldset class="share-choice">
          <legend>Sharing</legend>
          <div class="check">
            <input id={`${id}-share`} type="checkbox" checked={sharing || alwaysSharing} disabled={alwaysSharing} onChange={(e) => setShare(e.currentTarget.checked)} />
            <label for={`${id}-share`}>Share this score with {partnerName} (never your answers)</label>
          </div>
          <div class="check">
            <input id={`${id}-always`} type="checkbox" checked={alwaysSharing} onChange={(e) => setAlways(e.currentTarget.checked)} />
            <label for={`${id}-always`}>Always share my scores with {partnerName}</label>
          </div>
        </fieldset>
      ) : null}
      <ErrorMessage message={save.error ?? help.error} />
      <button type="submit" class="primary" disabled={save.busy || help.data === null}>
        Save my pulse
      </button>
    </form>
  );
}

