import { useRef } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { AskAbout, weeklyAsk } from './interests.tsx';
import { useTogetherIdeas } from './ideas-data.ts';

const KINDS = ['together-interest', 'together-private'] as const;

/** Today's card: this week's interest of the partner's to ask about, until I say I asked. Nothing to ask: no card. */
export function InterestsToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const together = useTogetherIdeas(session, space, { kinds: KINDS });
  // Once shown, the card stays for this visit so "I asked" is answered where it was tapped.
  const shown = useRef(false);
  const ask = weeklyAsk(together, session, space);
  if (!ask || space.view.status !== 'active') return null;
  if (ask.asked && !shown.current) return null;
  shown.current = true;
  return (
    <section class="card together-today" aria-labelledby="ask-about-heading">
      <AskAbout together={together} session={session} space={space} headingLevel={2} />
      <p>
        <Link href="/app/together/interests">Your interests</Link>
      </p>
    </section>
  );
}
