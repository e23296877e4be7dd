import { and, eq, or, sql } from 'drizzle-orm';
import { err, FORMER_MEMBER_ID, ok, type Result } from '@hearth/core';
import { transact } from '../db/transact.ts';
import { itemDeletions, items, rateLimits, users } from '../db/schema.ts';
import type { Deps } from '../http/context.ts';
import { verifySecret } from '../auth/secret-hash.ts';
import type { UserRow } from '../auth/store.ts';
import { deleteSpace, endSpace, lockSpace, memberCount, memberOf, removeMember } from '../space/store.ts';

type AccountDeps = Pick<Deps, 'db' | 'now'>;

/**
 * Deletes an account for good (issue #10, decision 0040), in one transaction:
 * - the space ends as if they had left (decision 0004): private items and membership go
 *   now, the space and everything in it go too when nobody is left;
 * - shared items the partner still reads stay, but their author becomes
 *   FORMER_MEMBER_ID, in this space and in any earlier ended one;
 * - rate-limit counters keyed by the email or id go;
 * - the user row goes, and with it, through ON DELETE CASCADE, every row that refers to
 *   the user: sessions, memberships, notifications, match uploads, and whatever a later
 *   feature hangs on users (the deletion test scans every table for what is left).
 */
export async function deleteAccount(deps: AccountDeps, user: UserRow, authKey: Uint8Array): Promise<Result<void, 'invalid_credentials'>> {
  if (!(await verifySecret(authKey, user.authHash))) return err('invalid_credentials', "That password isn't right.");
  const at = deps.now();
  return transact(deps.db, async (tx) => {
    const found = await memberOf(tx, user.id);
    if (found !== undefined) {
      await lockSpace(tx, found.space.id);
      await endSpace(tx, found.space.id, at);
      await removeMember(tx, found.space.id, user.id);
      if ((await memberCount(tx, found.space.id)) === 0) await deleteSpace(tx, found.space.id);
    }
    await tx.delete(items).where(and(eq(items.authorId, user.id), eq(items.visibility, 'private')));
    await tx.update(items).set({ authorId: FORMER_MEMBER_ID }).where(eq(items.authorId, user.id));
    // What their devices needed to hear of removals goes with them (decision 0061).
    await tx.delete(itemDeletions).where(and(eq(itemDeletions.authorId, user.id), eq(itemDeletions.visibility, 'private')));
    await tx.update(itemDeletions).set({ authorId: FORMER_MEMBER_ID }).where(eq(itemDeletions.authorId, user.id));
    const byEmail = `:account:${user.email}`;
    const byId = `:account:${user.id}`;
    await tx
      .delete(rateLimits)
      .where(
        or(
          sql`right(${rateLimits.key}, ${byEmail.length}) = ${byEmail}`,
          sql`right(${rateLimits.key}, ${byId.length}) = ${byId}`,
        ),
      );
    await tx.delete(users).where(eq(users.id, user.id));
    return ok(undefined);
  });
}
