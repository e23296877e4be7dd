import { useId, useState } from 'preact/hooks';
import {
  firstsCounts,
  firstsCountText,
  localDayKey,
  makeDatePath,
  monthLabel,
  ok,
  seasonMonthsLabel,
  suggestFirsts,
  type DateIdea,
  type TogetherFirstBody,
} from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { whoWrote } from '../support/names.ts';
import type { TogetherIdeas } from './ideas-data.ts';
import { EmptyState } from '../ui/intro.tsx';

const todayIn = (timeZone: string): string => localDayKey(new Date(), timeZone) ?? new Date().toISOString().slice(0, 10);

/** "20 November 2026" from "2026-11-20", without any time zone shifting the day. */
function formatDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });
}

/** First firsts: new things done together, with a memory note, counted per month and season, with catalog suggestions. */
export function Firsts({ together, session, space }: { together: TogetherIdeas; session: Unlocked; space: LoadedSpace }) {
  const [prefill, setPrefill] = useState<{ title: string; ideaId: string } | null>(null);
  const [status, setStatus] = useState('');
  const data = together.data;
  if (!data) return null;
  const today = todayIn(session.user.timeZone);
  const readable = data.firsts.flatMap((f) => (f.body ? [f.body] : []));
  const counts = firstsCounts(readable, today);
  const done = new Set(readable.flatMap((f) => (f.ideaId ? [f.ideaId] : [])));
  const suggestions = suggestFirsts(done, today);
  const active = space.view.status === 'active';

  return (
    <section class="card firsts" aria-labelledby="firsts-heading" id="firsts">
      <h2 id="firsts-heading" class="visually-hidden">First firsts</h2>
      <p class="hint">New things you did together for the very first time. Trying new things together keeps a relationship lively.</p>
      {counts && data.firsts.length > 0 ? (
        <p class="firsts-count" data-testid="firsts-count">
          <strong>{firstsCountText(counts.thisSeason, 'season')}</strong>
          {counts.thisSeason > 0 ? <span class="muted"> ({seasonMonthsLabel(counts.season)})</span> : null}
          {counts.total > 0 ? <span class="muted"> · {counts.total} in all</span> : null}
        </p>
      ) : null}
      {data.firsts.length === 0 ? (
        <EmptyState>{counts ? firstsCountText(counts.thisSeason, 'season') : 'No firsts written down yet.'}</EmptyState>
      ) : (
        <ul class="firsts-list">
          {data.firsts.map((f) => (
            <li key={f.item.id} data-testid="first">
              {f.body ? (
                <>
                  <strong>{f.body.title}</strong> <span class="muted">· {formatDay(f.body.date)} · added by {whoWrote(space, session, f.item.authorId).replace(/^You$/, 'you')}</span>
                  {f.body.note ? <p class="first-note">{f.body.note}</p> : null}
                </>
              ) : (
                <em>This first couldn't be decrypted.</em>
              )}
            </li>
          ))}
        </ul>
      )}
      {counts && counts.byMonth.length > 1 ? (
        <details>
          <summary>Firsts by month</summary>
          <ul>
            {counts.byMonth.map((m) => (
              <li key={m.month}>
                {monthLabel(m.month)}: {m.count}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {suggestions.length > 0 && active ? <FirstSuggestions ideas={suggestions} onDone={(i) => setPrefill({ title: i.text, ideaId: i.id })} /> : null}
      {active ? (
        <FirstForm
          key={prefill?.ideaId ?? 'blank'}
          together={together}
          today={today}
          prefill={prefill}
          onSaved={() => {
            setPrefill(null);
            setStatus('Written down. A first to remember.');
          }}
          onStart={() => setStatus('')}
        />
      ) : null}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}

function FirstSuggestions({ ideas, onDone }: { ideas: readonly DateIdea[]; onDone: (idea: DateIdea) => void }) {
  return (
    <>
      <h3>Something new to try</h3>
      <ul class="first-suggestions">
        {ideas.map((i) => (
          <li key={i.id}>
            <span>{i.text}</span>
            <span class="button-row">
              <Link href={makeDatePath({ ...i, itemId: null })} class="button" aria-label={`Plan it: ${i.text}`}>
                Plan it
              </Link>
              <button type="button" onClick={() => onDone(i)} aria-label={`We did this: ${i.text}`}>
                We did this
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function FirstForm({
  together,
  today,
  prefill,
  onSaved,
  onStart,
}: {
  together: TogetherIdeas;
  today: string;
  prefill: { title: string; ideaId: string } | null;
  onSaved: () => void;
  onStart: () => void;
}) {
  const id = useId();
  const [title, setTitle] = useState(prefill?.title ?? '');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    const body: TogetherFirstBody = { title: title.trim(), date, note: note.trim(), ideaId: prefill?.ideaId ?? null };
    const res = await together.create('together-first', 'shared', body);
    if (!res.ok) return res;
    setTitle('');
    setNote('');
    onSaved();
    return ok(undefined);
  });
  return (
    <form
      class="together-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onStart();
        if (title.trim() !== '' && /^\d{4}-\d\d-\d\d$/.test(date)) void save.run();
      }}
    >
      <h3 id={`${id}-h`}>Add a first</h3>
      <TextField label="What did you do for the first time?" value={title} onValue={setTitle} maxLength={200} required autoFocus={prefill !== null} />
      <div class="field">
        <label for={`${id}-date`}>When</label>
        <input type="date" id={`${id}-date`} value={date} max={today} required onInput={(e) => setDate(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${id}-note`}>A memory of it (optional)</label>
        <textarea id={`${id}-note`} rows={3} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <ErrorMessage message={save.error} />
      <button type="submit" class="primary" disabled={save.busy}>
        Save this first
      </button>
    </form>
  );
}
