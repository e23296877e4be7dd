import { ok } from '@hearth/core';
import { useState } from 'preact/hooks';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { buildExport, downloadJson, exportFilename } from './export.ts';

export function ExportButton() {
  const [status, setStatus] = useState('');
  const { run, busy, error } = useAction(async () => {
    setStatus('Preparing your export…');
    const built = await buildExport();
    if (!built.ok) {
      setStatus('');
      return built;
    }
    downloadJson(built.value, exportFilename());
    setStatus('Your export has been downloaded.');
    return ok(undefined);
  });
  return (
    <div class="stack">
      <button type="button" onClick={() => void run()} disabled={busy}>
        Download my export
      </button>
      <p class="status" aria-live="polite">
        {busy ? <progress aria-label="Preparing your export" /> : null}
        {status}
      </p>
      <ErrorMessage message={error} />
    </div>
  );
}
