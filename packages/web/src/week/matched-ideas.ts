import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';

/**
 * How many date ideas both partners said yes to, for the "no date lately" step.
 * Reads the ideas deck's blind matches once Together's deck is in place.
 */
export async function countMatchedIdeas(session: Unlocked, space: LoadedSpace): Promise<number> {
  void session;
  void space;
  return Promise.resolve(0);
}
