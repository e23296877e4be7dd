import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ok } from '@hearth/core';
import { confirmPassword } from '../auth/account.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { navigate } from '../shared/router.tsx';
import { ErrorMessage, KdfStatus, TextField, useAction } from '../shared/ui.tsx';
import { loadSpace } from './space.ts';

/**
 * Leaving is final, so it asks for the password again (the server wants a fresh
 * confirmation) and says plainly what can't be undone.
 */
export function LeaveDialog({ mode, onClose }: { mode: 'leave' | 'close'; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const { run, busy, error } = useAction(async () => {
    const confirmed = await confirmPassword(password);
    if (!confirmed.ok) return confirmed;
    const left = await api.send('POST', endpoints.spaceLeave);
    if (!left.ok) return left;
    await loadSpace();
    return ok(undefined);
  });

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await run()) {
      onClose();
      navigate('/app/today');
    }
  };

  const heading = mode === 'leave' ? 'Leave the space for good?' : 'Close the space for good?';

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onCancel={(e) => {
        if (busy) e.preventDefault();
        else onClose();
      }}
    >
      <h2 id={`${id}-title`}>{heading}</h2>
      <div id={`${id}-desc`}>
        {mode === 'leave' ? (
          <p>The space ends for both of you. Your partner won't be able to add anything more, and you won't be able to come back to it.</p>
        ) : (
          <p>This closes your space for good. You'll lose access to what's in it.</p>
        )}
        <p>
          Copies already on your partner's device, like an export they downloaded, can't be wiped. If you haven't yet, download your
          export first.
        </p>
      </div>
      <form class="stack" onSubmit={onSubmit}>
        <TextField label="Password" type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
        <ErrorMessage message={error} />
        <KdfStatus active={busy} />
        <div class="actions">
          <button type="submit" class="danger" disabled={busy}>
            Leave for good
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
