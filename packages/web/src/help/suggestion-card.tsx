import { useId, useState } from 'preact/hooks';
import { COUNSELING_EXPLAINED, counselorsFor, countryFromLocale, describeReason, type HelpDirectory, type SuggestionReason } from '@hearth/core';
import { CoachField } from '../talk/coach-field.tsx';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import type { Help } from './help-data.ts';

/** The guess from the browser's language, e.g. en-GB → GB; the person can change it. */
export function defaultCountry(): string {
  return countryFromLocale(navigator.language) ?? 'INTL';
}

export function CountryPicker({ directory, value, onChange, label }: { directory: HelpDirectory; value: string; onChange: (c: string) => void; label: string }) {
  const id = useId();
  const known = directory.resources.some((r) => r.country === value) ? value : 'INTL';
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={known} onChange={(e) => onChange(e.currentTarget.value)}>
        {directory.resources.map((r) => (
          <option key={r.country} value={r.country}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * "Talking to a counselor": always on Help; with reasons when a rule fired. Explains
 * what counseling is like, that seeking it is a sign of commitment, and where to find
 * someone; lets either partner ask the other.
 */
export function SuggestionCard({
  reasons,
  directory,
  help,
  hasPartner,
  partnerName,
  iAsked,
  partnerNotes,
}: {
  reasons: readonly SuggestionReason[];
  directory: HelpDirectory;
  help: Help;
  hasPartner: boolean;
  partnerName: string;
  iAsked: boolean;
  /** What the partner wrote when asking, if anything. */
  partnerNotes: readonly string[];
}) {
  const id = useId();
  const [country, setCountry] = useState(defaultCountry);
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const ask = useAction(async () => {
    const text = note.trim();
    const res = await help.writeShared({ type: 'ask', ...(text ? { note: text } : {}) });
    if (res.ok) setSent(true);
    return res;
  });
  const triggered = reasons.length > 0;
  const dirs = counselorsFor(directory, country === 'INTL' ? null : country);

  return (
    <section class={triggered ? 'card suggestion suggestion-on' : 'card suggestion'} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{triggered ? 'It may help to talk to a counselor' : 'Talking to a counselor'}</h2>
      {triggered ? (
        <>
          <p>Hearth suggests this because:</p>
          <ul class="reasons">
            {reasons.map((r) => (
              <li key={`${r.kind}-${'whose' in r ? r.whose : ''}`}>{describeReason(r)}</li>
            ))}
          </ul>
          {partnerNotes.map((n) => (
            <blockquote key={n} class="partner-note">
              <p>
                {partnerName} wrote: {n}
              </p>
            </blockquote>
          ))}
        </>
      ) : null}
      {/* The first line is always shown; the rest of what counseling is like opens on request, so Help fits a phone (issue 19). */}
      <p>{COUNSELING_EXPLAINED[0]}</p>
      <details class="disclosure">
        <summary>What is it like, and is it for us?</summary>
        {COUNSELING_EXPLAINED.slice(1).map((p) => (
          <p key={p}>{p}</p>
        ))}
      </details>
      {/* Open at once when the pulses suggest it; otherwise one tap away, so Help fits a phone. */}
      <details class="disclosure" open={triggered}>
        <summary>Finding a counselor</summary>
        <CountryPicker directory={directory} value={country} onChange={setCountry} label="Where you live" />
        <ul class="directories">
          {dirs.map((d) => (
            <li key={d.url}>
              <a href={d.url} rel="noopener noreferrer" target="_blank">
                {d.name}
              </a>{' '}
              <span class="hint">{d.description}</span>
            </li>
          ))}
        </ul>
      </details>
      {hasPartner ? (
        iAsked || sent ? (
          <p role="status">You have told {partnerName} you would like to see a counselor together.</p>
        ) : (
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void ask.run();
            }}
          >
            <CoachField label={`A note for ${partnerName} (optional)`} value={note} onInput={setNote} rows={2} maxLength={1000} />
            <ErrorMessage message={ask.error} />
            <button type="submit" disabled={ask.busy}>
              Ask {partnerName} to see a counselor together
            </button>
          </form>
        )
      ) : null}
    </section>
  );
}
