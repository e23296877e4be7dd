import { useId, useState } from 'preact/hooks';
import {
  dueKeyDate,
  KEY_DATE_TYPES,
  LEAD_DAY_CHOICES,
  localDayKey,
  nextKeyDateOccurrence,
  nextKeyDateReminder,
  ok,
  daysBetweenDays,
  supportKeyDateBody,
  type SupportKeyDateBody,
} from '@hearth/core';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { partnerName } from './names.ts';
import type { Entry, Support } from './support-data.ts';

const TYPE_LABEL: Record<SupportKeyDateBody['type'], string> = {
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  'first-date': 'First date',
  milestone: 'Milestone',
  other: 'Something else',
};

const leadLabel = (d: number): string => (d === 0 ? 'On the day' : d === 1 ? '1 day before' : d === 7 ? '1 week before' : d === 14 ? '2 weeks before' : `${String(d)} days before`);

/** "1 March" for a calendar date, in no time zone (it is a date, not an instant). */
export function formatDay(day: string): string {
  const d = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function whenText(daysUntil: number): string {
  if (daysUntil === 0) return 'today';
  if (daysUntil === 1) return 'tomorrow';
  return `in ${String(daysUntil)} days`;
}

/** Add a key date. The reminder instant goes to the server as `remindAt`; title and date stay sealed. */
export function KeyDateForm({ support, session, space }: { support: Support; session: Unlocked; space: LoadedSpace }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [type, setType] = useState<SupportKeyDateBody['type']>('birthday');
  const [date, setDate] = useState('');
  const [concerns, setConcerns] = useState<SupportKeyDateBody['concerns']>('us');
  const [yearly, setYearly] = useState(true);
  const [leads, setLeads] = useState<number[]>([14, 1]);
  const [privately, setPrivately] = useState(false);
  const [status, setStatus] = useState('');

  const add = useAction(async () => {
    const parsed = supportKeyDateBody.safeParse({
      title: title.trim(),
      type,
      date,
      concerns,
      recurrence: yearly ? 'yearly' : 'once',
      leadDays: [...leads].sort((a, b) => b - a),
    });
    if (!parsed.success) return { ok: false, code: 'invalid_input', message: 'Give it a name and a date that exists.' };
    const reminder = nextKeyDateReminder(parsed.data, new Date(), session.user.timeZone);
    const res = await support.create('support-date', privately ? 'private' : 'shared', parsed.data, { remindAt: reminder?.at.toISOString() ?? null });
    if (!res.ok) return res;
    setTitle('');
    setDate('');
    setStatus('Key date saved.');
    return ok(undefined);
  });

  return (
    <form
      class="support-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setStatus('');
        void add.run();
      }}
    >
      <h3 id={`${id}-h`}>Add a key date</h3>
      <TextField label="What is it?" hint="For example: Sam's birthday, the day we met." value={title} onValue={setTitle} maxLength={200} required />
      <div class="field">
        <label for={`${id}-type`}>Kind of date</label>
        <select id={`${id}-type`} value={type} onChange={(e) => setType(KEY_DATE_TYPES.find((t) => t === e.currentTarget.value) ?? 'other')}>
          {KEY_DATE_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <TextField label="Date" type="date" value={date} onValue={setDate} required />
      <div class="field">
        <label for={`${id}-concerns`}>Who it concerns</label>
        <select id={`${id}-concerns`} value={concerns} onChange={(e) => setConcerns(e.currentTarget.value === 'me' ? 'me' : e.currentTarget.value === 'partner' ? 'partner' : 'us')}>
          <option value="us">Both of us</option>
          <option value="me">Me</option>
          <option value="partner">{partnerName(space)}</option>
        </select>
      </div>
      <fieldset>
        <legend>Repeats</legend>
        <div class="choice-row">
          <label class="choice">
            <input type="radio" name={`${id}-rec`} checked={yearly} onChange={() => setYearly(true)} /> Every year
          </label>
          <label class="choice">
            <input type="radio" name={`${id}-rec`} checked={!yearly} onChange={() => setYearly(false)} /> Just once
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Remind us</legend>
        <div class="choice-row">
          {LEAD_DAY_CHOICES.map((d) => (
            <label key={d} class="choice">
              <input type="checkbox" checked={leads.includes(d)} onChange={(e) => setLeads((prev) => (e.currentTarget.checked ? [...prev, d] : prev.filter((x) => x !== d)))} />{' '}
              {leadLabel(d)}
            </label>
          ))}
        </div>
      </fieldset>
      <label class="choice">
        <input type="checkbox" checked={privately} onChange={(e) => setPrivately(e.currentTarget.checked)} /> Keep it to myself (a surprise)
      </label>
      <ErrorMessage message={add.error} />
      <button type="submit" class="primary" disabled={add.busy}>
        Add date
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </form>
  );
}

export type Upcoming = { readonly entry: Entry<SupportKeyDateBody>; readonly occurrence: string; readonly daysUntil: number; readonly due: boolean };

/** Key dates with a next occurrence, soonest first, and whether a reminder for it is due now. */
export function upcomingDates(dates: readonly Entry<SupportKeyDateBody>[], now: Date, timeZone: string): Upcoming[] {
  const today = localDayKey(now, timeZone);
  if (today === null) return [];
  const out: Upcoming[] = [];
  for (const entry of dates) {
    if (!entry.body) continue;
    const occurrence = nextKeyDateOccurrence(entry.body, today);
    const daysUntil = occurrence === null ? null : daysBetweenDays(today, occurrence);
    if (occurrence === null || daysUntil === null) continue;
    out.push({ entry, occurrence, daysUntil, due: dueKeyDate(entry.body, now, timeZone) !== null });
  }
  return out.sort((a, b) => a.daysUntil - b.daysUntil);
}

export function concernsText(body: SupportKeyDateBody, mine: boolean, space: LoadedSpace): string {
  if (body.concerns === 'us') return 'both of you';
  // "me"/"partner" are from the writer's point of view.
  const aboutWriter = body.concerns === 'me';
  return aboutWriter === mine ? 'you' : partnerName(space);
}

export function KeyDateList({ upcoming, session, space }: { upcoming: readonly Upcoming[]; session: Unlocked; space: LoadedSpace }) {
  return (
    <ul class="key-dates">
      {upcoming.map((u) => {
        const body = u.entry.body;
        if (!body) return null;
        const mine = u.entry.item.authorId === session.user.id;
        return (
          <li key={u.entry.item.id} class={u.due ? 'key-date due' : 'key-date'} data-testid="support-date">
            <strong>{body.title}</strong> — {formatDay(u.occurrence)} ({whenText(u.daysUntil)})
            <span class="muted">
              {' '}
              · {TYPE_LABEL[body.type]} · for {concernsText(body, mine, space)} · {body.recurrence === 'yearly' ? 'every year' : 'once'}
              {u.entry.item.visibility === 'private' ? ' · only you' : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
