/**
 * The version rule for updates (decision 0061), mirrored on the client so it can
 * explain a 409 stale_version to the author and send the right thing afterwards.
 */

export type UpdateVerdict = 'apply' | 'stale';

/**
 * An update applies only on the exact version it was made on; the server uses the same
 * rule. A base ahead of the server is stale too: it can only come from a copy the server
 * never issued, and applying it would hide whatever the server has.
 */
export function updateVerdict(localBaseVersion: number, serverVersion: number): UpdateVerdict {
  return localBaseVersion === serverVersion ? 'apply' : 'stale';
}

export interface ConflictSide<B> {
  readonly version: number;
  readonly body: B;
}

/** The two versions to put side by side for the author. Plain data, so it can wait in IndexedDB. */
export interface Conflict<B> {
  readonly id: string;
  /** The local edit and the version it was made on. */
  readonly mine: ConflictSide<B>;
  /** What the server has now. */
  readonly theirs: ConflictSide<B>;
}

export type Resolution<B> =
  /** Send `body` as an update made on their version, so the server accepts it over theirs. */
  | { readonly send: 'update'; readonly id: string; readonly body: B; readonly baseVersion: number }
  /** Drop the local edit; the server's version is kept. */
  | { readonly send: 'nothing'; readonly id: string };

export function describeConflict<B>(id: string, mine: ConflictSide<B>, theirs: ConflictSide<B>): Conflict<B> {
  return { id, mine, theirs };
}

export function resolveConflict<B>(conflict: Conflict<B>, choice: 'mine' | 'theirs'): Resolution<B> {
  return choice === 'mine'
    ? { send: 'update', id: conflict.id, body: conflict.mine.body, baseVersion: conflict.theirs.version }
    : { send: 'nothing', id: conflict.id };
}

/**
 * Whether a stale answer is only our own earlier try coming back: an update that reached
 * the server but whose answer was lost is resent with the old base and refused, though the
 * server already holds exactly this body. That is an ack, not a conflict. Sealed bodies
 * carry a fresh nonce, so equal bodies mean the same write, never two people's.
 */
export function isOwnEcho<B>(conflict: Conflict<B>, sameBody: (a: B, b: B) => boolean): boolean {
  return conflict.theirs.version > conflict.mine.version && sameBody(conflict.mine.body, conflict.theirs.body);
}
