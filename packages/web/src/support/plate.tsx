import { useId, useState } from 'preact/hooks';
import {
  ok,
  PLATE_AREA_LABEL,
  PLATE_AREAS,
  SUPPORT_WISH_ASK,
  SUPPORT_WISH_LABEL,
  SUPPORT_WISHES,
  WEIGHT_LABEL,
  WEIGHT_MAX,
  WEIGHT_MIN,
  type PlateArea,
  type SupportPlateBody,
  type SupportResponseBody,
  type SupportWish,
} from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { CoachField } from '../talk/coach-field.tsx';
import { capital, partnerName, whoWrote } from './names.ts';
import type { PlateEntry, Support } from './support-data.ts';
import { WaitingMark } from '../sync/waiting-mark.tsx';

const WEIGHTS = Array.from({ length: WEIGHT_MAX - WEIGHT_MIN + 1 }, (_, i) => WEIGHT_MIN + i);

/** "just listen and be there and some encouragement". */
export function wishText(wishes: readonly SupportWish[]): string {
  const parts = wishes.map((w) => SUPPORT_WISH_ASK[w]);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** Share a current challenge: what it is about, how heavy it feels, and what would help. */
export function PlateForm({ support, space }: { support: Support; space: LoadedSpace }) {
  const id = useId();
  const [area, setArea] = useState<PlateArea | null>(null);
  const [text, setText] = useState('');
  const [weight, setWeight] = useState<number | null>(null);
  const [wishes, setWishes] = useState<SupportWish[]>([]);
  const [status, setStatus] = useState('');
  const partner = partnerName(space);

  const share = useAction(async () => {
    if (area === null || weight === null || wishes.length === 0 || text.trim() === '') {
      return { ok: false, code: 'invalid_input', message: 'Say what it is about, how heavy it feels and what would help.' };
    }
    const body: SupportPlateBody = { area, text: text.trim(), weight, wishes: SUPPORT_WISHES.filter((w) => wishes.includes(w)) };
    const res = await support.create('support-plate', 'shared', body);
    if (!res.ok) return res;
    setArea(null);
    setText('');
    setWeight(null);
    setWishes([]);
    setStatus(`Shared with ${partner}.`);
    return ok(undefined);
  });

  return (
    <form
      class="support-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus('');
        void share.run();
      }}
    >
      <h3 id={`${id}-h`}>Share what's on your plate</h3>
      <fieldset>
        <legend>What is it about?</legend>
        <div class="choice-row">
          {PLATE_AREAS.map((a) => (
            <label key={a} class="choice">
              <input type="radio" name={`${id}-area`} value={a} checked={area === a} onChange={() => setArea(a)} /> {PLATE_AREA_LABEL[a]}
            </label>
          ))}
        </div>
      </fieldset>
      <CoachField label="What's going on?" value={text} onInput={setText} rows={3} maxLength={2000} required />
      <fieldset>
        <legend>How heavy does it feel?</legend>
        <div class="choice-row">
          {WEIGHTS.map((w) => (
            <label key={w} class="choice">
              <input type="radio" name={`${id}-weight`} value={w} checked={weight === w} onChange={() => setWeight(w)} /> {WEIGHT_LABEL[w] ?? String(w)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>What would help from {partner}?</legend>
        <div class="choice-row">
          {SUPPORT_WISHES.map((w) => (
            <label key={w} class="choice">
              <input
                type="checkbox"
                checked={wishes.includes(w)}
                onChange={(e) => setWishes((prev) => (e.currentTarget.checked ? [...prev, w] : prev.filter((x) => x !== w)))}
              />{' '}
              {SUPPORT_WISH_LABEL[w]}
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorMessage message={share.error} />
      <button type="submit" class="primary" disabled={share.busy}>
        Share it
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}

function responseText(r: SupportResponseBody): string {
  switch (r.type) {
    case 'here':
      return "I'm here.";
    case 'help':
      return `Offered to help: ${r.text}`;
    case 'message':
      return r.text;
  }
}

/**
 * One challenge with its thread. On the partner's challenge: what they wish for, made
 * plain, and three ways to respond. On my own: the responses and "It has eased".
 */
export function PlateCard({ entry, support, session, space }: { entry: PlateEntry; support: Support; session: Unlocked; space: LoadedSpace }) {
  const { item, body } = entry;
  const mine = item.authorId === session.user.id;
  const author = whoWrote(space, session, item.authorId);
  const tz = session.user.timeZone;
  const active = space.view.status === 'active';
  const [status, setStatus] = useState('');

  const ease = useAction(async () => {
    if (!body) return ok(undefined);
    const res = await support.update(item, { ...body, easedAt: new Date().toISOString() });
    if (!res.ok) return res;
    setStatus('Marked as eased. It is now with the challenges you weathered together.');
    return ok(undefined);
  });

  return (
    <article class="support-plate" data-testid="support-plate" aria-label={mine ? 'Your challenge' : `${author}'s challenge`}>
      {body === null ? (
        <p>
          <em>This challenge couldn't be decrypted.</em>
        </p>
      ) : (
        <>
          <p class="plate-head">
            <strong>{mine ? 'You' : author}</strong> · {PLATE_AREA_LABEL[body.area]} · <span class="badge">{WEIGHT_LABEL[body.weight] ?? ''}</span>
            <WaitingMark id={item.id} />
          </p>
          <p class="plate-text">{body.text}</p>
          <p class="plate-wish">
            {mine ? `You asked for ${wishText(body.wishes)}.` : `${capital(author)} would like ${wishText(body.wishes)}.`}
          </p>
          {body.easedAt ? <p class="muted">Eased on {formatDate(body.easedAt, tz)}</p> : null}
        </>
      )}
      {entry.responses.length > 0 ? (
        <ul class="plate-responses" aria-label="Responses">
          {entry.responses.map((r) => (
            <li key={r.item.id}>
              <span class="reply-author">{whoWrote(space, session, r.item.authorId)}:</span>{' '}
              {r.body === null ? <em>This response couldn't be decrypted.</em> : <span>{responseText(r.body)}</span>}
            </li>
          ))}
        </ul>
      ) : mine && body && !body.easedAt ? (
        <p class="muted">No response yet.</p>
      ) : null}
      {active && body && !body.easedAt ? (
        mine ? (
          <>
            <ErrorMessage message={ease.error} />
            <button type="button" onClick={() => void ease.run()} disabled={ease.busy}>
              It has eased
            </button>
          </>
        ) : (
          <RespondActions entry={entry} support={support} author={author} onSent={setStatus} />
        )
      ) : null}
      <p class="status" role="status">
        {status}
      </p>
    </article>
  );
}

type Mode = 'message' | 'help' | null;

function RespondActions({ entry, support, author, onSent }: { entry: PlateEntry; support: Support; author: string; onSent: (s: string) => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');

  const send = useAction(async (response: SupportResponseBody) => {
    const res = await support.create('support-response', 'shared', response, { parentId: entry.item.id });
    if (!res.ok) return res;
    setMode(null);
    setText('');
    onSent(`Sent. ${capital(author)} will see it.`);
    return ok(undefined);
  });

  const submit = (e: Event) => {
    e.preventDefault();
    const t = text.trim();
    if (t === '' || mode === null) return;
    void send.run(mode === 'message' ? { type: 'message', text: t } : { type: 'help', text: t });
  };

  return (
    <div class="plate-actions">
      <div class="button-row">
        <button type="button" class="primary" onClick={() => void send.run({ type: 'here' })} disabled={send.busy}>
          I'm here
        </button>
        <button type="button" aria-expanded={mode === 'message'} onClick={() => setMode(mode === 'message' ? null : 'message')}>
          Write a message
        </button>
        <button type="button" aria-expanded={mode === 'help'} onClick={() => setMode(mode === 'help' ? null : 'help')}>
          Offer help
        </button>
      </div>
      {mode === 'message' ? (
        <form onSubmit={submit}>
          <CoachField label="Your message" value={text} onInput={setText} rows={3} maxLength={2000} required />
          <button type="submit" class="primary" disabled={send.busy}>
            Send message
          </button>
        </form>
      ) : mode === 'help' ? (
        <form onSubmit={submit}>
          <TextField label="What you'll take on" hint="For example: I'll do the school run on Thursday." value={text} onValue={setText} maxLength={500} required />
          <button type="submit" class="primary" disabled={send.busy}>
            Send offer
          </button>
        </form>
      ) : null}
      <ErrorMessage message={send.error} />
    </div>
  );
}
