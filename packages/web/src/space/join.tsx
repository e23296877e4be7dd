import { useEffect, useRef, useState } from 'preact/hooks';
import { err, fromB64, ok, toB64, type Result } from '@hearth/core';
import { openInviteResponse } from '@hearth/core/api';
import { inviteMaterialFromSecret, openInvitePayload, wrapSpaceKey, type InviteMaterial } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { friendlyMessage } from '../shared/errors.ts';
import { Link, navigate } from '../shared/router.tsx';
import { currentUnlocked, useSession } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner, useAction } from '../shared/ui.tsx';
import { clearPendingInvite, readPendingInvite, savePendingInvite } from './pending-invite.ts';
import { loadSpace, sealMemberProfile, useSpace } from './space.ts';

type OpenedInvite = {
  readonly inviteId: string;
  readonly spaceId: string;
  readonly material: InviteMaterial;
  readonly spaceKey: Uint8Array;
  readonly inviterName: string;
};

/** The link secret comes from the fragment once; after that it lives in sessionStorage until the invite is used. */
function takeSecret(inviteId: string): string | null {
  const fromHash = location.hash.replace(/^#/, '');
  const pending = readPendingInvite();
  if (fromHash) {
    savePendingInvite({ inviteId, secret: fromHash, autoAccept: pending?.inviteId === inviteId && pending.autoAccept });
    // Keep the secret out of the address bar and browser history.
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return pending?.inviteId === inviteId ? pending.secret : null;
}

async function openInvite(inviteId: string, secret: string | null): Promise<Result<OpenedInvite>> {
  if (!secret) return err('invalid_invite_secret', 'This invitation link is incomplete. Ask your partner to send it again.');
  const material = inviteMaterialFromSecret(secret);
  if (!material.ok) return material;
  const res = await api.post(endpoints.openInvite(inviteId), { proof: toB64(material.value.proof) }, openInviteResponse);
  if (!res.ok) {
    if (res.code === 'forbidden' || res.code === 'invalid_proof' || res.code === 'not_found') {
      return err('invalid_proof', "This invitation link doesn't look right. Ask your partner to send it again.");
    }
    return res;
  }
  const sealed = fromB64(res.value.sealedPayload);
  if (!sealed.ok) return sealed;
  const payload = openInvitePayload(sealed.value, material.value, { inviteId, spaceId: res.value.spaceId });
  if (!payload.ok) return err('invalid_proof', "This invitation link doesn't look right. Ask your partner to send it again.");
  return ok({ inviteId, spaceId: res.value.spaceId, material: material.value, ...payload.value });
}

async function acceptInvite(invite: OpenedInvite): Promise<Result<void>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in first.');
  const res = await api.send('POST', endpoints.acceptInvite(invite.inviteId), {
    proof: toB64(invite.material.proof),
    wrappedSpaceKey: toB64(wrapSpaceKey(invite.spaceKey, session.keys.publicKey, invite.spaceId)),
    profile: sealMemberProfile(session.displayName ?? '', invite.spaceKey, invite.spaceId, session.user.id),
  });
  if (!res.ok) {
    if (res.code === 'invite_gone' || res.code === 'invalid_proof') clearPendingInvite();
    return res;
  }
  clearPendingInvite();
  await loadSpace();
  return ok(undefined);
}

export function Join({ inviteId }: { inviteId: string }) {
  const session = useSession();
  const space = useSpace();
  const [opened, setOpened] = useState<OpenedInvite | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const autoTried = useRef(false);

  useEffect(() => {
    let live = true;
    const secret = takeSecret(inviteId);
    void openInvite(inviteId, secret).then((res) => {
      if (!live) return;
      if (res.ok) setOpened(res.value);
      else {
        // A dead invitation must not pull the person back here after every sign-in.
        if (res.code !== 'network' && res.code !== 'rate_limited') clearPendingInvite();
        setOpenError(friendlyMessage(res.code, res.message));
      }
    });
    return () => {
      live = false;
    };
  }, [inviteId]);

  const unlocked = session.status === 'unlocked';
  useEffect(() => {
    if (unlocked) void loadSpace();
  }, [unlocked]);

  const accept = useAction(async () => {
    if (!opened) return err('not_ready', 'The invitation is still opening.');
    const res = await acceptInvite(opened);
    if (res.ok) navigate('/app/today', { replace: true });
    return res;
  });

  const current = space.status === 'ready' ? space.space : null;
  const inOtherSpace = unlocked && current !== null && current.view.id !== opened?.spaceId;
  const alreadyHere = unlocked && current !== null && current.view.id === opened?.spaceId;
  const spaceKnown = space.status === 'ready' || space.status === 'none';

  useEffect(() => {
    if (!opened || !unlocked || !spaceKnown || inOtherSpace || alreadyHere || autoTried.current) return;
    if (readPendingInvite()?.autoAccept) {
      autoTried.current = true;
      void accept.run();
    }
  }, [opened, unlocked, spaceKnown, inOtherSpace, alreadyHere]);

  const heading = opened ? `${opened.inviterName || 'Your partner'} invited you to share a space in Hearth` : "You've been invited to Hearth";

  const startAuth = (path: string) => {
    const pending = readPendingInvite();
    if (pending) savePendingInvite({ ...pending, autoAccept: true });
    navigate(path);
  };

  return (
    <Page title="Join a space" heading={heading}>
      {openError ? (
        <>
          <ErrorMessage message={openError} />
          <p>
            <Link href="/app/">Go to Hearth</Link>
          </p>
        </>
      ) : !opened ? (
        <Spinner label="Opening your invitation…" />
      ) : (
        <>
          <p>
            Hearth is a private space for the two of you. What you share is encrypted on your devices, so only the two of you can
            read it.
          </p>
          {session.status === 'unlocked' ? (
            alreadyHere ? (
              <p>
                You're already in this space. <Link href="/app/today">Open your space</Link>
              </p>
            ) : inOtherSpace ? (
              <>
                <ErrorMessage message="You're already in a space. To join this one, leave your current space first (in Settings)." />
                <p>
                  <Link href="/app/today">Open your space</Link>
                </p>
              </>
            ) : (
              <div class="stack">
                <ErrorMessage message={accept.error} />
                {accept.busy ? <Spinner label="Joining your space…" /> : null}
                <button type="button" class="primary" onClick={() => void accept.run()} disabled={accept.busy || !spaceKnown}>
                  Join
                </button>
              </div>
            )
          ) : (
            <div class="actions">
              {session.status === 'locked' ? null : (
                <button type="button" class="primary" onClick={() => startAuth('/app/sign-up')}>
                  Create an account
                </button>
              )}
              <button type="button" class={session.status === 'locked' ? 'primary' : ''} onClick={() => startAuth('/app/sign-in')}>
                Sign in
              </button>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
