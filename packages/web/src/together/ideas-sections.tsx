import { unanswered } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Spinner } from '../shared/ui.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { capital, partnerName } from '../support/names.ts';
import { Firsts } from './firsts.tsx';
import { useTogetherIdeas } from './ideas-data.ts';
import { IdeasMatches } from './ideas-matches.tsx';
import { Interests } from './interests.tsx';
import './ideas.css';

/** While the hub is open the partner may be answering too. */
const POLL_MS = 15_000;

/**
 * The Together hub's part for ideas: how many ideas wait for my answer (the deck itself
 * has its own page, /app/together/ideas), the matches, first firsts and interests.
 */
export function IdeasSections({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const joined = partnerOf(space) !== null;
  const together = useTogetherIdeas(session, space, { pollMs: POLL_MS, matches: joined });
  const data = together.data;
  const partner = capital(partnerName(space));
  if (!data) return together.error ? <ErrorMessage message={together.error} /> : <Spinner label="Loading ideas…" />;
  const waiting = unanswered(data.deck, together.answers).length;
  return (
    <>
      <section class="card ideas-summary" aria-labelledby="deck-summary-heading">
        <h2 id="deck-summary-heading">Ideas deck</h2>
        {joined ? (
          <>
            <p>
              {waiting === 0
                ? 'You have answered every idea. Add your own, or change an answer, in the deck.'
                : `${String(waiting)} ${waiting === 1 ? 'idea is' : 'ideas are'} waiting for your yes, maybe or no. Only the ones you both like show up as matches.`}
            </p>
            <Link href="/app/together/ideas" class="button primary">
              {waiting === 0 ? 'Open the deck' : 'Swipe through ideas'}
            </Link>
          </>
        ) : (
          <p>
            Matching ideas needs both of you. <Link href="/app/invite">Invite your partner</Link> and you can start swiping.
          </p>
        )}
      </section>
      {joined ? <IdeasMatches together={together} partner={partner} /> : null}
      <Firsts together={together} session={session} space={space} />
      <Interests together={together} session={session} space={space} />
    </>
  );
}
