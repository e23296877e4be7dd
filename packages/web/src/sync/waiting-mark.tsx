import { useStore } from '../shared/store.ts';
import { pendingIds } from './outbox.ts';

/** A small mark on an item written offline, until the server has it (issue 23). */
export function WaitingMark({ id }: { id: string }) {
  const ids = useStore(pendingIds);
  return ids.has(id) ? <span class="badge waiting">Waiting to send</span> : null;
}
