import { useId, useRef, useState } from 'preact/hooks';
import { ok, THANKS_STARTERS, WEEKDAY_NAMES, type SupportPrefsBody } from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { CoachField } from '../talk/coach-field.tsx';
import { capital, partnerName, whoWrote } from './names.ts';
import type { Entry, Support } from './support-data.ts';
import type { SupportThanksBody } from '@hearth/core';
import { WaitingMark } from '../sync/waiting-mark.tsx';
import { isWaiting } from '../sync/outbox.ts';

/** A thank-you note, with starting points for the days the words won't come. */
export function ThanksForm({ support, space, label = 'Thank you for…' }: { support: Support; space: LoadedSpace; label?: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const partner = partnerName(space);

  const send = useAction(async () => {
    const res = await support.create('support-thanks', 'shared', { text: text.trim() });
    if (!res.ok) return res;
    setText('');
    setStatus(
      isWaiting(res.value.id)
        ? `Saved on this device. It goes to ${partner} when you're back online.`
        : `Sent. ${capital(partner)} will find it on their appreciation wall.`,
    );
    return ok(undefined);
  });

  const start = (starter: string) => {
    setText(`${starter} `);
    setTimeout(() => {
      const el = field.current;
      if (el) {
        el.focus();
        el.setSelectionRange(el.value.length, el.value.length);
      }
    }, 0);
  };

  return (
    <form
      class="support-form"
      onSubmit={(e) => {
        e.preventDefault();
        setStatus('');
        if (text.trim() !== '') void send.run();
      }}
    >
      <div class="starters">
        <p id={`${id}-starters`}>Not sure how to begin? Pick a start:</p>
        <ul aria-labelledby={`${id}-starters`} class="starter-list">
          {THANKS_STARTERS.map((s) => (
            <li key={s}>
              <button type="button" class="starter" onClick={() => start(s)}>
                {s}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <CoachField label={label} value={text} onInput={setText} rows={3} maxLength={1000} required textareaRef={field} />
      <ErrorMessage message={send.error} />
      <button type="submit" class="primary" disabled={send.busy}>
        Send thank-you
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}

/** Thank-yous, newest first: the partner's to me, and mine to them. */
export function ThanksList({ entries, session, space }: { entries: readonly Entry<SupportThanksBody>[]; session: Unlocked; space: LoadedSpace }) {
  return (
    <ul class="thanks-wall">
      {entries.map((t) => (
        <li key={t.item.id} class="thanks-note" data-testid="support-thanks">
          {t.body === null ? <em>This note couldn't be decrypted.</em> : <p>{t.body.text}</p>}
          <p class="muted">
            {t.item.authorId === session.user.id ? `You, to ${partnerName(space)}` : `From ${whoWrote(space, session, t.item.authorId)}`} ·{' '}
            <time dateTime={t.item.createdAt}>{formatDate(t.item.createdAt, session.user.timeZone)}</time>
            <WaitingMark id={t.item.id} />
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The day of the weekly "what did they do this week" prompt; private to me. */
export function PromptDayForm({ support }: { support: Support }) {
  const id = useId();
  const current = support.data?.prefs ?? null;
  const [day, setDay] = useState<string>(current?.body?.promptDay === null || current?.body?.promptDay === undefined ? '' : String(current.body.promptDay));
  const [status, setStatus] = useState('');
  const save = useAction(async () => {
    const body: SupportPrefsBody = { promptDay: day === '' ? null : Number(day) };
    const res = current ? await support.update(current.item, body) : await support.create('support-prefs', 'private', body);
    if (!res.ok) return res;
    setStatus(body.promptDay === null ? 'No weekly prompt.' : `You'll be asked every ${WEEKDAY_NAMES[body.promptDay] ?? ''}.`);
    return ok(undefined);
  });
  return (
    <form
      class="support-form inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <div class="field">
        <label for={`${id}-day`}>Weekly thank-you prompt</label>
        <p class="hint" id={`${id}-hint`}>
          Only you see this setting.
        </p>
        <select id={`${id}-day`} value={day} aria-describedby={`${id}-hint`} onChange={(e) => setDay(e.currentTarget.value)}>
          <option value="">No prompt</option>
          {WEEKDAY_NAMES.map((name, i) => (
            <option key={name} value={String(i)}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage message={save.error} />
      <button type="submit" disabled={save.busy}>
        Save prompt day
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}
