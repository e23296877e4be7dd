import { useMemo, useState } from 'preact/hooks';
import { err, ok, type Result } from '@hearth/core';
import type { HoursRange } from '@hearth/core/api';

/** Every zone this browser knows, with the saved one always included. */
export function timeZones(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  // Some engines list "UTC" under another name; the saved zone must always be selectable.
  return zones.includes(current) ? zones : [current, ...zones];
}

/** The time-zone select Settings and Touch share; `saved` stays selectable even if this browser does not list it. */
export function TimeZoneField({ id, saved, value, onChange }: { id: string; saved: string; value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(() => timeZones(saved), [saved]);
  return (
    <div class="field">
      <label for={id}>Time zone</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {zones.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}

export type HoursFieldsProps = {
  readonly id: string;
  readonly legend: string;
  readonly hint: string;
  readonly labels: readonly [from: string, until: string];
  readonly from: string;
  readonly until: string;
  readonly onFrom: (time: string) => void;
  readonly onUntil: (time: string) => void;
  /** Active hours must be set; quiet hours may be left empty. */
  readonly required?: boolean;
};

/** A from–until pair of times in a fieldset: active hours and quiet hours, in Settings and Touch. */
export function HoursFields({ id, legend, hint, labels, from, until, onFrom, onUntil, required = false }: HoursFieldsProps) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p class="hint">{hint}</p>
      <div class="row">
        <div class="field">
          <label for={`${id}-from`}>{labels[0]}</label>
          <input id={`${id}-from`} type="time" required={required} value={from} onInput={(e) => onFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-until`}>{labels[1]}</label>
          <input id={`${id}-until`} type="time" required={required} value={until} onInput={(e) => onUntil(e.currentTarget.value)} />
        </div>
      </div>
    </fieldset>
  );
}

/** Where a person is and when they may be reached: the part of Settings that Touch repeats for nudges. */
export type DayWindow = { readonly timeZone: string; readonly activeHours: HoursRange; readonly quietHours: HoursRange | null };

/** The form state behind `DayWindowFields`, and its checked value. */
export function useDayWindow(start: DayWindow) {
  const [timeZone, setTimeZone] = useState(start.timeZone);
  const [activeFrom, setActiveFrom] = useState(start.activeHours.start);
  const [activeUntil, setActiveUntil] = useState(start.activeHours.end);
  const [quietFrom, setQuietFrom] = useState(start.quietHours?.start ?? '');
  const [quietUntil, setQuietUntil] = useState(start.quietHours?.end ?? '');
  const value = (): Result<DayWindow> => {
    if ((quietFrom === '') !== (quietUntil === '')) return err('invalid_quiet', 'Set both quiet-hours times, or leave both empty.');
    if (activeFrom === activeUntil) return err('invalid_active', 'Active hours need a start and an end that differ.');
    return ok({
      timeZone,
      activeHours: { start: activeFrom, end: activeUntil },
      quietHours: quietFrom && quietUntil ? { start: quietFrom, end: quietUntil } : null,
    });
  };
  return { saved: start.timeZone, timeZone, setTimeZone, activeFrom, setActiveFrom, activeUntil, setActiveUntil, quietFrom, setQuietFrom, quietUntil, setQuietUntil, value };
}

type HoursText = { readonly legend: string; readonly hint: string; readonly labels: readonly [from: string, until: string] };

/** Time zone, active hours and optional quiet hours, worded for the screen that shows them. */
export function DayWindowFields({ id, state, active, quiet }: { id: string; state: ReturnType<typeof useDayWindow>; active: HoursText; quiet: HoursText }) {
  return (
    <>
      <TimeZoneField id={`${id}-tz`} saved={state.saved} value={state.timeZone} onChange={state.setTimeZone} />
      <HoursFields id={`${id}-active`} {...active} from={state.activeFrom} until={state.activeUntil} onFrom={state.setActiveFrom} onUntil={state.setActiveUntil} required />
      <HoursFields id={`${id}-quiet`} {...quiet} from={state.quietFrom} until={state.quietUntil} onFrom={state.setQuietFrom} onUntil={state.setQuietUntil} />
    </>
  );
}
