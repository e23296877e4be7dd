import { useId, useRef, useState } from 'preact/hooks';
import { MATCH_ANSWERS, deckQueue, type DeckIdea, type MatchAnswer } from '@hearth/core';
import { ErrorMessage } from '../shared/ui.tsx';
import { IdeaTags } from './ideas-tags.tsx';
import type { TogetherIdeas } from './ideas-data.ts';

const ANSWER_LABEL: Record<MatchAnswer, string> = { yes: 'Yes', maybe: 'Maybe', no: 'No' };
/** How far a card must be dragged to count as a swipe, in CSS pixels. */
const SWIPE_PX = 90;

/**
 * One idea at a time: yes, maybe or no, by button or by swiping (right yes, left no,
 * up maybe). Answers are private; only mutual ones ever show, as matches.
 */
export function IdeasDeck({ together, partner }: { together: TogetherIdeas; partner: string }) {
  const data = together.data;
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ x: number; y: number } | null>(null);
  const start = useRef<{ x: number; y: number; id: number } | null>(null);
  if (!data) return null;

  const queue = deckQueue(data.deck, together.answers, skipped);
  const current = queue[0];
  const answered = data.deck.length - queue.length;

  const give = async (idea: DeckIdea, value: MatchAnswer) => {
    setError(null);
    setDrag(null);
    setStatus(`${ANSWER_LABEL[value]} to “${idea.text}”. Saved privately.`);
    const res = await together.answer(idea.id, value);
    if (!res.ok) setError(res.message);
  };

  const onPointerDown = (e: PointerEvent) => {
    start.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent) => {
    if (start.current?.id !== e.pointerId) return;
    setDrag({ x: e.clientX - start.current.x, y: e.clientY - start.current.y });
  };
  const onPointerUp = (e: PointerEvent) => {
    const s = start.current;
    start.current = null;
    if (!s || s.id !== e.pointerId || !current) return setDrag(null);
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (dx > SWIPE_PX && Math.abs(dx) > Math.abs(dy)) void give(current, 'yes');
    else if (dx < -SWIPE_PX && Math.abs(dx) > Math.abs(dy)) void give(current, 'no');
    else if (dy < -SWIPE_PX) void give(current, 'maybe');
    else setDrag(null);
  };

  return (
    <section class="card ideas-deck" aria-labelledby="deck-heading">
      <h2 id="deck-heading">Date ideas</h2>
      <p class="hint">
        Yes, maybe or no — privately. {partner} never sees your answers; you both see only the ideas you both said yes or maybe to.
      </p>
      <p class="deck-progress">
        <label>
          {answered} of {data.deck.length} answered
          <progress max={data.deck.length} value={answered} />
        </label>
      </p>
      {current ? (
        <article
          class="idea-card"
          aria-labelledby="idea-card-text"
          data-testid="idea-card"
          style={drag ? { transform: `translate(${String(drag.x)}px, ${String(Math.min(0, drag.y))}px) rotate(${String(drag.x / 20)}deg)` } : undefined}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            start.current = null;
            setDrag(null);
          }}
        >
          <p class="idea-text" id="idea-card-text">
            {current.text}
          </p>
          <IdeaTags idea={current} />
          <div class="idea-answers" role="group" aria-label={`Your answer to “${current.text}”`}>
            <button type="button" class="answer-no" onClick={() => void give(current, 'no')}>
              No
            </button>
            <button type="button" class="answer-maybe" onClick={() => void give(current, 'maybe')}>
              Maybe
            </button>
            <button type="button" class="primary answer-yes" onClick={() => void give(current, 'yes')}>
              Yes
            </button>
          </div>
          <p class="hint">Or swipe: right for yes, left for no, up for maybe.</p>
          {queue.length > 1 ? (
            <button type="button" class="link" onClick={() => setSkipped((s) => [...s.filter((id) => id !== current.id), current.id])}>
              Not sure yet — show me the next one
            </button>
          ) : null}
        </article>
      ) : (
        <p class="deck-done">You have answered every idea in your deck. Add one of your own below, or change an answer here.</p>
      )}
      <ErrorMessage message={error ?? together.error} />
      <p class="status" role="status">
        {status}
      </p>
      {answered > 0 ? <AnswerList together={together} /> : null}
    </section>
  );
}

/** Every answer I have given, to change one. Shown only to me. */
function AnswerList({ together }: { together: TogetherIdeas }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const data = together.data;
  if (!data) return null;
  const answered = data.deck.filter((i) => together.answers.has(i.id));
  return (
    <details class="answer-list">
      <summary>Change your answers ({answered.length})</summary>
      <ul>
        {answered.map((idea, n) => (
          <li key={idea.id}>
            <label for={`${id}-${String(n)}`}>{idea.text}</label>
            <select
              id={`${id}-${String(n)}`}
              value={together.answers.get(idea.id)}
              onChange={(e) => {
                const value = MATCH_ANSWERS.find((a) => a === e.currentTarget.value);
                if (!value) return;
                setStatus(`Changed to ${ANSWER_LABEL[value].toLowerCase()}.`);
                void together.answer(idea.id, value);
              }}
            >
              {MATCH_ANSWERS.map((a) => (
                <option key={a} value={a}>
                  {ANSWER_LABEL[a]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <p class="status" role="status">
        {status}
      </p>
    </details>
  );
}
