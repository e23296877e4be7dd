import { useEffect, useId, useState } from 'preact/hooks';
import { err, ok } from '@hearth/core';
import type { TrustedDeviceView } from '@hearth/core/api';
import { PIN_DIGITS, PIN_PATTERN } from '@hearth/core/crypto';
import { ErrorMessage, formatDateTime, useAction } from '../shared/ui.tsx';
import { DEFAULT_IDLE_MINUTES, forgetsOnQuickExit, IDLE_CHOICES, readDevice, setForgetOnQuickExit } from './device-store.ts';
import { PinField } from './pin-field.tsx';

const unlocking = () => import('./device-unlock.ts');

const IDLE_LABELS: Record<(typeof IDLE_CHOICES)[number], string> = { 1: '1 minute', 5: '5 minutes', 30: '30 minutes', 240: '4 hours' };

/** Settings › This device › Unlock and lock: how it unlocks, when it locks itself, and every trusted device. */
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
  const [forgetOnExit, setForgetOnExit] = useState(forgetsOnQuickExit);

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
    if (how === 'pin' && pin !== again) return err('mismatch', "The two PINs don't match.");
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
    return ok(undefined);
  });
  const remove = useAction(async (deviceId: string) => {
    const res = await (await unlocking()).removeTrustedDevice(deviceId);
    if (res.ok) await refresh();
    return res;
  });

  return (
    <section class="card stack" id="this-device" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Unlock and lock</h2>
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
      {kind ? (
        <div class="field">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={forgetOnExit}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setForgetOnQuickExit(on);
                setForgetOnExit(on);
                setStatus(on ? 'Quick exit will sign out and delete what this device keeps.' : 'Quick exit will lock Hearth and keep it sealed here.');
              }}
            />{' '}
            Quick exit also forgets this device
          </label>
          <p class="hint">Signs out and deletes what Hearth keeps here, unsent writes too; the next open needs your password.</p>
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
