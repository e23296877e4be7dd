import { useId, useState } from 'preact/hooks';
import { CELEBRATION_REACTIONS, ok, reactionLabel, type SupportWinBody } from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { CoachField } from '../talk/coach-field.tsx';
import { capital, partnerName, whoWrote } from './names.ts';
import type { Support, WinEntry } from './support-data.ts';
import { WaitingMark } from '../sync/waiting-mark.tsx';

/** Log a win, big or small. */
export function WinForm({ support, space }: { support: Support; space: LoadedSpace }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [size, setSize] = useState<SupportWinBody['size']>('small');
  const [status, setStatus] = useState('');

  const add = useAction(async () => {
    const body: SupportWinBody = { title: title.trim(), size, ...(note.trim() ? { note: note.trim() } : {}) };
    const res = await support.create('support-win', 'shared', body);
    if (!res.ok) return res;
    setTitle('');
    setNote('');
    setSize('small');
    setStatus(`Added to the wall. ${capital(partnerName(space))} will see it on Today.`);
    return ok(undefined);
  });

  return (
    <form
      class="support-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus('');
        if (title.trim() !== '') void add.run();
      }}
    >
      <h3 id={`${id}-h`}>Log a win</h3>
      <TextField label="Your win" hint="An achievement or a milestone; small ones count too." value={title} onValue={setTitle} maxLength={200} required />
      <fieldset>
        <legend>How big?</legend>
        <div class="choice-row">
          <label class="choice">
            <input type="radio" name={`${id}-size`} checked={size === 'small'} onChange={() => setSize('small')} /> A small win
          </label>
          <label class="choice">
            <input type="radio" name={`${id}-size`} checked={size === 'big'} onChange={() => setSize('big')} /> A big one
          </label>
        </div>
      </fieldset>
      <TextField label="A few words (optional)" value={note} onValue={setNote} maxLength={1000} />
      <ErrorMessage message={add.error} />
      <button type="submit" class="primary" disabled={add.busy}>
        Add to the wall
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}

/** A win with its celebrations; on the partner's win, a way to celebrate it once. */
export function WinCard({ entry, support, session, space }: { entry: WinEntry; support: Support; session: Unlocked; space: LoadedSpace }) {
  const { item, body } = entry;
  const me = session.user.id;
  const mine = item.authorId === me;
  const author = whoWrote(space, session, item.authorId);
  const celebrated = entry.celebrations.some((c) => c.item.authorId === me);
  const canCelebrate = !mine && !celebrated && body !== null && space.view.status === 'active';
  const [status, setStatus] = useState('');
  return (
    <article class={body?.size === 'big' ? 'support-win big' : 'support-win'} data-testid="support-win" aria-label={mine ? 'Your win' : `${author}'s win`}>
      {body === null ? (
        <p>
          <em>This win couldn't be decrypted.</em>
        </p>
      ) : (
        <>
          <p class="win-title">
            <span aria-hidden="true">{body.size === 'big' ? '🏆 ' : '⭐ '}</span>
            <strong>{body.title}</strong>
          </p>
          {body.note ? <p>{body.note}</p> : null}
        </>
      )}
      <p class="muted">
        {author} · <time dateTime={item.createdAt}>{formatDate(item.createdAt, session.user.timeZone)}</time>
        <WaitingMark id={item.id} />
      </p>
      {entry.celebrations.length > 0 ? (
        <ul class="win-celebrations" aria-label="Celebrations">
          {entry.celebrations.map((c) => (
            <li key={c.item.id}>
              <span class="reply-author">{whoWrote(space, session, c.item.authorId)}:</span>{' '}
              {c.body === null ? (
                <em>This celebration couldn't be decrypted.</em>
              ) : (
                <>
                  <strong>{reactionLabel(c.body.reaction)}</strong>
                  {c.body.note ? ` — ${c.body.note}` : ''}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {canCelebrate ? <CelebrateForm entry={entry} support={support} onSent={() => setStatus(`You celebrated ${author === 'You' ? 'it' : `${author}'s win`}.`)} /> : null}
      <p class="status" role="status">
        {status}
      </p>
    </article>
  );
}

function CelebrateForm({ entry, support, onSent }: { entry: WinEntry; support: Support; onSent: () => void }) {
  const id = useId();
  const [reaction, setReaction] = useState<string>(CELEBRATION_REACTIONS[0].id);
  const [note, setNote] = useState('');
  const send = useAction(async () => {
    const res = await support.create('support-celebration', 'shared', { reaction, ...(note.trim() ? { note: note.trim() } : {}) }, { parentId: entry.item.id });
    if (!res.ok) return res;
    onSent();
    return ok(undefined);
  });
  return (
    <form
      class="celebrate"
      onSubmit={(e) => {
        e.preventDefault();
        void send.run();
      }}
    >
      <fieldset>
        <legend>Celebrate it</legend>
        <div class="choice-row">
          {CELEBRATION_REACTIONS.map((r) => (
            <label key={r.id} class="choice">
              <input type="radio" name={`${id}-reaction`} checked={reaction === r.id} onChange={() => setReaction(r.id)} /> {r.label}
            </label>
          ))}
        </div>
      </fieldset>
      <CoachField label="A note (optional)" value={note} onInput={setNote} rows={2} maxLength={1000} />
      <ErrorMessage message={send.error} />
      <button type="submit" class="primary" disabled={send.busy}>
        Celebrate
      </button>
    </form>
  );
}
