import { useMemo } from 'preact/hooks';

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
