import { useId, useMemo, useState } from 'preact/hooks';
import {
  choiceOfRrule,
  describeRecurrence,
  MONTH_POSITIONS,
  nextOccurrences,
  rruleOfChoice,
  RRULE_WEEKDAY_NAMES,
  togetherPlanBody,
  togetherSchedule,
  weekdayCodeOf,
  WEEKDAYS,
  type MonthPosition,
  type RecurrenceChoice,
  type WeekdayCode,
} from '@hearth/core';
import { deleteItem } from '../shared/items.ts';
import { navigate } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, TextField, useAction } from '../shared/ui.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { keysOf, savePlan, type Plan, type PlanKind } from './together-data.ts';
import { formatOccurrence } from './format.ts';
import { loadZodMessages } from '../shared/zod-messages.ts';

// The schedule and import errors a person reads come from zod (shared/zod-messages.ts).
void loadZodMessages();

const LENGTHS = [30, 60, 90, 120, 180, 240, 480] as const;
const LEADS: readonly (number | null)[] = [null, 0, 15, 60, 180, 1440, 2880];
const leadLabel = (m: number | null): string =>
  m === null ? 'No reminder' : m === 0 ? 'When it starts' : m < 60 ? `${String(m)} minutes before` : m < 1440 ? `${String(m / 60)} hour${m === 60 ? '' : 's'} before` : `${String(m / 1440)} day${m === 1440 ? '' : 's'} before`;
const lengthLabel = (m: number): string => (m < 60 ? `${String(m)} minutes` : m % 60 === 0 ? `${String(m / 60)} hour${m === 60 ? '' : 's'}` : `${String(m / 60)} hours`);
const POSITION_LABEL: Record<MonthPosition, string> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' };

type ChoiceKind = Exclude<RecurrenceChoice['kind'], 'once'>;

