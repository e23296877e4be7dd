import { ok } from '@hearth/core';
import { useState } from 'preact/hooks';
import { ErrorMessage, useAction } from '../shared/ui.tsx';
import { buildExport, downloadFile, exportFilename, exportHtml, exportJson } from './export.ts';

/**
 * One download: the JSON export of everything the person can read, or the shared
 * content as a readable page. Both are made on this device from decrypted data.
 */
export function ExportButton({ format = 'json', label }: { format?: 'json' | 'html'; label?: string }) {
  const [status, setStatus] = useState('');
  const { run, busy, error } = useAction(async () => {
    setStatus('Preparing your export…');
    const built = await buildExport();
    if (!built.ok) {
      setStatus('');
      return built;
    }
    if (format === 'json') downloadFile(exportJson(built.value), exportFilename('json'), 'application/json');
    else downloadFile(exportHtml(built.value), exportFilename('html'), 'text/html');
    setStatus('Your export has been downloaded.');
    return ok(undefined);
  });
  return (
    <div class="stack">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {label ?? 'Download my export'}
      </button>
      <p class="status" aria-live="polite">
        {busy ? <progress aria-label="Preparing your export" /> : null}
        {status}
      </p>
      <ErrorMessage message={error} />
    </div>
  );
}
