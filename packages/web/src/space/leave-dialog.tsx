import { ok } from '@hearth/core';
import { confirmPassword } from '../auth/account.ts';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { PasswordDialog } from '../shared/password-dialog.tsx';
import { navigate } from '../shared/router.tsx';
import { loadSpace } from './space.ts';

async function leave(password: string) {
  const confirmed = await confirmPassword(password);
  if (!confirmed.ok) return confirmed;
  const left = await api.send('POST', endpoints.spaceLeave);
  if (!left.ok) return left;
  await loadSpace();
  return ok(undefined);
}

/**
 * Leaving is final, so it asks for the password again (the server wants a fresh
 * confirmation) and says plainly what can't be undone.
 */
export function LeaveDialog({ mode, onClose }: { mode: 'leave' | 'close'; onClose: () => void }) {
  return (
    <PasswordDialog
      title={mode === 'leave' ? 'Leave the space for good?' : 'Close the space for good?'}
      confirmLabel="Leave for good"
      onConfirm={leave}
      onDone={() => {
        onClose();
        navigate('/app/today');
      }}
      onClose={onClose}
    >
      {mode === 'leave' ? (
        <p>The space ends for both of you. Your partner won't be able to add anything more, and you won't be able to come back to it.</p>
      ) : (
        <p>This closes your space for good. You'll lose access to what's in it.</p>
      )}
      <p>
        Copies already on your partner's device, like an export they downloaded, can't be wiped. If you haven't yet, download your
        export first.
      </p>
    </PasswordDialog>
  );
}
