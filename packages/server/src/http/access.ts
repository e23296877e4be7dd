import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config/env.ts';
import { deleteSession, sessionWithUser, touchSession, type SessionContext, type SessionRow, type UserRow } from '../auth/store.ts';
import { hashSessionToken } from '../auth/session-token.ts';
import type { MembershipRow, SpaceRow } from '../space/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError } from './errors.ts';

export type SignedIn = { readonly user: UserRow; readonly session: SessionRow };
export type Member = SignedIn & { readonly membership: MembershipRow; readonly space: SpaceRow };

/** Writing last_seen_at on every request would turn each read into a write; once a minute is enough for a 30-minute idle limit. */
const TOUCH_EVERY_MS = 60_000;
/** How long a re-authentication (POST /api/auth/confirm) unlocks sensitive actions. */
export const CONFIRM_VALID_MS = 5 * 60_000;

const BASE_COOKIE = 'hearth_session';

export function setSessionCookie(c: Context, config: Config, token: string): void {
  setCookie(c, BASE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.secureCookies,
    maxAge: Math.floor(config.sessionMaxMs / 1000),
    ...(config.secureCookies ? { prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, BASE_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: config.secureCookies,
    ...(config.secureCookies ? { prefix: 'host' as const } : {}),
  });
}

export function sessionTokenHash(c: Context, config: Config): Uint8Array | undefined {
  const token = getCookie(c, BASE_COOKIE, config.secureCookies ? 'host' : undefined);
  return token === undefined ? undefined : hashSessionToken(token);
}

const cache = new WeakMap<Context, SessionContext>();

/**
 * Whether a session may go on at `at`: ended by its idle or absolute timeout, due for its
 * once-a-minute last-seen write, or fine as it is. The Today cache asks this too before
 * serving an answer kept from an earlier check.
 */
export function sessionStanding(session: SessionRow, at: Date, config: Config): 'ended' | 'to-touch' | 'current' {
  const now = at.getTime();
  const idle = now - session.lastSeenAt.getTime() > config.sessionIdleMs;
  const tooOld = now - session.createdAt.getTime() > config.sessionMaxMs;
  if (idle || tooOld) return 'ended';
  return now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS ? 'to-touch' : 'current';
}

/** What this request's session check found, once it has run (for the Today cache). */
export function checkedSession(c: Context): SessionContext | undefined {
  return cache.get(c);
}

/** The single gate for signed-in routes: a valid, unexpired session, or 401. */
export async function requireSession(c: Context<AppEnv>): Promise<SignedIn> {
  const cached = cache.get(c);
  if (cached !== undefined) return { user: cached.user, session: cached.session };
  const { db, config, now, sessionCache } = c.var.deps;
  const hash = sessionTokenHash(c, config);
  if (hash === undefined) throw new HttpError('unauthenticated', 'Please sign in.');
  // A check kept from an earlier request still has its timeouts run on it (decision 0058).
  const kept = sessionCache?.lookup(hash)?.context;
  if (kept !== undefined && sessionStanding(kept.session, now(), config) === 'current') {
    cache.set(c, kept);
    return { user: kept.user, session: kept.session };
  }
  const ticket = sessionCache?.begin();
  const found = await sessionWithUser(db, hash);
  if (found === undefined) {
    clearSessionCookie(c, config);
    throw new HttpError('unauthenticated', 'Please sign in.');
  }
  const at = now();
  const standing = sessionStanding(found.session, at, config);
  if (standing === 'ended') {
    await deleteSession(db, hash);
    clearSessionCookie(c, config);
    throw new HttpError('unauthenticated', 'Your session has ended. Please sign in again.');
  }
  if (standing === 'to-touch') await touchSession(db, hash, at);
  // A touched session's kept row would say 'to-touch' again: it is read afresh next time.
  else if (ticket !== undefined) sessionCache?.store(ticket, { context: found, body: null });
  cache.set(c, found);
  return { user: found.user, session: found.session };
}

/**
 * The single gate for space and item routes: a signed-in member, with their space.
 * Every query downstream is scoped by `space.id` from here, never by a client value.
 */
export async function requireMember(c: Context<AppEnv>): Promise<Member> {
  const found = await optionalMember(c);
  if (found.space === null) throw new HttpError('not_in_space', 'You are not in a space yet.');
  return found;
}

/**
 * A signed-in person with their membership if they have one, for screens that work
 * before a space exists. The membership was read with the session, in the same
 * statement: it is the one at the start of this request.
 */
export async function optionalMember(c: Context<AppEnv>): Promise<Member | (SignedIn & { readonly membership: null; readonly space: null })> {
  const signedIn = await requireSession(c);
  const found = cache.get(c);
  if (!found?.membership || !found.space) return { ...signedIn, membership: null, space: null };
  return { ...signedIn, membership: found.membership, space: found.space };
}

export function requireActive(space: SpaceRow): void {
  if (space.status !== 'active') {
    throw new HttpError('space_ended', 'This space has ended; it can be read and exported but not changed.');
  }
}

export function requireRecentConfirm(session: SessionRow, now: Date): void {
  const at = session.confirmedAt?.getTime();
  if (at === undefined || now.getTime() - at > CONFIRM_VALID_MS) {
    throw new HttpError('reauth_required', 'Please confirm your password first.');
  }
}
