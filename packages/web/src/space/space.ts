import { z } from 'zod/mini';
import { err, fromB64, ok, toB64, type Result } from '@hearth/core';
import { spaceResponse, todayResponse, userView, type SpaceView, type UserView } from '@hearth/core/api';
import {
  generateSpaceKey,
  openJson,
  profileBody,
  sealJson,
  unwrapSpaceKey,
  wrapSpaceKey,
} from '@hearth/core/crypto';
import { api } from '../shared/api.ts';
import { endpoints } from '../shared/endpoints.ts';
import { currentUnlocked, updateSessionUser, type Unlocked } from '../shared/session.ts';
import { createStore, useStore } from '../shared/store.ts';
import { savedSpaceView, saveSpaceView } from '../sync/device-copy.ts';

export type Member = {
  readonly userId: string;
  readonly isMe: boolean;
  readonly joinedAt: string;
  /** null when the member's sealed profile could not be opened. */
  readonly name: string | null;
};

export type LoadedSpace = {
  readonly view: SpaceView;
  /** The space key, or null if this device could not unwrap it. */
  readonly key: Uint8Array | null;
  readonly members: readonly Member[];
};

export type SpaceState =
  | { readonly status: 'unknown' }
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'ready'; readonly space: LoadedSpace }
  | { readonly status: 'error'; readonly message: string };

export const spaceStore = createStore<SpaceState>({ status: 'unknown' });
export const useSpace = (): SpaceState => useStore(spaceStore);

const meResponse = z.object({ user: userView });

/**
 * How often a screen waiting for the partner to join looks again, while it is seen:
 * couples often pair up side by side, and the server answers an unchanged Today from memory.
 */
export const WAITING_POLL_MS = 5_000;

/**
 * Bumped by every load as it starts and by every direct write: a load's answer is kept
 * only if nothing newer began meanwhile, so a slow answer from before "Create our space"
 * cannot undo it.
 */
let generation = 0;

function setSpace(next: SpaceState): void {
  generation += 1;
  spaceStore.set(next);
}

export function decodeSpace(view: SpaceView, session: Unlocked): LoadedSpace {
  const wrapped = fromB64(view.wrappedSpaceKey);
  const unwrapped = wrapped.ok ? unwrapSpaceKey(wrapped.value, session.keys, view.id) : null;
  const key = unwrapped?.ok ? unwrapped.value : null;
  const members = view.members.map((m): Member => {
    let name: string | null = null;
    const sealed = fromB64(m.profile);
    if (key && sealed.ok) {
      const opened = openJson(sealed.value, key, { type: 'member-profile', spaceId: view.id, userId: m.userId }, profileBody);
      if (opened.ok) name = opened.value.displayName;
    }
    return { userId: m.userId, isMe: m.isMe, joinedAt: m.joinedAt, name };
  });
  return { view, key, members };
}

/**
 * Asks /api/me first: it says whether there is a space at all, so "no space yet" is
 * an ordinary answer rather than an error response (which browsers log to the console).
 */
export async function loadSpace(): Promise<SpaceState> {
  const session = currentUnlocked();
  if (!session) return spaceStore.get();
  const mine = ++generation;
  if (spaceStore.get().status !== 'ready') spaceStore.set({ status: 'loading' });
  let next: SpaceState;
  const me = await api.get(endpoints.me, meResponse);
  if (!me.ok) next = await offlineSpace(session, me);
  else if (me.value.user.spaceId === null) next = { status: 'none' };
  else {
    const res = await api.get(endpoints.space, spaceResponse);
    if (res.ok) next = { status: 'ready', space: decodeSpace(res.value.space, session) };
    else if (res.code === 'not_in_space' || res.code === 'not_found') next = { status: 'none' };
    else next = await offlineSpace(session, res);
  }
  return settle(mine, session, me.ok ? me.value.user : null, next);
}

/**
 * Today's refresh (on opening it, on coming back to the tab, and while waiting for a
 * partner): the space from GET /api/today, which the server answers from memory while
 * nothing in it changed (decision 0048), side by side with /api/me for settings changed
 * on another device. Also gives the unread count Today's answer carries (null if it failed).
 */
