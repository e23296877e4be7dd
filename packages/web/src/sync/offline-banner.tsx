import { useEffect, useState } from 'preact/hooks';
import { serverReachable } from '../shared/api.ts';
import { useStore } from '../shared/store.ts';
import { ConflictSheet } from './conflict-sheet.tsx';
import { dismissRefused, outboxStatus } from './outbox.ts';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

const writes = (n: number) => (n === 1 ? '1 write' : `${String(n)} writes`);

/**
 * One quiet line above the screen (issue 23): offline, or writes still to send, or one the
 * server refused. Nothing shows while all is well.
 */
export function OfflineBanner() {
  const online = useOnline();
  const reachable = useStore(serverReachable);
  const { waiting, conflicts, refused } = useStore(outboxStatus);
  const [choosing, setChoosing] = useState(false);
  if (conflicts > 0 || choosing) {
    return (
      <div class="offline-banner" role="status">
        <span>{conflicts === 1 ? 'Something you changed offline was also changed elsewhere.' : `${String(conflicts)} things you changed offline were also changed elsewhere.`}</span>
        <button type="button" class="link" onClick={() => setChoosing(true)}>
          Choose
        </button>
        {choosing ? <ConflictSheet onClose={() => setChoosing(false)} /> : null}
      </div>
    );
  }
  if (refused !== null) {
    return (
      <div class="offline-banner refused" role="alert">
        <span>One thing you wrote offline couldn't be saved: {refused}</span>
        <button type="button" class="link" onClick={dismissRefused}>
          OK
        </button>
      </div>
    );
  }
  if (online && reachable && waiting === 0) return null;
  const text = !online
    ? `You're offline. Hearth shows what this device has saved${waiting > 0 ? `; ${writes(waiting)} will be sent when you're back` : ', and keeps what you write until then'}.`
    : !reachable
      ? `Hearth can't be reached right now${waiting > 0 ? `; ${writes(waiting)} waiting to send` : ''}. It keeps trying.`
      : `${writes(waiting)} waiting to send.`;
  return (
    <div class="offline-banner" role="status">
      <span>{text}</span>
    </div>
  );
}
