import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Visibility } from '@hearth/core/api';

/**
 * "Who can see it": both partners (sealed under the space key) or only me (sealed
 * under my personal key). One control, so every practice words the choice the same way.
 */
export function VisibilityChoice({
  value,
  onChange,
  children,
}: {
  value: Visibility;
  onChange: (value: Visibility) => void;
  /** Extra hint inside the fieldset, e.g. for a partner who hasn't joined yet. */
  children?: ComponentChildren;
}) {
  const id = useId();
  const option = (v: Visibility, label: string) => (
    <div class="check">
      <input id={`${id}-${v}`} type="radio" name={`${id}-visibility`} value={v} checked={value === v} onChange={() => onChange(v)} />
      <label for={`${id}-${v}`}>{label}</label>
    </div>
  );
  return (
    <fieldset class="radios">
      <legend>Who can see it</legend>
      {option('shared', 'Both of us')}
      {option('private', 'Only me')}
      {children}
    </fieldset>
  );
}
