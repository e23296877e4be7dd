import { Hono, type Context } from 'hono';
import { toB64 } from '@hearth/core';
import { fakeSalt } from '@hearth/core/crypto';
import {
  changePasswordRequest,
  confirmRequest,
  loginRequest,
  recoveryCompleteRequest,
  recoveryStartRequest,
  saltRequest,
  settingsUpdate,
  signupRequest,
  type RecoveryStartResponse,
  type SessionResponse,
} from '@hearth/core/api';
import { clearSessionCookie, requireSession, sessionTokenHash, setSessionCookie } from '../http/access.ts';
import type { AppEnv } from '../http/context.ts';
import { HttpError, unwrap } from '../http/errors.ts';
import { limitAttempt } from '../http/rate-limited.ts';
import { bytes, readBody } from '../http/validate.ts';
import { changePassword, confirm, isKnownTimeZone, login, recoveryComplete, recoveryStart, signup, updateSettings, type NewSession } from './service.ts';
import { deleteSession, spaceIdOf, userByEmail } from './store.ts';
import { keyMaterial, userView } from './views.ts';

async function signedIn(c: Context<AppEnv>, s: NewSession): Promise<SessionResponse> {
  setSessionCookie(c, c.var.deps.config, s.token);
  return { user: userView(s.user, await spaceIdOf(c.var.deps.db, s.user.id)), keys: keyMaterial(s.user) };
}

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/salt', async (c) => {
    const { email } = await readBody(c, saltRequest);
    await limitAttempt(c, 'salt', email);
    const user = await userByEmail(c.var.deps.db, email);
    const salt = user?.salt ?? fakeSalt(await c.var.deps.fakeSaltSecret(), email);
    return c.json({ salt: toB64(salt) });
  })
  .post('/auth/signup', async (c) => {
    const body = await readBody(c, signupRequest);
    if (!isKnownTimeZone(body.timeZone)) throw new HttpError('invalid_input', 'timeZone: unknown time zone');
    await limitAttempt(c, 'signup', body.email);
    const input = {
      email: body.email,
      timeZone: body.timeZone,
      salt: bytes(body.salt, 'salt'),
      authKey: bytes(body.authKey, 'authKey'),
      recoveryAuthKey: bytes(body.recoveryAuthKey, 'recoveryAuthKey'),
      publicKey: bytes(body.publicKey, 'publicKey'),
      keysByPassword: bytes(body.keysByPassword, 'keysByPassword'),
      keysByRecovery: bytes(body.keysByRecovery, 'keysByRecovery'),
      profile: bytes(body.profile, 'profile'),
    };
    const session = unwrap(await signup(c.var.deps, input, c.req.header('user-agent')));
    return c.json(await signedIn(c, session), 201);
  })
  .post('/auth/login', async (c) => {
    const body = await readBody(c, loginRequest);
    await limitAttempt(c, 'login', body.email);
    const previous = sessionTokenHash(c, c.var.deps.config);
    const session = unwrap(
      await login(c.var.deps, { email: body.email, authKey: bytes(body.authKey, 'authKey') }, previous, c.req.header('user-agent')),
    );
    return c.json(await signedIn(c, session));
  })
  .post('/auth/logout', async (c) => {
    const hash = sessionTokenHash(c, c.var.deps.config);
    if (hash !== undefined) await deleteSession(c.var.deps.db, hash);
    clearSessionCookie(c, c.var.deps.config);
    return c.body(null, 204);
  })
  .post('/auth/confirm', async (c) => {
    const { user, session } = await requireSession(c);
    const body = await readBody(c, confirmRequest);
    await limitAttempt(c, 'confirm', user.id);
    unwrap(await confirm(c.var.deps, user, session.tokenHash, bytes(body.authKey, 'authKey')));
    return c.body(null, 204);
  })
  .post('/auth/password', async (c) => {
    const { user, session } = await requireSession(c);
    const body = await readBody(c, changePasswordRequest);
    await limitAttempt(c, 'confirm', user.id);
    const input = {
      currentAuthKey: bytes(body.currentAuthKey, 'currentAuthKey'),
      newSalt: bytes(body.newSalt, 'newSalt'),
      newAuthKey: bytes(body.newAuthKey, 'newAuthKey'),
      newKeysByPassword: bytes(body.newKeysByPassword, 'newKeysByPassword'),
    };
    unwrap(await changePassword(c.var.deps, user, session.tokenHash, input));
    return c.body(null, 204);
  })
  .post('/auth/recovery/start', async (c) => {
    const body = await readBody(c, recoveryStartRequest);
    await limitAttempt(c, 'recovery', body.email);
    const user = unwrap(await recoveryStart(c.var.deps, { email: body.email, recoveryAuthKey: bytes(body.recoveryAuthKey, 'recoveryAuthKey') }));
    const response: RecoveryStartResponse = { publicKey: toB64(user.publicKey), keysByRecovery: toB64(user.keysByRecovery) };
    return c.json(response);
  })
  .post('/auth/recovery/complete', async (c) => {
    const body = await readBody(c, recoveryCompleteRequest);
    await limitAttempt(c, 'recovery', body.email);
    const input = {
      email: body.email,
      recoveryAuthKey: bytes(body.recoveryAuthKey, 'recoveryAuthKey'),
      newSalt: bytes(body.newSalt, 'newSalt'),
      newAuthKey: bytes(body.newAuthKey, 'newAuthKey'),
      newKeysByPassword: bytes(body.newKeysByPassword, 'newKeysByPassword'),
    };
    const session = unwrap(await recoveryComplete(c.var.deps, input, c.req.header('user-agent')));
    return c.json(await signedIn(c, session));
  })
  .get('/me', async (c) => {
    const { user } = await requireSession(c);
    return c.json({ user: userView(user, await spaceIdOf(c.var.deps.db, user.id)) });
  })
  .patch('/me/settings', async (c) => {
    const { user } = await requireSession(c);
    const body = await readBody(c, settingsUpdate);
    const updated = unwrap(
      await updateSettings(c.var.deps, user, {
        ...body,
        profile: body.profile === undefined ? undefined : bytes(body.profile, 'profile'),
      }),
    );
    return c.json({ user: userView(updated, await spaceIdOf(c.var.deps.db, user.id)) });
  });
