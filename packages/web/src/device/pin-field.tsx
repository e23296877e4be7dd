import { PIN_DIGITS } from '@hearth/core/crypto';

/** One field for a 6-digit PIN: digits only, hidden as typed, the numeric keypad on a phone. */
export function PinField({ id, label, value, onValue, autoFocus }: { id: string; label: string; value: string; onValue: (v: string) => void; autoFocus?: boolean }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class="pin-input"
        type="password"
        inputMode="numeric"
        autocomplete="off"
        pattern={`\\d{${String(PIN_DIGITS)}}`}
        maxLength={PIN_DIGITS}
        required
        autoFocus={autoFocus}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value.replace(/\D/g, '').slice(0, PIN_DIGITS))}
      />
    </div>
  );
}
