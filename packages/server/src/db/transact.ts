import { TransactionRollbackError } from 'drizzle-orm/errors';
import type { Err, Result } from '@hearth/core';
import type { Db } from './open.ts';

/**
 * Runs a use case in one transaction and rolls it back when the use case returns a
 * failure, so an expected error never leaves half a write behind.
 */
export async function transact<T, C extends string>(db: Db, work: (tx: Db) => Promise<Result<T, C>>): Promise<Result<T, C>> {
  let failure: Err<C> | undefined;
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (!result.ok) {
        failure = result;
        tx.rollback();
      }
      return result;
    });
  } catch (e) {
    if (failure !== undefined && e instanceof TransactionRollbackError) return failure;
    throw e;
  }
}
