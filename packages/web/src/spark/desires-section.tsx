import { useId, useRef } from 'preact/hooks';
import { DESIRE_CATEGORIES, nextUnanswered, visibleDesires, type DesireLevel, type MatchAnswer } from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Spinner, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { useDesires } from './desires-data.ts';

const ANSWER_LABELS: Readonly<Record<MatchAnswer, string>> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };
const CATEGORY_LABEL = new Map<string, string>(DESIRE_CATEGORIES.map((c) => [c.id, c.label]));
/** How far a card must be dragged sideways to count as a swipe (CSS pixels). */
const SWIPE_PX = 80;

/**
 * The desire list (DESIGN §2 b3, §5.4): answer one idea at a time — by button, or by
 * swiping right (yes) or left (no) — then see only what both of you said yes or maybe
 * to. Everything shown stays at or below the effective level.
 */
export function DesiresSection({ session, space, level, pollMs }: { session: Unlocked; space: LoadedSpace; level: DesireLevel; pollMs?: number }) {
  const id = useId();
  const { state, error, answer } = useDesires(session, space, level, pollMs);
  const action = useAction((itemId: string, value: MatchAnswer) => answer(itemId, value));
  const start = useRef<number | null>(null);

  if (state === null) {
    return (
      <section class="card desires" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Desire list</h2>
        {error ? <ErrorMessage message={error} /> : <Spinner label="Loading the desire list…" />}
      </section>
    );
  }

  const visible = visibleDesires(level);
  const answered = visible.filter((d) => state.answers.has(d.id)).length;
  const next = nextUnanswered(level, state.answers);
  const pick = (value: MatchAnswer) => {
    if (next) void action.run(next.id, value);
  };
  const byId = new Map(visible.map((d) => [d.id, d]));
  const categories = DESIRE_CATEGORIES.filter((c) => visible.some((d) => d.category === c.id));

  return (
    <section class="card desires" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Desire list</h2>
      <p>
        Answer each idea privately. Your partner never sees your answers — only the ideas you <strong>both</strong> said yes or maybe to show up as
        matches. A yes is an invitation to talk, never a promise.
      </p>

      {next ? (
        <div
          class="desire-card"
          role="group"
          aria-labelledby={`${id}-text`}
          aria-describedby={`${id}-progress`}
          onPointerDown={(e) => {
            start.current = e.clientX;
          }}
          onPointerUp={(e) => {
            const from = start.current;
            start.current = null;
            if (from === null || action.busy) return;
            const dx = e.clientX - from;
            if (dx > SWIPE_PX) pick('yes');
            else if (dx < -SWIPE_PX) pick('no');
          }}
        >
          <p class="hint" id={`${id}-progress`}>
            {CATEGORY_LABEL.get(next.category)} · {answered} of {visible.length} answered
          </p>
          <p class="desire-text" id={`${id}-text`}>
            {next.text}
          </p>
          <div class="actions desire-answers">
            {(['no', 'maybe', 'yes'] as const).map((value) => (
              <button key={value} type="button" class={value === 'yes' ? 'primary' : undefined} disabled={action.busy} onClick={() => pick(value)}>
                {ANSWER_LABELS[value]}
              </button>
            ))}
          </div>
          <p class="hint">Swipe right for yes, left for no.</p>
        </div>
      ) : (
        <p role="status">You have answered every idea at your level. You can change any answer below.</p>
      )}
      {action.busy ? <Spinner label="Saving privately…" /> : null}
      <ErrorMessage message={action.error} />

      <h3>Your matches</h3>
      {!state.partnerUploaded ? <p class="hint">Your partner hasn’t answered any ideas yet. Matches appear once you both have.</p> : null}
      {state.matches.withheld.map((w) => (
        <p class="hint" role="note" key={w.category}>
          {w.reason}
        </p>
      ))}
      {state.matches.matches.length === 0 ? (
        <p>No matches yet.</p>
      ) : (
        <ul class="desire-matches" aria-label="Desire matches">
          {state.matches.matches.map((m) => (
            <li key={m.itemId}>
              <span>{byId.get(m.itemId)?.text}</span>{' '}
              <span class="hint">{m.strength === 'strong' ? '— you both said yes' : '— a maybe from at least one of you'}</span>
            </li>
          ))}
        </ul>
      )}

      <details class="desire-all">
        <summary>
          My answers ({answered} of {visible.length})
        </summary>
        <p class="hint">Change any answer at any time. Changing one to no removes its match straight away.</p>
        {categories.map((c) => (
          <fieldset key={c.id}>
            <legend>{c.label}</legend>
            {visible
              .filter((d) => d.category === c.id)
              .map((d) => (
                <div class="field desire-row" key={d.id}>
                  <label for={`${id}-${d.id}`}>{d.text}</label>
                  <select
                    id={`${id}-${d.id}`}
                    value={state.answers.get(d.id) ?? ''}
                    disabled={action.busy}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      if (value === 'yes' || value === 'maybe' || value === 'no') void action.run(d.id, value);
                    }}
                  >
                    <option value="" disabled>
                      Not answered
                    </option>
                    <option value="yes">Yes</option>
                    <option value="maybe">Maybe</option>
                    <option value="no">No</option>
                  </select>
                </div>
              ))}
          </fieldset>
        ))}
      </details>
    </section>
  );
}
