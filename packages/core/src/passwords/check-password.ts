import { err, ok, type Result } from '../result.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

const common = new Set(COMMON_PASSWORDS);

/** One character repeated, or a straight run of digits or letters ("aaaaaaaaaa", "abcdefghijk"). */
function isTrivialPattern(pw: string): boolean {
  if (new Set(pw).size === 1) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < pw.length; i++) {
    const d = pw.charCodeAt(i) - pw.charCodeAt(i - 1);
    if (d !== 1) up = false;
    if (d !== -1) down = false;
  }
  return up || down;
}

/**
 * DESIGN §5.6: at least 10 characters, at most 128, no composition rules, and
 * not one of the passwords people pick most. Counted in code points so an emoji
 * counts as one character.
 */
export function checkPassword(password: string): Result<void, PasswordProblem> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return err('password_too_short', `Use at least ${PASSWORD_MIN} characters. A short sentence works well.`);
  if (length > PASSWORD_MAX) return err('password_too_long', `Use at most ${PASSWORD_MAX} characters.`);
  const lower = password.toLowerCase();
  if (common.has(lower) || isTrivialPattern(lower)) {
    return err('password_too_common', 'That password is one of the most common ones. Pick something only you would think of.');
  }
  return ok(undefined);
}
