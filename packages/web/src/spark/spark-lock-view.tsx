import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Unlocked } from '../shared/session.ts';
import { useStore } from '../shared/store.ts';
import { ErrorMessage, KdfStatus, TextField, useAction } from '../shared/ui.tsx';
import { SPARK_LOCK_IDLE_MS, lockWithPassword, readLockSetting, removeLock, setPin, unlockSpark, type SparkLockSetting } from './spark-lock.ts';
import { lockSpark, sparkUnlockedStore } from './use-spark.ts';

/**
 * Asks for the password or PIN before showing Spark, if this device has a lock set,
 * and locks again when Spark is left, the tab is hidden, or after a few idle minutes.
 */
export function SparkLock({ session, children }: { session: Unlocked; children: ComponentChildren }) {
  const unlocked = useStore(sparkUnlockedStore);
  const setting = readLockSetting(session.user.id);

  useEffect(() => {
    let timer = setTimeout(lockSpark, SPARK_LOCK_IDLE_MS);
    const active = () => {
      clearTimeout(timer);
      timer = setTimeout(lockSpark, SPARK_LOCK_IDLE_MS);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') lockSpark();
    };
    document.addEventListener('pointerdown', active);
    document.addEventListener('keydown', active);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', active);
      document.removeEventListener('keydown', active);
      document.removeEventListener('visibilitychange', hidden);
      // Leaving Spark locks it: coming back asks again.
      lockSpark();
    };
  }, []);

  if (setting === null || unlocked) return <>{children}</>;
  return <UnlockForm session={session} setting={setting} />;
}

function UnlockForm({ session, setting }: { session: Unlocked; setting: SparkLockSetting }) {
  const [secret, setSecret] = useState('');
  const action = useAction((value: string) => unlockSpark(session.user.id, value));
  const pin = setting.mode === 'pin';
  return (
    <section class="card" aria-labelledby="spark-lock-heading">
      <h2 id="spark-lock-heading">Locked</h2>
      <p>{pin ? 'Enter the PIN you set on this device.' : 'Enter your password to open this.'}</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(secret).then(() => setSecret(''));
        }}
      >
        <TextField
          label={pin ? 'PIN' : 'Password'}
          type="password"
          inputMode={pin ? 'numeric' : undefined}
          autocomplete={pin ? 'off' : 'current-password'}
          required
          value={secret}
          onValue={setSecret}
        />
        <ErrorMessage message={action.error} />
        <KdfStatus active={action.busy} />
        <button type="submit" class="primary" disabled={action.busy}>
          Unlock
        </button>
      </form>
    </section>
  );
}

/** Lock settings for this device: none, password, or a PIN; removing needs the password. */
export function SparkLockSettings({ session }: { session: Unlocked }) {
  const userId = session.user.id;
  const [setting, setSetting] = useState(() => readLockSetting(userId));
  const [mode, setMode] = useState<'idle' | 'pin' | 'remove'>('idle');
  const [pin, setPinValue] = useState('');
  const [again, setAgain] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string) => {
    setSetting(readLockSetting(userId));
    setMode('idle');
    setPinValue('');
    setAgain('');
    setPassword('');
    setDone(message);
  };
  const viaPassword = useAction(() => lockWithPassword(userId));
  const viaPin = useAction(() => setPin(userId, pin, again));
  const remove = useAction(() => removeLock(userId, password));
  const busy = viaPassword.busy || viaPin.busy || remove.busy;

  return (
    <section class="card" aria-labelledby="spark-lock-settings-heading">
      <h2 id="spark-lock-settings-heading">Lock on this device</h2>
      <p>
        {setting === null
          ? 'Spark opens without asking. You can ask for your password or a PIN each time it is opened on this device.'
          : setting.mode === 'pin'
            ? 'Spark asks for your PIN on this device. The PIN stays on this device; Hearth never receives it.'
            : 'Spark asks for your password on this device.'}
      </p>
      <p class="hint">It locks again when you leave Spark, switch away, or after five quiet minutes.</p>
      <p role="status" class="hint">
        {done}
      </p>
      {mode === 'pin' ? (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void viaPin.run().then((okay) => okay && refresh('PIN lock is on.'));
          }}
        >
          <TextField label="New PIN (4 to 8 digits)" type="password" inputMode="numeric" autocomplete="off" required value={pin} onValue={setPinValue} />
          <TextField label="The same PIN again" type="password" inputMode="numeric" autocomplete="off" required value={again} onValue={setAgain} />
          <ErrorMessage message={viaPin.error} />
          <KdfStatus active={viaPin.busy} />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save PIN
            </button>
            <button type="button" onClick={() => setMode('idle')} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : mode === 'remove' ? (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void remove.run().then((okay) => okay && refresh('The lock is off.'));
          }}
        >
          <TextField label="Password" type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
          <ErrorMessage message={remove.error} />
          <KdfStatus active={remove.busy} />
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>
              Remove the lock
            </button>
            <button type="button" onClick={() => setMode('idle')} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          {setting?.mode !== 'password' ? (
            <button type="button" disabled={busy} onClick={() => void viaPassword.run().then((okay) => okay && refresh('Password lock is on.'))}>
              Ask for my password
            </button>
          ) : null}
          <button type="button" disabled={busy} onClick={() => setMode('pin')}>
            {setting?.mode === 'pin' ? 'Change the PIN' : 'Use a PIN'}
          </button>
          {setting !== null ? (
            <button type="button" disabled={busy} onClick={() => setMode('remove')}>
              Remove the lock
            </button>
          ) : null}
        </div>
      )}
      <ErrorMessage message={viaPassword.error} />
    </section>
  );
}
