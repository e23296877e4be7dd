import { useId, useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { recoveryWordsStore } from '../shared/session.ts';
import { useStore } from '../shared/store.ts';
import { Page } from '../shared/ui.tsx';
import { continueAfterAuth } from './after-auth.ts';

/** Shown once, right after sign-up. The words are dropped from memory on Continue. */
export function RecoveryKey() {
  const id = useId();
  const words = useStore(recoveryWordsStore);
  const [saved, setSaved] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');

  if (!words) {
    return (
      <Page title="Your recovery key">
        <p>Your recovery words were shown once, when you created your account, and aren't stored anywhere.</p>
        <p>
          <Link href="/app/today">Open your space</Link>
        </p>
      </Page>
    );
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(words.join(' '));
      setCopyStatus('Copied. Paste them somewhere safe, then clear your clipboard.');
    } catch {
      setCopyStatus("Couldn't copy. Please write the words down instead.");
    }
  };

  const onContinue = () => {
    recoveryWordsStore.set(null);
    continueAfterAuth();
  };

  return (
    <Page title="Your recovery key">
      <p>
        These 12 words are the only way back into your account if you forget your password. Write them down, in order, and keep
        them somewhere safe and private.
      </p>
      <p>
        <strong>Without your password and these words, nothing can be recovered</strong>, not even by us. That is what keeps your
        space private.
      </p>
      <ol class="recovery-words" data-testid="recovery-words">
        {words.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" onClick={copy}>
          Copy words
        </button>
      </div>
      <p class="status" aria-live="polite">
        {copyStatus}
      </p>
      <div class="check">
        <input id={`${id}-saved`} type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        <label for={`${id}-saved`}>I've saved it</label>
      </div>
      <button type="button" class="primary" disabled={!saved} onClick={onContinue}>
        Continue
      </button>
    </Page>
  );
}
