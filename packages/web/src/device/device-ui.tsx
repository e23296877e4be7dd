import { useEffect, useId, useState } from 'preact/hooks';
import type { TrustedDeviceView } from '@hearth/core/api';
import { PIN_DIGITS, PIN_PATTERN } from '@hearth/core/crypto';
import { Link } from '../shared/router.tsx';
import { sessionStore } from '../shared/session.ts';
import { ErrorMessage, formatDateTime, Page, useAction } from '../shared/ui.tsx';
import { DEFAULT_IDLE_MINUTES, IDLE_CHOICES, readDevice } from './device-store.ts';

/** Loaded only when used, so the start-up download stays small (decision 0046). */
const unlocking = () => import('./device-unlock.ts');

const IDLE_LABELS: Record<(typeof IDLE_CHOICES)[number], string> = { 1: '1 minute', 5: '5 minutes', 30: '30 minutes', 240: '4 hours' };

function PinField({ id, label, value, onValue, autoFocus }: { id: string; label: string; value: string; onValue: (v: string) => void; autoFocus?: boolean }) {
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

/** The screen a trusted device opens on: one PIN field or one passkey button, and the password as a way out. */
export function DeviceUnlock({ kind, email, onUsePassword }: { kind: 'pin' | 'passkey'; email: string; onUsePassword: () => void }) {
  const id = useId();
  const [pin, setPin] = useState('');
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

/** Settings → This device: how it unlocks, when it locks itself, and every trusted device. */
export function ThisDevice() {
  const id = useId();
  const [kind, setKind] = useState<'pin' | 'passkey' | null | undefined>(undefined);
  const [idle, setIdle] = useState<number>(DEFAULT_IDLE_MINUTES);
  const [choosingPin, setChoosingPin] = useState(false);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [devices, setDevices] = useState<readonly TrustedDeviceView[] | null>(null);
  const [thisId, setThisId] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const refresh = async () => {
    const record = await readDevice();
    setKind(record?.kind ?? null);
    setThisId(record?.deviceId ?? null);
    setIdle(record?.idleMinutes ?? DEFAULT_IDLE_MINUTES);
    const list = await (await unlocking()).listTrustedDevices();
    setDevices(list.ok ? list.value : []);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const setUp = useAction(async (how: 'pin' | 'passkey') => {
    const m = await unlocking();
    if (how === 'pin' && pin !== again) return { ok: false as const, code: 'mismatch', message: "The two PINs don't match." };
    const res = how === 'pin' ? await m.setUpPin(pin) : await m.setUpPasskey();
    if (res.ok) {
      setChoosingPin(false);
      setPin('');
      setAgain('');
      setStatus(how === 'pin' ? 'This device now opens with your PIN.' : 'This device now opens with your passkey.');
      await refresh();
    }
    return res;
  });
  const stop = useAction(async () => {
    await (await unlocking()).stopDeviceUnlock();
    setStatus('This device asks for your password again.');
    await refresh();
    return { ok: true as const, value: undefined };
  });
  const remove = useAction(async (deviceId: string) => {
    const res = await (await unlocking()).removeTrustedDevice(deviceId);
    if (res.ok) await refresh();
    return res;
  });

  return (
    <section class="card stack" id="this-device" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>This device</h2>
      {kind === undefined ? null : kind === null ? (
        <p>Open Hearth here with one gesture instead of your password. Your keys stay sealed on this device; the password is still needed for exports and other big steps.</p>
      ) : (
        <p>
          This device opens with your <strong>{kind === 'pin' ? 'PIN' : 'passkey'}</strong>.
        </p>
      )}
      {choosingPin ? (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void setUp.run('pin');
          }}
        >
          <PinField id={`${id}-pin`} label={`New ${String(PIN_DIGITS)}-digit PIN`} value={pin} onValue={setPin} autoFocus />
          <PinField id={`${id}-again`} label="The same PIN again" value={again} onValue={setAgain} />
          <p class="hint">Five wrong tries in a row and this device will need your password again.</p>
          <ErrorMessage message={setUp.error} />
          <div class="actions">
            <button type="submit" class="primary" disabled={setUp.busy || !PIN_PATTERN.test(pin)}>
              Save PIN
            </button>
            <button type="button" onClick={() => setChoosingPin(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" class={kind === null ? 'primary' : ''} disabled={setUp.busy} onClick={() => void setUp.run('passkey')}>
            {kind === 'passkey' ? 'Use a new passkey' : 'Use Face ID, fingerprint or a security key'}
          </button>
          <button type="button" disabled={setUp.busy} onClick={() => setChoosingPin(true)}>
            {kind === 'pin' ? 'Change PIN' : 'Use a 6-digit PIN'}
          </button>
          {kind ? (
            <button type="button" class="link" disabled={stop.busy} onClick={() => void stop.run()}>
              Stop unlocking this device without my password
            </button>
          ) : null}
        </div>
      )}
      {choosingPin ? null : <ErrorMessage message={setUp.error} />}
      {kind ? (
        <div class="field">
          <label for={`${id}-idle`}>Lock after I leave it for</label>
          <select
            id={`${id}-idle`}
            value={String(idle)}
            onChange={async (e) => {
              const minutes = Number(e.currentTarget.value);
              setIdle(minutes);
              await (await unlocking()).setIdleMinutes(minutes);
              const choice = IDLE_CHOICES.find((c) => c === minutes) ?? DEFAULT_IDLE_MINUTES;
              setStatus(`Hearth locks after ${IDLE_LABELS[choice]} without use.`);
            }}
          >
            {IDLE_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {IDLE_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p class="status" aria-live="polite">
        {status}
      </p>
      {devices && devices.length > 0 ? (
        <>
          <h3>Trusted devices</h3>
          <ul class="plain-list">
            {devices.map((d) => (
              <li key={d.id} class="device-row">
                <span>
                  <strong>{d.label}</strong>
                  {d.id === thisId ? ' (this device)' : ''} · {d.kind === 'pin' ? 'PIN' : 'passkey'}
                  <br />
                  <span class="hint">
                    Added {formatDateTime(d.createdAt)}
                    {d.lastUsedAt ? `, last unlocked ${formatDateTime(d.lastUsedAt)}` : ''}
                  </span>
                </span>
                <button type="button" disabled={remove.busy} onClick={() => void remove.run(d.id)} aria-label={`Remove ${d.label}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <ErrorMessage message={remove.error} />
        </>
      ) : null}
    </section>
  );
}

const DISMISSED = 'hearth-device-offer-dismissed';

/** The one-time offer after signing in, on Today: dismissable, and always in Settings → This device. */
export function DeviceOffer() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const dismissed = (() => {
      try {
        return localStorage.getItem(DISMISSED) === '1';
      } catch {
        return true;
      }
    })();
    if (dismissed) return;
    void readDevice().then((record) => setShow(record === null));
  }, []);
  if (!show) return null;
  const dismiss = () => {
    try {
      localStorage.setItem(DISMISSED, '1');
    } catch {
      // Without storage the offer simply comes back next time.
    }
    setShow(false);
  };
  return (
    <section class="card stack offer" aria-labelledby="device-offer-heading">
      <h2 id="device-offer-heading">Open Hearth faster here</h2>
      <p>Unlock this device with Face ID, your fingerprint, a security key or a 6-digit PIN, instead of your password each time.</p>
      <div class="actions">
        <Link class="button primary" href="/app/settings">
          Set it up
        </Link>
        <button type="button" class="link" onClick={dismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
