import { useId, useMemo, useState } from 'preact/hooks';
import { addMonths, compareMonths, groupByLocalDay, monthGrid, monthOf, moodWord, parseDayKey, type DayKey, type YearMonth } from '@hearth/core';
import type { ItemView } from '@hearth/core/api';
import type { ItemKeys } from '../shared/items.ts';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { CheckinCard, nameOf } from './checkin-card.tsx';
import type { CheckinEntry } from './checkin-data.ts';

const WEEKDAYS = [
  ['Mon', 'Monday'],
  ['Tue', 'Tuesday'],
  ['Wed', 'Wednesday'],
  ['Thu', 'Thursday'],
  ['Fri', 'Friday'],
  ['Sat', 'Saturday'],
  ['Sun', 'Sunday'],
] as const;

/** A calendar date shown as words; noon UTC keeps it on the same date in every zone. */
function dayLabel(key: DayKey, options: Intl.DateTimeFormatOptions): string {
  const d = parseDayKey(key);
  if (!d) return key;
  return new Date(Date.UTC(d.year, d.month - 1, d.day, 12)).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}

function monthLabel(ym: YearMonth): string {
  return new Date(Date.UTC(ym.year, ym.month - 1, 15)).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

type HistoryProps = {
  readonly entries: readonly CheckinEntry[];
  readonly session: Unlocked;
  readonly space: LoadedSpace;
  readonly keys: ItemKeys;
  readonly onAdded: (item: ItemView) => void;
  /** Bumped by the page after a new check-in, to bring the calendar back to today. */
  readonly todayKey: DayKey;
};

/**
 * A month of check-ins as a table (my own, shared and private, and the partner's
 * shared ones), each day listing its mood words; choosing a day lists its check-ins
 * in full below.
 */
export function CheckinHistory({ entries, session, space, keys, onAdded, todayKey }: HistoryProps) {
  const id = useId();
  const tz = session.user.timeZone;
  const thisMonth = monthOf(todayKey) ?? { year: 2000, month: 1 };
  const [shown, setShown] = useState<YearMonth>(thisMonth);
  const [selected, setSelected] = useState<DayKey>(todayKey);
  const partner = partnerOf(space);

  const byDay = useMemo(() => {
    // Oldest first within a day, so the cell reads in the order the day went.
    const days = groupByLocalDay(entries.map((e) => ({ createdAt: e.item.createdAt, entry: e })), tz);
    return new Map([...days].map(([k, v]) => [k, v.map((x) => x.entry)]));
  }, [entries, tz]);
  const grid = useMemo(() => monthGrid(shown, byDay), [shown, byDay]);
  const selectedEntries = byDay.get(selected) ?? [];
  const atLatest = compareMonths(shown, thisMonth) >= 0;

  const move = (delta: number) => setShown((m) => addMonths(m, delta));

  return (
    <section class="card checkin-history" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      <p class="hint">
        Your own check-ins, shared and private{partner ? `, and the ones ${partner.name ?? 'your partner'} shared with you` : ''}. Choose a day to read
        it in full.
      </p>
      <div class="calendar-nav">
        <button type="button" onClick={() => move(-1)}>
          <span aria-hidden="true">‹ </span>Previous month
        </button>
        <button type="button" onClick={() => move(1)} disabled={atLatest}>
          Next month<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <table class="calendar">
        <caption>{monthLabel(shown)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map(([short, long]) => (
              <th scope="col" key={short} abbr={long}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0]?.key}>
              {week.map((day) =>
                day.inMonth ? (
                  <td key={day.key} class={day.key === todayKey ? 'today' : undefined}>
                    <button
                      type="button"
                      class="day"
                      aria-pressed={day.key === selected}
                      aria-current={day.key === todayKey ? 'date' : undefined}
                      onClick={() => setSelected(day.key)}
                    >
                      <span class="day-number">
                        <span class="visually-hidden">{dayLabel(day.key, { weekday: 'long', day: 'numeric', month: 'long' })} </span>
                        <span aria-hidden="true">{day.day}</span>
                      </span>
                      {day.items.length > 0 ? (
                        <span class="day-moods">
                          {day.items.map((e) => (
                            <DayMood key={e.item.id} entry={e} session={session} space={space} />
                          ))}
                        </span>
                      ) : null}
                    </button>
                  </td>
                ) : (
                  <td key={day.key} class="outside" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="calendar-key hint">
        <span class="cal-mood mine">Yours</span>
        {partner ? <span class="cal-mood theirs">{partner.name ?? 'Your partner'}</span> : null}
        <span>
          <span aria-hidden="true">🔒</span> private
        </span>
      </p>

      <section class="day-list" aria-labelledby={`${id}-day`}>
        <h3 id={`${id}-day`}>{dayLabel(selected, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</h3>
        {selectedEntries.length === 0 ? (
          <p class="muted">No check-ins on this day.</p>
        ) : (
          <ul class="checkin-list">
            {[...selectedEntries].reverse().map((e) => (
              <li key={e.item.id}>
                <CheckinCard entry={e} session={session} space={space} keys={keys} onAdded={onAdded} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** One check-in in a day cell: the mood word (never colour alone), whose it is, and a lock when private. */
function DayMood({ entry, session, space }: { entry: CheckinEntry; session: Unlocked; space: LoadedSpace }) {
  const mine = entry.item.authorId === session.user.id;
  const who = nameOf(space, session, entry.item.authorId);
  const word = entry.body ? moodWord(entry.body.mood) : 'Unreadable';
  const cls = `cal-mood ${mine ? 'mine' : 'theirs'}${entry.body ? ` mood-${entry.body.mood}` : ''}`;
  return (
    <span class={cls}>
      <span class="visually-hidden">{mine ? 'You' : who}: </span>
      <span class="cal-word">{word}</span>
      {entry.item.visibility === 'private' ? (
        <>
          {' '}
          <span aria-hidden="true" class="cal-lock">
            🔒
          </span>
          <span class="visually-hidden"> (private)</span>
        </>
      ) : null}
    </span>
  );
}

