import type { Unlocked } from '../shared/session.ts';
import { memberName, partnerOf, type LoadedSpace } from '../space/space.ts';

/** "Sam", or a kind stand-in when the name can't be read or the partner hasn't joined. */
export const partnerName = (space: LoadedSpace): string => partnerOf(space)?.name ?? 'your partner';

/** "You" for me, the partner's name otherwise. */
export function whoWrote(space: LoadedSpace, session: Unlocked, userId: string): string {
  if (userId === session.user.id) return 'You';
  return memberName(space, userId) ?? 'Your partner';
}

/** "Sam's", "your partner's". */
export const possessive = (name: string): string => `${name}'s`;

/** Upper-cases the first letter, for a stand-in name at the start of a sentence. */
export const capital = (s: string): string => (s === '' ? s : `${s.charAt(0).toUpperCase()}${s.slice(1)}`);
