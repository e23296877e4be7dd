import { useId, useState } from 'preact/hooks';
import { MAX_WISH_PER_MONTH, RECENT_DAYS, meetingView, type MeetingView, type Result, type RhythmPace } from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Spinner, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { useRhythm, type Entry } from './rhythm-data.ts';

const PACE_TEXT: Readonly<Record<RhythmPace, string>> = {
  below: 'a little below where your wishes meet',
  near: 'right around where your wishes meet',
  above: 'above where your wishes meet',
};

const SATISFACTION = [1, 2, 3, 4, 5] as const;
const LOG_SHOWN = 10;

/**
 * The intimacy rhythm (DESIGN §2 b2, decision 0037): a private log, a private wish,
 * and where the two wishes meet — never either partner's number unless both reveal it.
 */
export function RhythmSection({ session, space, pollMs }: { session: Unlocked; space: LoadedSpace; pollMs?: number }) {
  const id = useId();
  const rhythm = useRhythm(session, space, pollMs);
  const { data } = rhythm;

  return (
    <section class="card rhythm" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Our rhythm</h2>
      <p>
        A private space to notice how often you are intimate and how often you would like to be. Your log and your wish are sealed for you alone;
        your partner only ever sees where your two wishes meet.
      </p>
      {data === null ? (
        rhythm.error ? (
          <ErrorMessage message={rhythm.error} />
        ) : (
          <Spinner label="Loading your rhythm…" />
        )
      ) : (
        <>
          <Meeting
            view={meetingView({
              ownWish: data.wish?.body.perMonth ?? null,
              partnerBand: data.partnerBand,
              recent: rhythm.recent,
              ownReveal: data.wish?.body.reveal ?? false,
              partnerReveal: data.partnerReveal,
            })}
          />
          {/* Keyed on whether a wish exists, not on its version, so saving does not remount the form and lose its "Saved." */}
          <WishForm key={data.wish === null ? 'none' : 'wish'} initial={data.wish?.body ?? null} save={rhythm.saveWish} />
          <LogForm today={rhythm.today} add={rhythm.addEntry} />
          <h3>My private log</h3>
          <p class="hint">Only you can see this. It is never shared with your partner.</p>
          {data.entries.length === 0 ? (
            <p>Nothing logged yet.</p>
          ) : (
            <ul class="rhythm-log" aria-label="My private log">
              {data.entries.slice(0, LOG_SHOWN).map((entry) => (
                <LogEntry key={entry.view.id} entry={entry} remove={rhythm.removeEntry} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Meeting({ view }: { view: MeetingView }) {
  return (
    <div class="rhythm-meeting" role="status" aria-live="polite">
      {view.state === 'no-wish' ? (
        <p>Say privately how often you would like to be intimate, and Hearth will show where your wish and your partner’s meet.</p>
      ) : view.state === 'waiting' ? (
        <p>Your wish is saved. Your partner hasn’t shared theirs yet — until they do, nothing about yours reaches them.</p>
      ) : (
        <>
          <p>
            Your wishes meet at <strong>{view.meeting.label}</strong> ({view.meeting.min}–{view.meeting.max} times a month).
          </p>
          <p>
            By your own log ({view.recent} in the last {RECENT_DAYS} days), you are {PACE_TEXT[view.pace]}.
          </p>
          {view.revealed ? (
            <p>
              You both chose to show your numbers: you would like {view.revealed.mine} a month, your partner {view.revealed.theirs}.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

function WishForm({ initial, save }: { initial: { perMonth: number; reveal: boolean } | null; save: (perMonth: number, reveal: boolean) => Promise<Result<void>> }) {
  const id = useId();
  const [perMonth, setPerMonth] = useState(initial === null ? '' : String(initial.perMonth));
  const [reveal, setReveal] = useState(initial?.reveal ?? false);
  const [saved, setSaved] = useState(false);
  const action = useAction(save);
  const value = Number(perMonth);
  const valid = perMonth.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_WISH_PER_MONTH;

  return (
    <form
      class="stack rhythm-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        if (valid) void action.run(value, reveal).then((done) => setSaved(done));
      }}
    >
      <h3 id={`${id}-h`}>My wish</h3>
      <div class="field">
        <label for={`${id}-n`}>How many times a month would you like to be intimate?</label>
        <input
          id={`${id}-n`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_WISH_PER_MONTH}
          step={1}
          value={perMonth}
          aria-describedby={`${id}-n-hint`}
          onInput={(e) => setPerMonth(e.currentTarget.value)}
        />
        <p class="hint" id={`${id}-n-hint`}>
          Only you see this number. Your partner sees only where your wishes meet, in broad ranges.
        </p>
      </div>
      <div class="check">
        <input id={`${id}-reveal`} type="checkbox" checked={reveal} onChange={(e) => setReveal(e.currentTarget.checked)} />
        <label for={`${id}-reveal`}>Show my number to my partner, but only if they choose to show theirs too</label>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy || !valid}>
          Save my wish
        </button>
      </div>
      {action.busy ? <Spinner label="Saving privately…" /> : null}
      {saved ? <p role="status">Saved.</p> : null}
      <ErrorMessage message={action.error} />
    </form>
  );
}

function LogForm({ today, add }: { today: string; add: ReturnType<typeof useRhythm>['addEntry'] }) {
  const id = useId();
  const [date, setDate] = useState(today);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState(false);
  const action = useAction(add);

  return (
    <form
      class="stack rhythm-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(false);
        const trimmed = note.trim();
        void action
          .run({ date, ...(satisfaction === null ? {} : { satisfaction }), ...(trimmed === '' ? {} : { note: trimmed }) })
          .then((done) => {
            if (!done) return;
            setAdded(true);
            setNote('');
            setSatisfaction(null);
          });
      }}
    >
      <h3 id={`${id}-h`}>Add to my private log</h3>
      <div class="field">
        <label for={`${id}-date`}>Date</label>
        <input id={`${id}-date`} type="date" required max={today} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
      </div>
      <fieldset class="radios">
        <legend>How was it? (optional)</legend>
        <div class="actions">
          <div class="check">
            <input id={`${id}-s0`} type="radio" name={`${id}-s`} checked={satisfaction === null} onChange={() => setSatisfaction(null)} />
            <label for={`${id}-s0`}>Skip</label>
          </div>
          {SATISFACTION.map((s) => (
            <div class="check" key={s}>
              <input id={`${id}-s${s}`} type="radio" name={`${id}-s`} checked={satisfaction === s} onChange={() => setSatisfaction(s)} />
              <label for={`${id}-s${s}`}>
                {s}
                <span class="visually-hidden"> out of 5</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`${id}-note`}>Note (optional, only for you)</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit" disabled={action.busy || date === ''}>
          Add to my log
        </button>
      </div>
      {action.busy ? <Spinner label="Saving privately…" /> : null}
      {added ? <p role="status">Added to your private log.</p> : null}
      <ErrorMessage message={action.error} />
    </form>
  );
}

function LogEntry({ entry, remove }: { entry: Entry; remove: ReturnType<typeof useRhythm>['removeEntry'] }) {
  const action = useAction(remove);
  const { date, satisfaction, note } = entry.body;
  return (
    <li>
      <strong>{date}</strong>
      {satisfaction === undefined ? null : <span> · {satisfaction} of 5</span>}
      {note ? <span> · {note}</span> : null}{' '}
      <button type="button" class="link" disabled={action.busy} onClick={() => void action.run(entry.view)} aria-label={`Remove the entry of ${date}`}>
        Remove
      </button>
      <ErrorMessage message={action.error} />
    </li>
  );
}
