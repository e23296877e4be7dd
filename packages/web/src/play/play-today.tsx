import { openRound } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { partnerOf, type LoadedSpace } from '../space/space.ts';
import { usePlayRounds } from './play-load.ts';

const NAMES = { 'know-me': 'How well do you know me?', 'this-or-that': 'This or that' } as const;
const PATHS = { 'know-me': '/app/together/play/know-me', 'this-or-that': '/app/together/play/this-or-that' } as const;

/** Today's Play card, only when the partner has played a round and it is this person's turn; a started round otherwise waits quietly. */
export function PlayToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const play = usePlayRounds(session, space, false);
  const rounds = play.data?.rounds ?? [];
  const partner = partnerOf(space)?.name ?? 'Your partner';
  const waiting = (['know-me', 'this-or-that'] as const).map((g) => openRound(rounds, g)).find((r) => r !== null && r.partnerFinished && !r.iFinished);
  if (!waiting) return null;
  return (
    <section class="card play-today" aria-labelledby="play-today-heading">
      <h2 id="play-today-heading">{NAMES[waiting.game]}</h2>
      <p class="prompt">
        <span>{partner} played. Your turn.</span>
        <Link href={PATHS[waiting.game]} class="button primary">
          Play your turn
        </Link>
      </p>
    </section>
  );
}
