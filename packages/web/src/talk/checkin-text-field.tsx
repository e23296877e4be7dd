import { CoachField } from './coach-field.tsx';

/**
 * The text boxes of a check-in (the note, a reply): the gentle start-up coach's field,
 * so harsh phrasing gets a suggestion as the person types (on this device only).
 */
export function CheckinTextField({
  id,
  label,
  hint,
  rows,
  maxLength,
  value,
  onInput,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  maxLength: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return <CoachField id={id} label={label} hint={hint} rows={rows} maxLength={maxLength} value={value} onInput={onInput} />;
}
