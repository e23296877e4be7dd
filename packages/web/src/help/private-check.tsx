import { useId, useRef, useState } from 'preact/hooks';
import {
  isWorrying,
  ok,
  resourcesFor,
  SAFETY_ADVICE,
  SAFETY_ANSWER_LABELS,
  SAFETY_ANSWERS,
  SAFETY_QUESTIONS,
  type HelpDirectory,
  type SafetyAnswer,
  type SafetyAnswers,
  type SafetyQuestionId,
} from '@hearth/core';
import { createItem } from '../shared/items.ts';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { useDirectory } from './help-directory.ts';
import { HelpShell } from './help-shell.tsx';
import { CountryPicker, defaultCountry } from './suggestion-card.tsx';

/**
 * The private safety check. Answers stay on this screen unless the person chooses to
 * keep a copy, which is then an opaque `private-record` sealed under their personal
 * key: no kind, path, reminder or notification says what it is. It never appears in
 * lists, Today, exports or anything the partner can reach. The tab title stays "Help",
 * because browsers keep page titles in their history list.
 */
export function PrivateCheckPage({ session }: { session: Unlocked }) {
  return (
    <HelpShell title="Help" heading="A private check">
      {(space) => <PrivateCheck session={session} space={space} />}
    </HelpShell>
  );
}

type Draft = Partial<Record<SafetyQuestionId, SafetyAnswer>>;

function complete(d: Draft): SafetyAnswers | null {
  const { afraid, money, phone, people, hurt } = d;
  if (!afraid || !money || !phone || !people || !hurt) return null;
  return { afraid, money, phone, people, hurt };
}

function PrivateCheck({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const directory = useDirectory();
  const [draft, setDraft] = useState<Draft>({});
  const [keep, setKeep] = useState(false);
  const [result, setResult] = useState<SafetyAnswers | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const submit = useAction(async (answers: SafetyAnswers) => {
    if (keep) {
      const res = await createItem(space.view.id, 'private-record', 'private', { type: 'safety-check', answers, takenAt: new Date().toISOString() }, {
        spaceKey: null,
        personalKey: session.keys.personalKey,
      });
      if (!res.ok) return res;
    }
    setResult(answers);
    setTimeout(() => resultRef.current?.focus(), 0);
    return ok(undefined);
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const answers = complete(draft);
    if (!answers) {
      submit.setError('Please answer every question. "I\'m not sure" is a fine answer.');
      return;
    }
    void submit.run(answers);
  };

  const clear = () => {
    setDraft({});
    setResult(null);
    setKeep(false);
  };

  if (result) {
    const worrying = isWorrying(result);
    return (
      <section class="card private-result" aria-labelledby={`${id}-result`}>
        <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1}>
          {worrying ? 'What you said matters' : 'Thank you for checking in with yourself'}
        </h2>
        {worrying ? (
          <>
            <p>
              Some of your answers suggest you may not feel safe. You are not to blame, and you do not have to work it out alone.
            </p>
            <p>{SAFETY_ADVICE.individual}</p>
            <Resources directory={directory} />
            <h3>Planning for safety</h3>
            <p>{SAFETY_ADVICE.planning}</p>
          </>
        ) : (
          <>
            <p>Nothing you said stood out. If things change, you can come back at any time; the services below are there too.</p>
            <details>
              <summary>Confidential services</summary>
              <Resources directory={directory} />
            </details>
          </>
        )}
        <p class="hint">
          Browsers keep a list of visited addresses; if someone may look at this device, a private window leaves less behind.
        </p>
        <button type="button" onClick={clear}>
          Clear my answers from this screen
        </button>{' '}
        <Link href="/app/today">Back to Today</Link>
      </section>
    );
  }

  return (
    <form class="stack card private-form" onSubmit={onSubmit} noValidate aria-describedby={`${id}-about`}>
      <p id={`${id}-about`}>
        These questions are just for you. Nothing about them — your answers, or that you opened this page — is shown to your partner,
        sent in a notification, or put in an export.
      </p>
      {SAFETY_QUESTIONS.map((q) => (
        <fieldset class="scale" key={q.id}>
          <legend>{q.text}</legend>
          <div class="scale-options">
            {SAFETY_ANSWERS.map((a) => (
              <div class="scale-option" key={a}>
                <input
                  id={`${id}-${q.id}-${a}`}
                  type="radio"
                  name={`${id}-${q.id}`}
                  value={a}
                  checked={draft[q.id] === a}
                  onChange={() => setDraft((d) => ({ ...d, [q.id]: a }))}
                />
                <label for={`${id}-${q.id}-${a}`}>{SAFETY_ANSWER_LABELS[a]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <div class="check">
        <input id={`${id}-keep`} type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} />
        <label for={`${id}-keep`}>Keep a sealed copy of my answers that only I can read</label>
      </div>
      <ErrorMessage message={submit.error} />
      <button type="submit" class="primary" disabled={submit.busy}>
        See what might help
      </button>
    </form>
  );
}

function Resources({ directory }: { directory: HelpDirectory }) {
  const [country, setCountry] = useState(defaultCountry);
  const list = resourcesFor(directory, country === 'INTL' ? null : country);
  return (
    <div class="resources">
      <h3>Confidential support</h3>
      <CountryPicker directory={directory} value={country} onChange={setCountry} label="Show services for" />
      <p>
        <strong>{SAFETY_ADVICE.emergency}</strong> ({list.name}: {list.emergency})
      </p>
      <ul>
        {list.services.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>. {s.description}
            {s.phone ? (
              <>
                {' '}
                Phone: <a href={`tel:${s.phone.replace(/[^0-9+]/g, '')}`}>{s.phone}</a>.
              </>
            ) : null}
            {s.text ? <> {s.text}.</> : null}
            {s.url ? (
              <>
                {' '}
                <a href={s.url} rel="noopener noreferrer" target="_blank">
                  {s.url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '')}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="hint">List reviewed {directory.reviewedOn}. Details can change; the services' own sites are the source.</p>
    </div>
  );
}
