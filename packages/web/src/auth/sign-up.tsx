import { useId, useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { ErrorMessage, KdfStatus, Page, useAction } from '../shared/ui.tsx';
import { signUp } from './account.ts';

export function SignUp() {
  const id = useId();
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
        <div class="field">
          <label for={`${id}-email`}>Email</label>
          <input id={`${id}-email`} type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            maxLength={128}
            aria-describedby={`${id}-password-hint`}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-password-hint`}>
            At least 10 characters.
          </p>
        </div>
        <div class="field">
          <label for={`${id}-name`}>Display name</label>
          <input
            id={`${id}-name`}
            type="text"
            autocomplete="nickname"
            required
            maxLength={60}
            aria-describedby={`${id}-name-hint`}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-name-hint`}>
            What your partner will see, like a first name.
          </p>
        </div>
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
