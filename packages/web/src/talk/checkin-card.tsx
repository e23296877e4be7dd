import { useId, useRef, useState } from 'preact/hooks';
import { moodEmoji, moodWord, ok } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import { createItem, type ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDateTime, useAction } from '../shared/ui.tsx';
import { memberName, type LoadedSpace } from '../space/space.ts';
import type { CheckinEntry } from './checkin-data.ts';
import { CheckinTextField } from './checkin-text-field.tsx';
import { WaitingMark } from '../sync/waiting-mark.tsx';

type CardProps = {
  readonly entry: CheckinEntry;
  readonly session: Unlocked;
  readonly space: LoadedSpace;
  readonly keys: ItemKeys;
  readonly onAdded: (item: ItemView) => void;
  /** Whether the card shows the date as well as the time (Today) or only the time (a day in the history). */
  readonly showDate?: boolean;
};

export function nameOf(space: LoadedSpace, session: Unlocked, userId: string): string {
  if (userId === session.user.id) return 'You';
  return memberName(space, userId) ?? 'Your partner';
}

function formatTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  try {
    return d.toLocaleTimeString(undefined, { timeStyle: 'short', timeZone });
  } catch {
    return d.toLocaleTimeString();
  }
}

/** "Low — tired, worried." */
export function checkinSummary(entry: CheckinEntry): string {
  if (!entry.body) return '';
  return `${moodWord(entry.body.mood)} — ${entry.body.feelings.join(', ')}.`;
}

/**
 * One check-in with its thread: who wrote it and how they are, what they need, the
 * note, whether the partner heard it, and the replies. On the partner's check-in it
 * offers "Heard you" and a reply; on one's own, a reply back once the partner replied.
 */
export function CheckinCard({ entry, session, space, keys, onAdded, showDate = false }: CardProps) {
  const { item, body } = entry;
  const me = session.user.id;
  const mine = item.authorId === me;
  const author = nameOf(space, session, item.authorId);
  const tz = session.user.timeZone;
  const iHeard = entry.heardBy.includes(me);
  const othersHeard = entry.heardBy.filter((id) => id !== me);
  const myReply = entry.replies.some((r) => r.item.authorId === me);
  const partnerReplied = entry.replies.some((r) => r.item.authorId !== me);
  const canAnswer = item.visibility === 'shared' && body !== null && space.view.status === 'active';
  const canReply = canAnswer && !myReply && (!mine || partnerReplied);
  const [status, setStatus] = useState('');

  const heard = useAction(async () => {
    const res = await createItem(space.view.id, 'checkin-heard', 'shared', {}, keys, { parentId: item.id });
    if (!res.ok) return res;
    onAdded(res.value);
    setStatus(`${author} will see that you heard them.`);
    return ok(undefined);
  });

  return (
    <article class={body === null ? 'checkin undecryptable' : `checkin mood-${body.mood}`} data-testid="checkin" aria-label={`${author === 'You' ? 'Your' : `${author}'s`} check-in`}>
      {body === null ? (
        <p>
          <em>This check-in couldn't be decrypted.</em>
        </p>
      ) : (
        <>
          <p class="checkin-summary">
            <span class="checkin-emoji" aria-hidden="true">
              {moodEmoji(body.mood)}
            </span>{' '}
            <strong>{author}</strong> checked in: <span class="checkin-mood">{moodWord(body.mood)}</span> — {body.feelings.join(', ')}.
          </p>
          {body.need ? <p class="checkin-need">Needs: {body.need}</p> : null}
          {body.note ? <p class="checkin-note">{body.note}</p> : null}
        </>
      )}
      <p class="checkin-meta">
        <time dateTime={item.createdAt}>{showDate ? formatDateTime(item.createdAt, tz) : formatTime(item.createdAt, tz)}</time>
        {item.visibility === 'private' ? <span class="badge">Private · only you</span> : null}
        <WaitingMark id={item.id} />
      </p>

      {item.visibility === 'shared' ? (
        <div class="checkin-thread">
          {mine ? (
            othersHeard.length > 0 ? (
              <p class="heard">
                {othersHeard.map((id) => nameOf(space, session, id)).join(' and ')} heard you
              </p>
            ) : (
              <p class="muted">Not heard yet</p>
            )
          ) : iHeard ? (
            <p class="heard">You heard {author}</p>
          ) : canAnswer ? (
            <>
              <ErrorMessage message={heard.error} />
              <button type="button" class="primary" onClick={() => void heard.run()} disabled={heard.busy}>
                Heard you
              </button>
            </>
          ) : null}
          <p class="status" role="status">
            {status}
          </p>
          {entry.replies.length > 0 ? (
            <ul class="checkin-replies" aria-label="Replies">
              {entry.replies.map((r) => (
                <li key={r.item.id} class={r.text === null ? 'checkin-reply undecryptable' : 'checkin-reply'}>
                  <span class="reply-author">{r.item.authorId === me ? 'You replied' : `${nameOf(space, session, r.item.authorId)} replied`}:</span>{' '}
                  {r.text === null ? <em>This reply couldn't be decrypted.</em> : <span class="reply-text">{r.text}</span>}
                </li>
              ))}
            </ul>
          ) : null}
          {canReply ? <ReplyForm
              parent={item}
              space={space}
              keys={keys}
              onAdded={(added) => {
                onAdded(added);
                setStatus('Reply sent.');
              }}
            /> : null}
        </div>
      ) : null}
    </article>
  );
}

/** "Reply" opens a short form; a reply is sent once, then shows in the thread and the form goes away. */
function ReplyForm({ parent, space, keys, onAdded }: { parent: ItemView; space: LoadedSpace; keys: ItemKeys; onAdded: (item: ItemView) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const toggle = useRef<HTMLButtonElement>(null);

  const send = useAction(async () => {
    const res = await createItem(space.view.id, 'checkin-reply', 'shared', { text: text.trim() }, keys, { parentId: parent.id });
    if (!res.ok) return res;
    onAdded(res.value);
    return ok(undefined);
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      send.setError('Write a few words first.');
      return;
    }
    void send.run();
  };

  return (
    <div class="reply">
      <button
        type="button"
        ref={toggle}
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen((v) => !v)}
      >
        Reply
      </button>
      <form id={`${id}-form`} class="stack reply-form" hidden={!open} onSubmit={onSubmit}>
        <CheckinTextField id={`${id}-text`} label="Your reply" rows={3} maxLength={1000} value={text} onInput={setText} />
        <ErrorMessage message={send.error} />
        <div class="actions">
          <button type="submit" class="primary" disabled={send.busy}>
            Send reply
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