const pad = (n: number): string => String(n).padStart(2, '0');
function defaultStart(): { date: string; time: string } {
  const d = new Date(Date.now() + 86_400_000);
  return { date: `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: '12:30' };
}

const isWeekday = (s: string): s is WeekdayCode => WEEKDAYS.some((d) => d === s);
const isPosition = (n: number): n is MonthPosition => MONTH_POSITIONS.some((p) => p === n);

/**
 * Create or edit a ritual (recurring) or a date (once). Title, place and notes are
 * sealed; the schedule goes beside them in plaintext so the server can remind (DESIGN §4).
 */
export function PlanForm({
  session,
  space,
  kind,
  existing,
  initialTitle = '',
  ideaId = null,
}: {
  session: Unlocked;
  space: LoadedSpace;
  kind: PlanKind;
  existing?: Plan | undefined;
  initialTitle?: string;
  ideaId?: string | null;
}) {
  const id = useId();
  const ritual = kind === 'together-ritual';
  const startParts = existing?.schedule?.start.split('T') ?? null;
  const fallback = defaultStart();
  const [title, setTitle] = useState(existing?.body?.title ?? initialTitle);
  const [place, setPlace] = useState(existing?.body?.place ?? '');
  const [notes, setNotes] = useState(existing?.body?.notes ?? '');
  const [date, setDate] = useState(startParts?.[0] ?? fallback.date);
  const [time, setTime] = useState(startParts?.[1] ?? fallback.time);
  const [duration, setDuration] = useState(existing?.schedule?.durationMinutes ?? 60);
  const [lead, setLead] = useState<number | null>(existing?.schedule ? existing.schedule.leadMinutes : 60);
  const [timeZone, setTimeZone] = useState(existing?.schedule?.timeZone ?? session.user.timeZone);
  const initialChoice = choiceOfRrule(existing?.schedule?.rrule ?? null);
  const startDay = weekdayCodeOf(`${date}T${time}`) ?? 'SU';
  const [choiceKind, setChoiceKind] = useState<ChoiceKind>(initialChoice.kind === 'once' ? 'weekly' : initialChoice.kind);
  const [interval, setInterval] = useState(initialChoice.kind === 'weekly' || initialChoice.kind === 'monthly-weekday' || initialChoice.kind === 'monthly-date' ? initialChoice.interval : 1);
  // Until the days are picked by hand, the ritual repeats on the weekday of its first time.
  const [pickedDays, setDays] = useState<WeekdayCode[] | null>(initialChoice.kind === 'weekly' ? [...initialChoice.days] : null);
  const days = pickedDays ?? [startDay];
  const [position, setPosition] = useState<MonthPosition>(initialChoice.kind === 'monthly-weekday' ? initialChoice.position : -1);
  const [pickedMonthDay, setMonthDay] = useState<WeekdayCode | null>(initialChoice.kind === 'monthly-weekday' ? initialChoice.day : null);
  const monthDay = pickedMonthDay ?? startDay;
  const [monthDate, setMonthDate] = useState(initialChoice.kind === 'monthly-date' ? initialChoice.date : Number(date.slice(8, 10)) || 1);
  const [custom, setCustom] = useState(initialChoice.kind === 'custom' ? initialChoice.rrule : 'FREQ=WEEKLY;BYDAY=SU');

  const choice: RecurrenceChoice = !ritual
    ? { kind: 'once' }
    : choiceKind === 'weekly'
      ? { kind: 'weekly', interval, days }
      : choiceKind === 'monthly-weekday'
        ? { kind: 'monthly-weekday', interval, position, day: monthDay }
        : choiceKind === 'monthly-date'
          ? { kind: 'monthly-date', interval, date: monthDate }
          : { kind: 'custom', rrule: custom };

  const schedule = togetherSchedule.safeParse({
    start: `${date}T${time}`,
    timeZone: timeZone.trim(),
    rrule: rruleOfChoice(choice),
    durationMinutes: duration,
    leadMinutes: lead,
  });
  const preview = useMemo(() => (schedule.success ? nextOccurrences(schedule.data, new Date(), 3) : []), [JSON.stringify(schedule.data)]);
  const scheduleProblem = schedule.success ? null : (schedule.error.issues[0]?.message ?? 'Check the time and repetition.');

  const save = useAction(async () => {
    const body = togetherPlanBody.safeParse({ title, place, notes, ideaId: existing?.body?.ideaId ?? ideaId });
    if (!body.success) return { ok: false, code: 'invalid_input', message: 'Give it a title (up to 200 characters).' };
    if (!schedule.success) return { ok: false, code: 'invalid_input', message: scheduleProblem ?? 'Check the time and repetition.' };
    if (ritual && choice.kind === 'weekly' && choice.days.length === 0) return { ok: false, code: 'invalid_input', message: 'Pick at least one day of the week.' };
    const res = await savePlan(space, keysOf(session, space), kind, body.data, schedule.data, existing?.item ?? null);
    if (res.ok) navigate('/app/together');
    return res;
  });

  const remove = useAction(async () => {
    if (!existing || !confirm('Remove it for both of you? Its marks and memories go too.')) return { ok: true, value: null };
    const res = await deleteItem(existing.item);
    if (res.ok) navigate('/app/together');
    return res;
  });

  const toggleDay = (d: WeekdayCode, on: boolean) => setDays(on ? [...days.filter((x) => x !== d), d] : days.filter((x) => x !== d));

  return (
    <form
      class="card plan-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h2 id={`${id}-heading`}>{existing ? 'Edit' : ritual ? 'A new ritual' : 'A new date'}</h2>
      <TextField label="Title" value={title} onValue={setTitle} required maxLength={200} hint={ritual ? 'e.g. Lunch, just us' : undefined} />
      <TextField label="Place (optional)" value={place} onValue={setPlace} maxLength={200} />
      <div class="field">
        <label for={`${id}-notes`}>Notes (optional)</label>
        <textarea id={`${id}-notes`} value={notes} maxLength={2000} rows={3} onInput={(e) => setNotes(e.currentTarget.value)} />
      </div>
      <div class="field-row">
        <TextField label={ritual ? 'First time (date)' : 'Date'} type="date" value={date} onValue={setDate} required />
        <TextField label="Time" type="time" value={time} onValue={setTime} required />
      </div>
      <div class="field-row">
        <div class="field">
          <label for={`${id}-length`}>How long</label>
          <select id={`${id}-length`} value={String(duration)} onChange={(e) => setDuration(Number(e.currentTarget.value))}>
            {LENGTHS.map((m) => (
              <option key={m} value={String(m)}>
                {lengthLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-lead`}>Reminder</label>
          <select id={`${id}-lead`} value={lead === null ? 'none' : String(lead)} onChange={(e) => setLead(e.currentTarget.value === 'none' ? null : Number(e.currentTarget.value))}>
            {LEADS.map((m) => (
              <option key={String(m)} value={m === null ? 'none' : String(m)}>
                {leadLabel(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextField label="Time zone" value={timeZone} onValue={setTimeZone} hint="The clock this happens on. Reminders reach you both at the same moment, shown in your own time." />

      {ritual ? (
        <fieldset class="recurrence">
          <legend>Repeats</legend>
          <div class="field">
            <label for={`${id}-freq`}>How it repeats</label>
            <select id={`${id}-freq`} value={choiceKind} onChange={(e) => setChoiceKind(choiceKindOf(e.currentTarget.value))}>
              <option value="weekly">Weekly, on chosen days</option>
              <option value="monthly-weekday">Monthly, on a weekday (e.g. last Sunday)</option>
              <option value="monthly-date">Monthly, on a date</option>
              <option value="custom">Custom rule (RRULE)</option>
            </select>
          </div>
          {choiceKind !== 'custom' ? (
            <div class="field">
              <label for={`${id}-interval`}>{choiceKind === 'weekly' ? 'Every how many weeks' : 'Every how many months'}</label>
              <input id={`${id}-interval`} type="number" min={1} max={52} value={String(interval)} onInput={(e) => setInterval(Math.max(1, Number(e.currentTarget.value) || 1))} />
            </div>
          ) : null}
          {choiceKind === 'weekly' ? (
            <fieldset class="weekdays">
              <legend>On these days</legend>
              {WEEKDAYS.map((d) => (
                <label key={d} class="checkbox">
                  <input type="checkbox" checked={days.includes(d)} onChange={(e) => toggleDay(d, e.currentTarget.checked)} /> {RRULE_WEEKDAY_NAMES[d]}
                </label>
              ))}
            </fieldset>
          ) : choiceKind === 'monthly-weekday' ? (
            <div class="field-row">
              <div class="field">
                <label for={`${id}-pos`}>Which one</label>
                <select id={`${id}-pos`} value={String(position)} onChange={(e) => {
                  const n = Number(e.currentTarget.value);
                  if (isPosition(n)) setPosition(n);
                }}>
                  {MONTH_POSITIONS.map((p) => (
                    <option key={p} value={String(p)}>
                      {POSITION_LABEL[p]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-wd`}>Day</label>
                <select id={`${id}-wd`} value={monthDay} onChange={(e) => {
                  const v = e.currentTarget.value;
                  if (isWeekday(v)) setMonthDay(v);
                }}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>
                      {RRULE_WEEKDAY_NAMES[d]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          ) : choiceKind === 'monthly-date' ? (
            <div class="field">
              <label for={`${id}-md`}>Day of the month</label>
              <input id={`${id}-md`} type="number" min={1} max={31} value={String(monthDate)} aria-describedby={`${id}-md-hint`} onInput={(e) => setMonthDate(Math.min(31, Math.max(1, Number(e.currentTarget.value) || 1)))} />
              <p class="hint" id={`${id}-md-hint`}>
                Months without that day are left out.
              </p>
            </div>
          ) : (
            <TextField label="Rule" value={custom} onValue={setCustom} hint="An iCalendar RRULE, e.g. FREQ=MONTHLY;BYDAY=1SA,3SA" />
          )}
        </fieldset>
      ) : null}

      <div class="plan-preview" aria-live="polite">
        {scheduleProblem ? (
          <p class="hint">{scheduleProblem}</p>
        ) : (
          <p class="hint">
            {ritual ? `${describeRecurrence(rruleOfChoice(choice))}. ` : ''}
            {preview.length > 0 ? `Next: ${preview.map((o) => formatOccurrence(o.start, session.user.timeZone)).join('; ')}` : 'No upcoming time.'}
          </p>
        )}
      </div>
      <ErrorMessage message={save.error ?? remove.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : existing ? 'Save changes' : ritual ? 'Add ritual' : 'Add date'}
        </button>
        <button type="button" onClick={() => navigate('/app/together')}>
          Cancel
        </button>
        {existing ? (
          <button type="button" class="danger" disabled={remove.busy} onClick={() => void remove.run()}>
            Remove
          </button>
        ) : null}
      </div>
    </form>
  );
}

function choiceKindOf(v: string): ChoiceKind {
  return v === 'monthly-weekday' || v === 'monthly-date' || v === 'custom' ? v : 'weekly';
}
