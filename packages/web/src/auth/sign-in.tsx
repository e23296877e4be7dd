import { useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { useSession } from '../shared/session.ts';
import { ErrorMessage, KdfStatus, Page, TextField, useAction } from '../shared/ui.tsx';
import { endDeviceUnlock, signIn, wipeDevice } from './account.ts';
import { sessionStore } from '../shared/session.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { lazyScreen } from '../shared/lazy.tsx';

// Only a trusted device shows it, so a first visit does not download it (decision 0046).
const DeviceUnlock = lazyScreen(() => import('../device/unlock-screen.tsx').then((m) => m.DeviceUnlock));

export function SignIn() {
  const session = useSession();
  const knownEmail = session.status === 'locked' ? session.email : session.status === 'signed-out' ? (session.email ?? '') : '';
  const locked = session.status === 'locked';
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const { run, busy, error } = useAction(signIn);
  const [usePassword, setUsePassword] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    // On success the app moves on by itself (see app.tsx), so there is nothing more to do here.
    await run(email, password);
  };

  const useAnotherAccount = async () => {
    await endDeviceUnlock();
    await api.send('POST', endpoints.logout);
    await wipeDevice();
    setEmail('');
    sessionStore.set({ status: 'signed-out' });
  };

  if (session.status === 'locked' && session.device !== undefined && !usePassword) {
    return <DeviceUnlock kind={session.device} email={session.email} onUsePassword={() => setUsePassword(true)} />;
  }

  return (
    <Page title={locked ? 'Unlock Hearth' : 'Sign in'}>
      {locked ? (
        <p>Hearth keeps your keys only while the page is open. Enter your password to unlock your space again.</p>
      ) : (
        <p>Welcome back.</p>
      )}
      <form onSubmit={onSubmit} class="stack">
        <TextField label="Email" type="email" autocomplete="username" required value={email} onValue={setEmail} />
        <TextField label="Password" type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
        <ErrorMessage message={error} />
        <KdfStatus active={busy} />
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      <p>
        <Link href="/app/recover">Forgot password?</Link>
      </p>
      {locked ? (
        <p>
          <button type="button" class="link" onClick={useAnotherAccount}>
            Use another account
          </button>
        </p>
      ) : (
        <p>
          New here? <Link href="/app/sign-up">Create an account</Link>
        </p>
      )}
    </Page>
  );
}
