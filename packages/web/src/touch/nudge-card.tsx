import { useId, useState } from 'preact/hooks';
import type { NudgeView } from '@hearth/core/api';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { isOpen, promptText, type TouchData } from './touch-data.ts';

function timeOf(iso: string, timeZone: string): string {
  try {
    return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short', timeZone });
  } catch {
    return new Date(iso).toLocaleTimeString();
  }
}

const ANSWERED: Partial<Record<NudgeView['state'], string>> = {
  done: 'You did it.',
  'not-now': 'Not now. That is fine.',
};

/**
 * One nudge: the prompt, and while it is open the three answers. "Did it" offers to let
 * the partner know, with nothing more than "thinking of you".
 */
export function NudgeCard({ nudge, touch, partner, timeZone }: { nudge: NudgeView; touch: TouchData; partner: string; timeZone: string }) {
  const id = useId();
  const [tell, setTell] = useState(true);
  const done = useAction(() => touch.answer(nudge.id, 'done', tell));
  const snooze = useAction(() => touch.answer(nudge.id, 'snooze'));
  const notNow = useAction(() => touch.answer(nudge.id, 'not-now'));
  const busy = done.busy || snooze.busy || notNow.busy;
  const open = isOpen(nudge);

  return (
    <article class="nudge" aria-labelledby={`${id}-prompt`}>
      <p class="nudge-prompt" id={`${id}-prompt`}>
        {promptText(nudge.promptId)}
      </p>
      <p class="hint">
        {nudge.state === 'snoozed' ? `Snoozed: back at ${timeOf(nudge.dueAt, timeZone)}.` : `Arrived at ${timeOf(nudge.dueAt, timeZone)}.`}
        {nudge.state === 'done' && nudge.sentThinkingOfYou ? ` ${partner} knows you were thinking of them.` : ''}
      </p>
      {open ? (
        <>
          <div class="check">
            <input id={`${id}-tell`} type="checkbox" checked={tell} onChange={(e) => setTell(e.currentTarget.checked)} />
            <label for={`${id}-tell`}>Send {partner} a "thinking of you" (no words, just that)</label>
          </div>
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void done.run()}>
              Did it
            </button>
            {nudge.state === 'delivered' && !nudge.snoozed ? (
              <button type="button" disabled={busy} onClick={() => void snooze.run()}>
                Snooze 1 hour
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => void notNow.run()}>
              Not now
            </button>
          </div>
          <ErrorMessage message={done.error ?? snooze.error ?? notNow.error} />
        </>
      ) : (
        <p class="status">{ANSWERED[nudge.state] ?? ''}</p>
      )}
    </article>
  );
}