export async function loadSpaceForToday(): Promise<{ readonly state: SpaceState; readonly unread: number | null }> {
  const session = currentUnlocked();
  if (!session) return { state: spaceStore.get(), unread: null };
  const mine = ++generation;
  if (spaceStore.get().status !== 'ready') spaceStore.set({ status: 'loading' });
  const [me, today] = await Promise.all([api.get(endpoints.me, meResponse), api.get(endpoints.today, todayResponse)]);
  let next: SpaceState;
  if (!today.ok) next = await offlineSpace(session, today);
  else if (today.value.space === null) next = { status: 'none' };
  else next = { status: 'ready', space: decodeSpace(today.value.space, session) };
  return { state: settle(mine, session, me.ok ? me.value.user : null, next), unread: today.ok ? today.value.unreadNotifications : null };
}

/** Without the server, the space as this device last saw it (wrapped key and sealed profiles, issue 23); otherwise the error. */
async function offlineSpace(session: Unlocked, failure: { readonly code: string; readonly message: string }): Promise<SpaceState> {
  const cached = failure.code === 'network' && session.user.spaceId !== null ? await savedSpaceView(session.user.spaceId) : null;
  return cached === null ? { status: 'error', message: failure.message } : { status: 'ready', space: decodeSpace(cached, session) };
}

function settle(mine: number, session: Unlocked, user: UserView | null, next: SpaceState): SpaceState {
  // A sign-out while the requests were in flight must not bring decrypted data back.
  if (currentUnlocked()?.keys !== session.keys) return spaceStore.get();
  // Superseded: the caller still gets what it asked for, but the store keeps the newer state.
  if (mine !== generation) return next;
  if (user !== null && JSON.stringify(user) !== JSON.stringify(session.user)) updateSessionUser(user);
  // Unchanged space, same object: screens keyed on it do not reload their cards (and move under a finger).
  const current = spaceStore.get();
  if (next.status === 'ready') void saveSpaceView(next.space.view);
  if (current.status === 'ready' && next.status === 'ready' && JSON.stringify(current.space.view) === JSON.stringify(next.space.view)) return current;
  spaceStore.set(next);
  return next;
}

export function setSpaceFromView(view: SpaceView): void {
  const session = currentUnlocked();
  if (session) setSpace({ status: 'ready', space: decodeSpace(view, session) });
}

export function sealMemberProfile(displayName: string, spaceKey: Uint8Array, spaceId: string, userId: string): string {
  return toB64(sealJson({ displayName }, spaceKey, { type: 'member-profile', spaceId, userId }));
}

export async function createSpace(): Promise<Result<LoadedSpace>> {
  const session = currentUnlocked();
  if (!session) return err('locked', 'Please sign in again.');
  const spaceId = crypto.randomUUID();
  const spaceKey = generateSpaceKey();
  const res = await api.post(
    endpoints.spaces,
    {
      spaceId,
      wrappedSpaceKey: toB64(wrapSpaceKey(spaceKey, session.keys.publicKey, spaceId)),
      profile: sealMemberProfile(session.displayName ?? '', spaceKey, spaceId, session.user.id),
    },
    spaceResponse,
  );
  if (!res.ok) {
    if (res.code === 'already_in_space') {
      const state = await loadSpace();
      if (state.status === 'ready') return ok(state.space);
    }
    return res;
  }
  const space = decodeSpace(res.value.space, session);
  setSpace({ status: 'ready', space });
  return ok(space);
}

export function partnerOf(space: LoadedSpace): Member | null {
  return space.members.find((m) => !m.isMe) ?? null;
}

export function memberName(space: LoadedSpace | null, userId: string): string | null {
  return space?.members.find((m) => m.userId === userId)?.name ?? null;
}

export function wipeSpace(): void {
  const s = spaceStore.get();
  if (s.status === 'ready') s.space.key?.fill(0);
  setSpace({ status: 'unknown' });
}
