import { useState } from 'preact/hooks';
import { ExportButton } from '../space/export-button.tsx';
import { LeaveDialog } from '../space/leave-dialog.tsx';

/**
 * Today once the partner has left: download the export, then close the space. Rare,
 * so its code (the export and the leave dialog) is fetched when it is shown (decision 0046).
 */
export function EndedSpace() {
  const [leaving, setLeaving] = useState(false);
  return (
    <section class="card ended" aria-labelledby="space-heading">
      <h2 id="space-heading">Your space has ended</h2>
      <p>
        Your partner has left the space. Nothing new can be added. You can download your export, then close the space to start
        fresh.
      </p>
      <ExportButton />
      <button type="button" class="danger" onClick={() => setLeaving(true)}>
        Close the space
      </button>
      {leaving ? <LeaveDialog mode="close" onClose={() => setLeaving(false)} /> : null}
    </section>
  );
}
