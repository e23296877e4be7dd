import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { err, ok, toB64, type Result } from '@hearth/core';
import { inviteResponse, type InviteView } from '@hearth/core/api';
import { createInviteSecret, sealInvitePayload } from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDate, Page, Spinner, useAction } from '../shared/ui.tsx';
import { useLiveReload } from '../shared/use-live-reload.ts';
import { NO_ITEMS } from '../shared/live.ts';
import { loadSpace, loadSpaceForToday, partnerOf, spaceStore, useSpace, WAITING_POLL_MS } from './space.ts';


type CreatedInvite = { readonly invite: InviteView; readonly link: string; readonly qr: string };

/**
 * A fresh invitation each time this screen opens: the link secret lives only in this
 * component's memory and in the link itself, never on the server.
 */
async function createInvite(session: Unlocked): Promise<Result<CreatedInvite>> {
  let state = spaceStore.get();
  if (state.status !== 'ready') state = await loadSpace();
  if (state.status !== 'ready') return err('not_in_space', 'Create your space first, then invite your partner.');
  const { space } = state;
  if (!space.key) return err('no_key', "This device couldn't open your space's key.");
  if (partnerOf(space)) return err('space_full', 'Your partner is already in your space.');
  const inviteId = crypto.randomUUID();
  const material = createInviteSecret();
  const sealedPayload = sealInvitePayload(
    { spaceKey: space.key, inviterName: session.displayName ?? '' },
    material,
    { inviteId, spaceId: space.view.id },
  );
  const res = await api.post(
    endpoints.invites,
    { inviteId, sealedPayload: toB64(sealedPayload), proofHash: toB64(material.proofHash) },
    inviteResponse,
  );
  if (!res.ok) return res;
  const link = `${location.origin}/join/${inviteId}#${material.secret}`;
  // The QR encoder is only needed here, so it loads with this screen rather than with the app.
  const { renderSVG } = await import('uqr');
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(link, { ecc: 'M', border: 2 }))}`;
  return ok({ invite: res.value.invite, link, qr });
}

async function watchForPartner(): Promise<void> {
  await loadSpaceForToday();
}

export function Invite({ session }: { session: Unlocked }) {
  const id = useId();
  const state = useSpace();
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [copyStatus, setCopyStatus] = useState('');
  const started = useRef(false);

  const creator = useAction(async () => {
    const res = await createInvite(session);
    if (res.ok) setCreated(res.value);
    return res;
  });

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void creator.run();
  }, []);

  const revoker = useAction(async () => {
    if (!created) return ok(undefined);
    const res = await api.send('DELETE', endpoints.invite(created.invite.id));
    if (!res.ok && res.code !== 'not_found' && res.code !== 'invite_gone') return res;
    setRevoked(true);
    setCreated(null);
    return ok(undefined);
  });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopyStatus('Copied');
    } catch {
      setCopyStatus("Couldn't copy. Select the link and copy it yourself.");
    }
  };

  const partner = state.status === 'ready' ? partnerOf(state.space) : null;
  const hasPartner = partner !== null;

  // Often the partner scans the code right here: this screen notices when they have joined.
  // A partner joining is a change to the space itself, never to an item.
  useLiveReload(watchForPartner, created && !hasPartner ? WAITING_POLL_MS : undefined, undefined, NO_ITEMS);

  if (hasPartner && created) {
    return (
      <Page title="Invite your partner">
        <p role="status">
          {partner.name ?? 'Your partner'} has joined your space. <Link href="/app/today">Open your space</Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title="Invite your partner">
      {hasPartner ? (
        <p>Your partner is already in your space. <Link href="/app/today">Open your space</Link></p>
      ) : (
        <p>
          Send this link to your partner in a way only they will see, or let them scan the code. It works once and expires after 7
          days. The secret part of the link never reaches our server.
        </p>
      )}
      <ErrorMessage message={creator.error ?? revoker.error} />
      {creator.busy ? <Spinner label="Creating your invitation…" /> : null}
      {created ? (
        <div class="stack invite">
          <div class="field">
            <label for={`${id}-link`}>Invitation link</label>
            <input id={`${id}-link`} type="text" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
          <p class="status" aria-live="polite">
            {copyStatus}
          </p>
          <img
            class="qr"
            src={created.qr}
            alt="QR code for the invitation link"
            width={240}
            height={240}
          />
          <p>
            This invitation expires on <time dateTime={created.invite.expiresAt}>{formatDate(created.invite.expiresAt, session.user.timeZone)}</time>.
          </p>
          <button type="button" class="danger" onClick={() => void revoker.run()} disabled={revoker.busy}>
            Revoke invitation
          </button>
        </div>
      ) : null}
      {revoked ? (
        <div class="stack">
          <p role="status">The invitation was revoked. That link no longer works.</p>
          <button
            type="button"
            onClick={() => {
              setRevoked(false);
              setCopyStatus('');
              void creator.run();
            }}
          >
            Create a new invitation
          </button>
        </div>
      ) : null}
      <p>
        <Link href="/app/today">Back to your day</Link>
      </p>
    </Page>
  );
}
