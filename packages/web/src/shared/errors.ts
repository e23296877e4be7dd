/**
 * Server messages are written for developers; these are the ones people actually meet,
 * in the tone the rest of the app uses.
 */
const FRIENDLY: Record<string, string> = {
  invalid_credentials: "That email and password don't match. Please try again.",
  email_taken: 'There is already an account with that email. Try signing in instead.',
  rate_limited: 'Too many tries in a short time. Please wait a minute and try again.',
  reauth_required: 'Please confirm your password again.',
  invite_gone: 'This invitation has already been used, has expired, or was withdrawn. Ask your partner for a new link.',
  invalid_proof: "This invitation link doesn't look right. Ask your partner to send it again.",
  already_in_space: "You're already in a space. To join this one, leave your current space first (in Settings).",
  space_full: 'This space already has two people in it.',
  space_ended: 'This space has ended.',
  not_in_space: "You're not in a space right now.",
  network: "We couldn't reach Hearth. Check your connection and try again.",
};

export function friendlyMessage(code: string, message: string): string {
  return FRIENDLY[code] ?? message;
}
