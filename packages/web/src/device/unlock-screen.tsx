import { useEffect, useId, useState } from 'preact/hooks';
import { PIN_DIGITS, PIN_PATTERN } from '@hearth/core/crypto';
import { sessionStore } from '../shared/session.ts';
import { ErrorMessage, Page, useAction } from '../shared/ui.tsx';
import { PinField } from './pin-field.tsx';

/** Loaded only when used, so the start-up download stays small (decision 0046). */
const unlocking = () => import('./device-unlock.ts');

/** The screen a trusted device opens on: one PIN field or one passkey button, and the password as a way out. */
export function DeviceUnlock({ kind, email, onUsePassword }: { kind: 'pin' | 'passkey'; email: string; onUsePassword: () => void }) {
  const id = useId();
  const [pin, setPin] = useState('');
  // Fetched while the person reaches for the PIN, so the gesture does not wait for it.
  useEffect(() => {
    void unlocking();
  }, []);
  const { run, busy, error } = useAction(async (value?: string) => {
    const m = await unlocking();
    const res = kind === 'pin' ? await m.unlockWithPin(value ?? pin) : await m.unlockWithPasskey();
    if (!res.ok) {
      setPin('');
      // Five wrong PINs, a removed device, a new password: only the password opens Hearth now.
      if (res.code === 'device_unlock_ended') sessionStore.set({ status: 'locked', email });
    }
    return res;
  });

  const onPin = (value: string) => {
    setPin(value);
    if (PIN_PATTERN.test(value) && !busy) void run(value);
  };

  return (
    <Page title="Unlock Hearth" heading="Welcome back">
      <section class="card stack unlock" aria-labelledby={`${id}-how`}>
        <h2 id={`${id}-how`}>{kind === 'pin' ? 'Enter your PIN' : 'Unlock with your passkey'}</h2>
        {kind === 'pin' ? (
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void run(pin);
            }}
          >
            <PinField id={`${id}-pin`} label={`Your ${String(PIN_DIGITS)}-digit PIN`} value={pin} onValue={onPin} autoFocus />
            <ErrorMessage message={error} />
            <button type="submit" class="primary" disabled={busy || !PIN_PATTERN.test(pin)} aria-busy={busy}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </form>
        ) : (
          <>
            <p>Use Face ID, your fingerprint or your security key.</p>
            <ErrorMessage message={error} />
            <button type="button" class="primary" disabled={busy} aria-busy={busy} onClick={() => void run()} autoFocus>
              {busy ? 'Unlocking…' : 'Unlock with passkey'}
            </button>
          </>
        )}
      </section>
      <p>
        <button type="button" class="link" onClick={onUsePassword}>
          Use your password instead
        </button>
      </p>
    </Page>
  );
}
