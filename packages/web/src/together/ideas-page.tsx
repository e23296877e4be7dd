import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { capital, partnerName } from '../support/names.ts';
import { useState } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { Sheet } from '../ui/sheet.tsx';
import { IdeasDeck } from './ideas-deck.tsx';
import { IdeasMatches } from './ideas-matches.tsx';
import { OwnIdeaForm, OwnIdeaList } from './ideas-own.tsx';
import { useTogetherIdeas } from './ideas-data.ts';
import './ideas.css';

/** While the deck is open the partner may be answering too. */
const POLL_MS = 10_000;

/** /app/together/ideas: the ideas deck to swipe, the matches it makes, and the couple's own ideas. Firsts and interests have their own screens. */
export function IdeasPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Ideas together" className="together-ideas">
      <p class="lead">Say yes, maybe or no to date ideas. Only the ones you both like show up, so nobody has to hear a no.</p>
      <SpaceGate why="The ideas deck is for the two of you: create your space and invite your partner first.">
        {(space) =>
          partnerOf(space) ? (
            <IdeasHub session={session} space={space} />
          ) : (
            <p>
              Matching needs both of you. <Link href="/app/invite">Invite your partner</Link> first.
            </p>
          )
        }
      </SpaceGate>
    </Page>
  );
}

function IdeasHub({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const together = useTogetherIdeas(session, space, { pollMs: POLL_MS, matches: true });
  const partner = capital(partnerName(space));
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState('');
  if (!together.data) return together.error ? <ErrorMessage message={together.error} /> : <Spinner label="Loading your ideas…" />;
  const active = space.view.status === 'active';
  return (
    <>
      {together.data.unreadable > 0 ? (
        <p class="alert-inline">
          {together.data.unreadable === 1 ? '1 entry' : `${String(together.data.unreadable)} entries`} couldn't be decrypted on this device.
        </p>
      ) : null}
      <IdeasMatches together={together} partner={partner} />
      {active ? <IdeasDeck together={together} partner={partner} /> : null}
      <section class="card stack" aria-labelledby="own-heading">
        <h2 id="own-heading">Your own ideas</h2>
        <p class="hint">Something only the two of you would think of? Add it to the deck; it is matched blind like the rest.</p>
        <OwnIdeaList together={together} session={session} space={space} />
        {active ? (
          <div>
            <button type="button" onClick={() => setAdding(true)}>
              Add your own idea
            </button>
          </div>
        ) : null}
        <p class="status" role="status">
          {added}
        </p>
      </section>
      {adding ? (
        <Sheet title="Add your own idea" onClose={() => setAdding(false)}>
          <OwnIdeaForm
            together={together}
            partner={partner}
            onAdded={(message) => {
              setAdding(false);
              setAdded(message);
            }}
          />
        </Sheet>
      ) : null}
    </>
  );
}
