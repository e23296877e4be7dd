import { useEffect, useId, useState } from 'preact/hooks';
import { ok } from '@hearth/core';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { useSpace } from '../space/space.ts';
import { guessDeviceLabel, pushState, subscribeThisDevice, unsubscribeThisDevice, type PushState } from './push.ts';

/**
 * Settings → "Notifications on this device". Choices are per device (DESIGN §5.5): a
 * phone can show previews while a shared laptop stays discreet.
 */
export function PushSettings() {
  const id = useId();
  const spaceState = useSpace();
  const spaceKey = spaceState.status === 'ready' ? spaceState.space.key : null;
  const [state, setState] = useState<PushState | null>(null);
  const [label, setLabel] = useState('');
  const [previews, setPreviews] = useState(false);
  const [discreet, setDiscreet] = useState(true);
  const [done, setDone] = useState('');

  const adopt = (next: PushState) => {
    setState(next);
    if (next.status === 'on') {
      setLabel(next.device.label);
      setPreviews(next.device.previews);
      setDiscreet(next.device.discreet);
    }
  };

  useEffect(() => {
    let alive = true;
    setLabel(guessDeviceLabel());
    void pushState().then((s) => {
      if (alive) adopt(s);
    });
    return () => {
      alive = false;
    };
  }, []);

  const save = useAction(async () => {
    const res = await subscribeThisDevice({ label: label.trim() || guessDeviceLabel(), previews, discreet }, spaceKey);
    if (!res.ok) return res;
    adopt({ status: 'on', device: res.value });
    setDone(state?.status === 'on' ? 'Saved' : 'Notifications are on for this device.');
    return ok(undefined);
  });
  const stop = useAction(async () => {
    const res = await unsubscribeThisDevice();
    if (!res.ok) return res;
    setState({ status: 'off' });
    setDone('Notifications are off for this device.');
    return ok(undefined);
  });

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setDone('');
    void save.run();
  };

  const on = state?.status === 'on';
  const busy = save.busy || stop.busy;
  return (
    <form class="stack card" onSubmit={onSubmit} aria-labelledby={`${id}-h`} aria-busy={state === null || busy}>
      <h2 id={`${id}-h`}>Notifications on this device</h2>
      <p class="hint">
        Everything also appears in the notification center. By default a notification only says "Something new in Hearth"; nothing you
        wrote passes through the push service.
      </p>
      {state === null ? <p class="status">Checking this device…</p> : null}
      {state?.status === 'unsupported' || state?.status === 'denied' ? <p class="alert">{state.message}</p> : null}
      <p class="status" data-testid="push-status">
        {on ? 'On for this device.' : state?.status === 'off' ? 'Off for this device.' : ''}
      </p>
      <div class="field">
        <label for={`${id}-label`}>Name for this device</label>
        <input id={`${id}-label`} type="text" maxLength={60} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </div>
      <div class="check">
        <input id={`${id}-previews`} type="checkbox" checked={previews} onChange={(e) => setPreviews(e.currentTarget.checked)} />
        <label for={`${id}-previews`}>Show previews</label>
      </div>
      <p class="hint">
        A short preview is decrypted here, on this device, with your space's key. Anyone who can see this screen's notifications can read it.
      </p>
      <div class="check">
        <input id={`${id}-discreet`} type="checkbox" checked={discreet} onChange={(e) => setDiscreet(e.currentTarget.checked)} />
        <label for={`${id}-discreet`}>Discreet titles</label>
      </div>
      <p class="hint">Titles never mention intimacy, your relationship or your partner. Turn off to see titles like "Your partner is thinking of you".</p>
      <ErrorMessage message={save.error ?? stop.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || state?.status === 'unsupported'}>
          {on ? 'Save notification choices' : 'Turn on notifications'}
        </button>
        {on ? (
          <button type="button" disabled={busy} onClick={() => void stop.run()}>
            Turn off on this device
          </button>
        ) : null}
        <span class="status" aria-live="polite">
          {busy ? 'Working…' : done}
        </span>
      </div>
    </form>
  );
}
