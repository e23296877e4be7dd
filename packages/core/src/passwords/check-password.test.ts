import { describe, expect, it } from 'vitest';
import { checkPassword } from './check-password.ts';

describe('checkPassword', () => {
  it('refuses passwords under 10 characters, counting emoji as one character', () => {
    expect(checkPassword('short1!').ok).toBe(false);
    const nine = checkPassword('😀😀😀😀😀😀😀😀😀');
    expect(nine.ok ? null : nine.code).toBe('password_too_short');
  });

  it('accepts a long passphrase without any composition rules', () => {
    expect(checkPassword('we walk the dog at dusk').ok).toBe(true);
  });

  it('refuses more than 128 characters', () => {
    const r = checkPassword('x'.repeat(60) + 'y'.repeat(69));
    expect(r.ok ? null : r.code).toBe('password_too_long');
    expect(checkPassword('x'.repeat(60) + 'y'.repeat(68)).ok).toBe(true);
  });

  it('refuses common passwords whatever their case', () => {
    for (const pw of ['password123', 'PASSWORD123', 'Qwertyuiop', '1234567890', 'iloveyou123']) {
      const r = checkPassword(pw);
      expect(r.ok ? null : r.code, pw).toBe('password_too_common');
    }
  });

  it('refuses one repeated character and straight runs', () => {
    for (const pw of ['aaaaaaaaaaaa', 'abcdefghijkl', '9876543210', 'zyxwvutsrqpo']) {
      expect(checkPassword(pw).ok, pw).toBe(false);
    }
  });
});
