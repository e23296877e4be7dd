import { useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { ErrorMessage, KdfStatus, Page, TextField, useAction } from '../shared/ui.tsx';
import { signUp } from './account-keys.ts';

export function SignUp() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const { run, busy, error } = useAction(signUp);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    // On success the app shows the recovery words by itself (see app.tsx).
    await run({ email, password, displayName });
  };

  return (
    <Page title="Create an account">
      <p>Your password never leaves this device. Pick one you'll remember: a short sentence works well.</p>
      <form onSubmit={onSubmit} class="stack">
        <TextField label="Email" type="email" autocomplete="email" required value={email} onValue={setEmail} />
        <TextField
          label="Password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          maxLength={128}
          hint="At least 10 characters."
          value={password}
          onValue={setPassword}
        />
        <TextField
          label="Display name"
          type="text"
          autocomplete="nickname"
          required
          maxLength={60}
          hint="What your partner will see, like a first name."
          value={displayName}
          onValue={setDisplayName}
        />
        <ErrorMessage message={error} />
        <KdfStatus active={busy} />
        <button type="submit" class="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link href="/app/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
