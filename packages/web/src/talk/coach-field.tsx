import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { CoachResult } from '@hearth/core';

/**
 * A labelled text box with the gentle start-up coach (DESIGN §2, practice 1).
 *
 * As the person types, it runs `coachMessage` on this device (nothing is sent
 * anywhere) once they pause for ~300 ms. When the text reads as harsh it shows, below
 * the box, each flagged phrase with a hint and a "Try an I-statement" button that
 * replaces the text with the coach's rewrite (and offers to put the words back).
 * Suggestions never block: the form around it can always be sent as written.
 * Screen readers hear one polite note when suggestions appear, not every keystroke.
 *
 * Props:
 * - `label`: the visible label of the text box (required).
 * - `value`, `onInput(value)`: controlled text.
 * - `name`: form field name (optional).
 * - `id`: the textarea's id (optional; one is made up otherwise).
 * - `hint`: a line of help under the label, linked with aria-describedby (optional).
 * - `rows` (default 4), `maxLength` (default 3000), `required` (default false).
 * - `textareaRef`: a ref to the textarea, for moving focus to it (optional).
 */
export type CoachFieldProps = {
  label: string;
  value: string;
  onInput: (value: string) => void;
  name?: string;
  id?: string;
  hint?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

const COACH_DELAY_MS = 300;

/** The coach's rules are most of its weight: fetched when someone first types, not at start-up (decision 0042). */
const loadCoach = () => import('@hearth/core/coach').then((m) => m.coachMessage);

/** What the coach found, kept with the text it looked at so offsets stay meaningful. */
type Looked = { readonly text: string; readonly result: CoachResult };

export function CoachField({ label, value, onInput, name, id, hint, rows = 4, maxLength = 3000, required = false, textareaRef }: CoachFieldProps) {
  const auto = useId();
  const fieldId = id ?? `coach-${auto}`;
  const own = useRef<HTMLTextAreaElement>(null);
  const [looked, setLooked] = useState<Looked | null>(null);
  const [before, setBefore] = useState<string | null>(null);

  useEffect(() => {
    if (value.trim() === '') {
      setLooked(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      loadCoach()
        .then((coachMessage) => {
          if (current) setLooked({ text: value, result: coachMessage(value) });
        })
        .catch(() => {
          // The coach is a helper; if it ever fails (or cannot be fetched), the field simply works without it.
          if (current) setLooked(null);
        });
    }, COACH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value]);

  const harsh = looked !== null && looked.result.tone === 'harsh';
  const rewrite = harsh ? looked.result.rewrite : undefined;

  const focusField = () => {
    const el = own.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
  };

  const accept = () => {
    if (rewrite === undefined) return;
    setBefore(value);
    onInput(rewrite);
    // Focus goes back to the words, now theirs to edit.
    setTimeout(focusField, 0);
  };

  const undo = () => {
    if (before === null) return;
    onInput(before);
    setBefore(null);
    setTimeout(focusField, 0);
  };

  const setRefs = (el: HTMLTextAreaElement | null) => {
    own.current = el;
    if (typeof textareaRef === 'function') textareaRef(el);
    else if (textareaRef) textareaRef.current = el;
  };

  const describedBy = [hint ? `${fieldId}-hint` : null, harsh ? `${fieldId}-coach` : null].filter((x) => x !== null).join(' ');

  return (
    <div class="field coach-field">
      <label for={fieldId}>{label}</label>
      {hint ? (
        <p class="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        ref={setRefs}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        value={value}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onInput={(e) => {
          if (before !== null) setBefore(null);
          onInput(e.currentTarget.value);
        }}
      />
      {/* Polite, and only its wording changes when the tone does: not on every keystroke. */}
      <p class="coach-status" aria-live="polite">
        {harsh ? 'A gentler start may help. Suggestions below; you can still send it as it is.' : ''}
      </p>
      {harsh ? (
        <div class="coach" id={`${fieldId}-coach`}>
          <ul class="coach-markers">
            {looked.result.markers.map((m) => (
              <li key={`${String(m.start)}-${String(m.end)}-${m.kind}`}>
                <q>{looked.text.slice(m.start, m.end)}</q> <span>{m.hint}</span>
              </li>
            ))}
          </ul>
          {rewrite !== undefined && rewrite !== value ? (
            <button type="button" class="coach-rewrite" onClick={accept}>
              Try an I-statement
            </button>
          ) : null}
        </div>
      ) : null}
      {before !== null ? (
        <p class="coach-undo">
          <button type="button" class="link" onClick={undo}>
            Put my words back
          </button>
        </p>
      ) : null}
    </div>
  );
}
