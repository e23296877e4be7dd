import { useId, useRef, useState } from 'preact/hooks';
import { FEELING_FAMILIES, MAX_FEELINGS, MOODS, NEED_SUGGESTIONS, ok, type CheckinBody } from '@hearth/core';
import type { ItemView, Visibility } from '@hearth/core/api';
import { VisibilityChoice } from '../shared/visibility-choice.tsx';
import { createItem, type ItemKeys } from '../shared/items.ts';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { CheckinTextField } from './checkin-text-field.tsx';

/**
 * The daily check-in: a mood, one to three feeling words, one need, an optional note,
 * and who can see it. Everything is sealed on this device before it is sent.
 */
export function CheckinForm({ space, keys, onAdded }: { space: LoadedSpace; keys: ItemKeys; onAdded: (item: ItemView) => void }) {
  const id = useId();
  const [mood, setMood] = useState<number | null>(null);
  const [feelings, setFeelings] = useState<string[]>([]);
  const [need, setNeed] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const [status, setStatus] = useState('');
  const needInput = useRef<HTMLInputElement>(null);
  const partner = partnerOf(space);
  const partnerName = partner?.name ?? 'your partner';
  const full = feelings.length >= MAX_FEELINGS;

  const save = useAction(async (body: CheckinBody, vis: Visibility) => {
    const res = await createItem(space.view.id, 'checkin', vis, body, keys);
    if (!res.ok) return res;
    onAdded(res.value);
    setMood(null);
    setFeelings([]);
    setNeed('');
    setNote('');
    setStatus(
      vis === 'private'
        ? 'Checked in. Only you can see this one.'
        : partner
          ? `Checked in. ${partnerName} can see it.`
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
    setStatus('');
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
    if (!need.trim()) {
      save.setError('Say what you need, or pick a suggestion.');
      needInput.current?.focus();
      return;
    }
    const trimmedNote = note.trim();
    void save.run({ mood, feelings, need: need.trim(), ...(trimmedNote ? { note: trimmedNote } : {}) }, visibility);
  };

  return (
    <form class="stack checkin-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Check in</h2>
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
          {full
            ? `You picked three: ${feelings.join(', ')}. Untick one to choose another.`
            : feelings.length === 0
              ? 'Pick one to three.'
              : `Picked: ${feelings.join(', ')}. You can pick ${MAX_FEELINGS - feelings.length} more.`}
        </p>
        {FEELING_FAMILIES.map((family) => (
          <fieldset class="feeling-family" key={family.id}>
            <legend>{family.name}</legend>
            <div class="chips">
              {family.words.map((word) => {
                const checked = feelings.includes(word);
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
                      onChange={(e) => toggleFeeling(word, e.currentTarget.checked)}
                    />
                    <label for={boxId}>{word}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </fieldset>

      <div class="field">
        <label for={`${id}-need`}>I need…</label>
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
          {NEED_SUGGESTIONS.map((s) => (
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
      </div>

      <CheckinTextField
        id={`${id}-note`}
        label="Note"
        hint="Optional. Anything you'd like to add."
        rows={3}
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
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
