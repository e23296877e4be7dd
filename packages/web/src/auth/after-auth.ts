import { navigate } from '../shared/router.tsx';
import { readPendingInvite, savePendingInvite } from '../space/pending-invite.ts';

/** Where a locked or signed-out visitor was headed, so unlocking takes them back there. */
let returnTo: string | null = null;

export function rememberReturnTo(path: string): void {
  returnTo = path;
}

/** After sign-in, sign-up (past the recovery words) or recovery: finish a pending invite first. */
export function continueAfterAuth(): void {
  const invite = readPendingInvite();
  if (invite) {
    savePendingInvite({ ...invite, autoAccept: true });
    navigate(`/join/${invite.inviteId}`, { replace: true });
    return;
  }
  const target = returnTo ?? '/app/today';
  returnTo = null;
  navigate(target, { replace: true });
}
