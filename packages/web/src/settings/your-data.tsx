import { useId, useRef, useState } from 'preact/hooks';
import { err, ok } from '@hearth/core';
import { deleteAccount } from '../auth/account.ts';
import { PasswordDialog } from '../shared/password-dialog.tsx';
import { navigate } from '../shared/router.tsx';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { ExportButton } from '../space/export-button.tsx';
import { useSpace } from '../space/space.ts';
import { importExport, type ImportProgress } from './import.ts';
import { loadZodMessages } from '../shared/zod-messages.ts';

// The schedule and import errors a person reads come from zod (shared/zod-messages.ts).
void loadZodMessages();

/** Settings › Your data (issue #10): take everything with you, bring it back, or delete the account; the screen's cards. */
export function YourData() {
  const id = useId();
  const [deleting, setDeleting] = useState(false);
  const space = useSpace();
  return (
    <>
      <p>
        Exports are made on this device from your decrypted entries, so they are readable by anyone who has the file. Keep them
        somewhere safe.
      </p>
      <section class="card stack" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`}>Export</h2>
        <p class="hint">Everything you can read (what you both shared and what you kept private) as a file Hearth can import.</p>
        <ExportButton format="json" label="Export everything (JSON)" />
        <p class="hint">What you shared with each other, as a page any browser can open and print. Private entries are left out.</p>
        <ExportButton format="html" label="Export shared content (HTML)" />
      </section>
      <section class="card stack" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>Import</h2>
        <ImportForm inSpace={space.status === 'ready'} />
      </section>
      <section class="card stack" aria-labelledby={`${id}-delete`}>
        <h2 id={`${id}-delete`}>Delete your account</h2>
        <p class="hint">Removes your account, your keys and your private entries, and ends your space for both of you.</p>
        <div>
          <button type="button" class="danger" onClick={() => setDeleting(true)}>
            Delete my account
          </button>
        </div>
        {deleting ? <DeleteAccountDialog onClose={() => setDeleting(false)} /> : null}
      </section>
    </>
  );
}

function ImportForm({ inSpace }: { inSpace: boolean }) {
  const id = useId();
  // The import creates the space itself: once started, this form stays to show progress and the result.
  const [started, setStarted] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const { run, busy, error } = useAction(async () => {
    setDone([]);
    const chosen = file.current?.files?.[0];
    if (!chosen) return err('no_file', 'Choose a Hearth export file (.json) first.');
    setStarted(true);
    const imported = await importExport(await chosen.text(), setProgress);
    if (!imported.ok) return imported;
    setDone([`Imported ${imported.value.imported} ${imported.value.imported === 1 ? 'item' : 'items'} into your new space.`, ...imported.value.notes]);
    return ok(undefined);
  });
  if (inSpace && !started) return <p class="hint">Import works in a fresh account, before you create or join a space.</p>;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <p class="hint">
        Brings the entries you wrote from a Hearth export into a new space in this account. Your partner's entries stay in the file.
      </p>
      <div class="field">
        <label for={`${id}-file`}>Export file</label>
        <input id={`${id}-file`} ref={file} type="file" accept="application/json,.json" disabled={busy} />
      </div>
      <button type="submit" disabled={busy}>
        Import
      </button>
      <div aria-live="polite" class="status">
        {busy && progress ? (
          <>
            <progress aria-label="Importing" max={progress.total} value={progress.done} />
            <span>
              Importing {progress.done} of {progress.total}…
            </span>
          </>
        ) : busy ? (
          <progress aria-label="Reading the file" />
        ) : null}
        {done.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <ErrorMessage message={error} />
    </form>
  );
}

function DeleteAccountDialog({ onClose }: { onClose: () => void }) {
  return (
    <PasswordDialog
      title="Delete your account for good?"
      confirmLabel="Delete my account for good"
      onConfirm={deleteAccount}
      onDone={() => navigate('/app/', { replace: true })}
      onClose={onClose}
    >
      <p>
        This can't be undone. Your account, your keys and everything you kept private are deleted now, and your space ends for
        both of you. Your partner keeps read-only access to what you shared, without your name, until they close the space.
      </p>
      <p>Copies already on your partner's device, like an export they downloaded, can't be wiped. Export your data first if you want to keep it.</p>
    </PasswordDialog>
  );
}
