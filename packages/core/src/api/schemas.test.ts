import { describe, expect, it } from 'vitest';
import { toB64 } from '../bytes.ts';
import { createItemRequest, settingsUpdate, signupRequest } from './index.ts';

const bytes = (n: number) => toB64(new Uint8Array(n).fill(7));
const validSignup = {
  email: '  Alex@Example.COM ',
  salt: bytes(16),
  authKey: bytes(32),
  recoveryAuthKey: bytes(32),
  publicKey: bytes(32),
  keysByPassword: bytes(89),
  keysByRecovery: bytes(89),
  profile: bytes(60),
  timeZone: 'Europe/Berlin',
};

describe('API schemas', () => {
  it('normalises emails and accepts a well-formed sign-up', () => {
    const r = signupRequest.safeParse(validSignup);
    expect(r.success && r.data.email).toBe('alex@example.com');
  });

  it('names the field that is wrong', () => {
    const r = signupRequest.safeParse({ ...validSignup, authKey: bytes(31) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['authKey']);
  });

  it('refuses padded or non-url-safe base64 and unknown item kinds', () => {
    const item = { id: '6f1c2a38-51f8-4c4b-9d0e-2b7a4e1f0c11', kind: 'note', visibility: 'shared', body: bytes(40) };
    expect(createItemRequest.safeParse(item).success).toBe(true);
    expect(createItemRequest.safeParse({ ...item, body: 'abc+/==' }).success).toBe(false);
    expect(createItemRequest.safeParse({ ...item, kind: 'diary' }).success).toBe(false);
    expect(createItemRequest.safeParse({ ...item, visibility: 'public' }).success).toBe(false);
  });

  it('refuses an empty settings update and times that are not HH:MM', () => {
    expect(settingsUpdate.safeParse({}).success).toBe(false);
    expect(settingsUpdate.safeParse({ activeHours: { start: '8:00', end: '22:00' } }).success).toBe(false);
    expect(settingsUpdate.safeParse({ activeHours: { start: '08:00', end: '24:00' } }).success).toBe(false);
    expect(settingsUpdate.safeParse({ quietHours: null }).success).toBe(true);
  });
});
