import { z } from 'zod/mini';

/**
 * An invitation someone opened before they had an account or were signed in. It sits
 * in sessionStorage (gone when the tab closes) only until the invite is accepted.
 */
const KEY = 'hearth.pending-invite';
const pendingInvite = z.object({ inviteId: z.uuid(), secret: z.string().check(z.minLength(1), z.maxLength(100)), autoAccept: z.boolean() });
export type PendingInvite = z.infer<typeof pendingInvite>;

// Private modes may refuse storage; then the invite lives only as long as this page.
let inMemory: PendingInvite | null = null;

export function readPendingInvite(): PendingInvite | null {
  if (inMemory) return inMemory;
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = pendingInvite.safeParse(JSON.parse(raw));
    inMemory = parsed.success ? parsed.data : null;
    return inMemory;
  } catch {
    return null;
  }
}

export function savePendingInvite(invite: PendingInvite): void {
  inMemory = invite;
  try {
    sessionStorage.setItem(KEY, JSON.stringify(invite));
  } catch {
    // Kept in memory above.
  }
}

export function clearPendingInvite(): void {
  inMemory = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
