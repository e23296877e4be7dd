import { useId, useRef, useState } from 'preact/hooks';
import { FEELING_FAMILIES, feelingsForMood, MAX_FEELINGS, MOODS, NEED_SUGGESTIONS, ok, type CheckinBody } from '@hearth/core';
import type { ItemView, Visibility } from '@hearth/core/api';
import { VisibilityChoice } from '../shared/visibility-choice.tsx';
import { createItem, type ItemKeys } from '../shared/items.ts';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { CheckinTextField } from './checkin-text-field.tsx';
import { isWaiting } from '../sync/outbox.ts';

/** Under "I need…" before "More suggestions": the quickest to pick. */
const FIRST_NEEDS = 6;

/**
 * The daily check-in in four taps (issue 19): a mood; then up to three of the dozen
 * feelings that fit it best ("More feelings" opens the whole catalog); an optional
 * need; save. A note and who can see it are there for whoever wants them. Everything
 * is sealed on this device before it is sent.
 */
export function CheckinForm({
  space,
  keys,
  onSaved,
}: {
  space: LoadedSpace;
  keys: ItemKeys;
  /** The new check-in and what to tell the person about who can see it. */
  onSaved: (item: ItemView, message: string) => void;
}) {
  const id = useId();
  const [mood, setMood] = useState<number | null>(null);
  const [feelings, setFeelings] = useState<string[]>([]);
  const [need, setNeed] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const [allFeelings, setAllFeelings] = useState(false);
  const [allNeeds, setAllNeeds] = useState(false);
  const needInput = useRef<HTMLInputElement>(null);
  const partner = partnerOf(space);
  const partnerName = partner?.name ?? 'your partner';
  const full = feelings.length >= MAX_FEELINGS;

  const save = useAction(async (body: CheckinBody, vis: Visibility) => {
    const res = await createItem(space.view.id, 'checkin', vis, body, keys);
    if (!res.ok) return res;
    onSaved(
      res.value,
      vis === 'private'
        ? 'Checked in. Only you can see this one.'
        : partner
          ? isWaiting(res.value.id)
            ? `Checked in. It goes to ${partnerName} when you're back online.`
            : `Checked in. ${partnerName} can see it.`
          : 'Checked in. Your partner will see it once they join.',
    );
    return ok(undefined);
  });

  const toggleFeeling = (word: string, on: boolean) => {
    setFeelings((prev) => (on ? (prev.includes(word) || prev.length >= MAX_FEELINGS ? prev : [...prev, word]) : prev.filter((w) => w !== word)));
  };

  const focus = (selector: string) => document.getElementById(selector)?.focus();

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (mood === null) {
      save.setError('Choose how you are feeling.');
      focus(`${id}-mood-${MOODS[0]?.value ?? 1}`);
      return;
    }
    if (feelings.length === 0) {
      save.setError('Pick at least one feeling word.');
      focus(`${id}-feelings`);
      return;
    }
    const trimmedNote = note.trim();
    const trimmedNeed = need.trim();
    void save.run({ mood, feelings, ...(trimmedNeed ? { need: trimmedNeed } : {}), ...(trimmedNote ? { note: trimmedNote } : {}) }, visibility);
  };

  return (
    <form class="stack checkin-form" onSubmit={onSubmit} aria-label="Check in" noValidate>
      <fieldset class="moods">
        <legend>How are you feeling?</legend>
        <div class="mood-options">
          {MOODS.map((m) => (
            <div class="mood-option" key={m.value}>
              <input
                id={`${id}-mood-${m.value}`}
                type="radio"
                name={`${id}-mood`}
                value={String(m.value)}
                checked={mood === m.value}
                onChange={() => setMood(m.value)}
              />
              <label for={`${id}-mood-${m.value}`}>
                <span class="mood-emoji" aria-hidden="true">
                  {m.emoji}
                </span>
                <span>{m.word}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset class="feelings" id={`${id}-feelings`} tabIndex={-1} aria-describedby={`${id}-feelings-hint`}>
        <legend>Which words fit?</legend>
        <p class="hint" id={`${id}-feelings-hint`} aria-live="polite">
          {mood === null
            ? 'Choose a mood first, and the words that fit it show here.'
            : full
            ? `You picked three: ${feelings.join(', ')}. Untick one to choose another.`
            : feelings.length === 0
              ? 'Pick one to three.'
              : `Picked: ${feelings.join(', ')}. You can pick ${MAX_FEELINGS - feelings.length} more.`}
        </p>
        {mood === null ? null : allFeelings ? (
          FEELING_FAMILIES.map((family) => (
            <fieldset class="feeling-family" key={family.id}>
              <legend>{family.name}</legend>
              <FeelingChips id={id} words={family.words} chosen={feelings} full={full} onToggle={toggleFeeling} />
            </fieldset>
          ))
        ) : (
          <>
            {/* Words picked from the full list stay on screen after a new mood. */}
            <FeelingChips id={id} words={[...feelings.filter((w) => !feelingsForMood(mood).includes(w)), ...feelingsForMood(mood)]} chosen={feelings} full={full} onToggle={toggleFeeling} />
            <button type="button" class="link" onClick={() => setAllFeelings(true)}>
              More feelings
            </button>
          </>
        )}
      </fieldset>

      <div class="field">
        <label for={`${id}-need`}>I need… (optional)</label>
        <input
          id={`${id}-need`}
          ref={needInput}
          type="text"
          maxLength={500}
          autoComplete="off"
          value={need}
          onInput={(e) => setNeed(e.currentTarget.value)}
          aria-describedby={`${id}-need-hint`}
        />
        <p class="hint" id={`${id}-need-hint`}>
          In your own words, or pick one of these:
        </p>
        <ul class="chips suggestions" aria-label="Suggestions for what you need">
          {(allNeeds ? NEED_SUGGESTIONS : NEED_SUGGESTIONS.slice(0, FIRST_NEEDS)).map((s) => (
            <li key={s}>
              <button
                type="button"
                class="suggestion"
                onClick={() => {
                  setNeed(s);
                  needInput.current?.focus();
                }}
              >
                {s}
              </button>
            </li>
          ))}
        </ul>
        {allNeeds ? null : (
          <button type="button" class="link" onClick={() => setAllNeeds(true)}>
            More suggestions
          </button>
        )}
      </div>

      <CheckinTextField
        id={`${id}-note`}
        label="Note (optional)"
        hint="Anything you'd like to add."
        rows={2}
        maxLength={2000}
        value={note}
        onInput={setNote}
      />

      <VisibilityChoice value={visibility} onChange={setVisibility}>
        {partner ? null : <p class="hint">Your partner hasn't joined yet. They'll see the check-ins you share once they join.</p>}
      </VisibilityChoice>

      <ErrorMessage message={save.error} />
      <button type="submit" class="primary" disabled={save.busy}>
        Check in
      </button>
    </form>
  );
}

function FeelingChips({
  id,
  words,
  chosen,
  full,
  onToggle,
}: {
  id: string;
  words: readonly string[];
  chosen: readonly string[];
  full: boolean;
  onToggle: (word: string, on: boolean) => void;
}) {
  return (
    <div class="chips">
      {words.map((word) => {
        const checked = chosen.includes(word);
        const boxId = `${id}-feel-${word.replace(/\W+/g, '-')}`;
        return (
          <div class="chip" key={word}>
            <input
              id={boxId}
              type="checkbox"
              value={word}
              checked={checked}
              disabled={full && !checked}
              aria-describedby={full && !checked ? `${id}-feelings-hint` : undefined}
              onChange={(e) => onToggle(word, e.currentTarget.checked)}
            />
            <label for={boxId}>{word}</label>
          </div>
        );
      })}
    </div>
  );
}
