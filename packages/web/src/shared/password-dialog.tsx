import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Result } from '@hearth/core';
import { ErrorMessage, KdfStatus, TextField, useAction } from './ui.tsx';

export type PasswordDialogProps = {
  readonly title: string;
  /** What cannot be undone, said plainly; read out with the dialog. */
  readonly children: ComponentChildren;
  readonly confirmLabel: string;
  /** Runs with the password typed; the dialog stays open with the error if it fails. */
  readonly onConfirm: (password: string) => Promise<Result<unknown>>;
  readonly onDone: () => void;
  readonly onClose: () => void;
};

/**
 * A modal that asks for the password again before something final (leaving the space,
 * deleting the account). It cannot be dismissed while the action runs, and it shows
 * key derivation's progress, which takes a moment on a phone.
 */
export function PasswordDialog({ title, children, confirmLabel, onConfirm, onDone, onClose }: PasswordDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  const { run, busy, error } = useAction(onConfirm);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (await run(password)) onDone();
  };
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
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-desc`}>{children}</div>
      <form class="stack" onSubmit={onSubmit}>
        <TextField label="Password" type="password" autocomplete="current-password" required value={password} onValue={setPassword} />
        <ErrorMessage message={error} />
        <KdfStatus active={busy} />
        <div class="actions">
          <button type="submit" class="danger" disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
