import { useId, useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { ErrorMessage, KdfStatus, Page, TextField, useAction } from '../shared/ui.tsx';
import { recoverAccount } from './account-keys.ts';

export function Recover() {
  const id = useId();
  const [email, setEmail] = useState('');
  const [words, setWords] = useState('');
  const [password, setPassword] = useState('');
  const { run, busy, error } = useAction(recoverAccount);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    await run(email, words, password);
  };

  return (
    <Page title="Reset your password">
      <p>Use the 12 recovery words you saved when you created your account. Your space and everything in it stay as they are.</p>
      <form onSubmit={onSubmit} class="stack">
        <TextField label="Email" type="email" autocomplete="username" required value={email} onValue={setEmail} />
        <div class="field">
          <label for={`${id}-words`}>Recovery words</label>
          <textarea
            id={`${id}-words`}
            rows={3}
            required
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            aria-describedby={`${id}-words-hint`}
            value={words}
            onInput={(e) => setWords(e.currentTarget.value)}
          />
          <p class="hint" id={`${id}-words-hint`}>
            All 12 words, in order, separated by spaces.
          </p>
        </div>
        <TextField
          label="New password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          maxLength={128}
          value={password}
          onValue={setPassword}
        />
        <ErrorMessage message={error} />
        <KdfStatus active={busy} />
        <button type="submit" class="primary" disabled={busy}>
          Reset password
        </button>
      </form>
      <p>
        <Link href="/app/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
