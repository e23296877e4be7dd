import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { Link } from '../shared/router.tsx';
import { ErrorMessage, Spinner } from '../shared/ui.tsx';
import { loadSpace, useSpace, type LoadedSpace } from './space.ts';

/**
 * What every practice page shows before it can show itself: the space loading, no
 * space yet (with why it's needed, and the way to make one), a load error with a
 * retry, or a key this device could not open. Only a ready space reaches `children`.
 */
export function SpaceGate({ why, children }: { why: string; children: (space: LoadedSpace) => ComponentChildren }) {
  const state = useSpace();
  useEffect(() => {
    if (state.status !== 'ready') void loadSpace();
  }, []);

  if (state.status === 'ready') {
    return state.space.key ? (
      <>{children(state.space)}</>
    ) : (
      <ErrorMessage message="This device couldn't open your space's key. Try signing out and in again." />
    );
  }
  if (state.status === 'none') {
    return (
      <section class="card">
        <h2>Start with your space</h2>
        <p>{why}</p>
        <Link href="/app/today" class="button primary">
          Go to Today
        </Link>
      </section>
    );
  }
  if (state.status === 'error') {
    return (
      <section class="card">
        <ErrorMessage message={state.message} />
        <button type="button" onClick={() => void loadSpace()}>
          Try again
        </button>
      </section>
    );
  }
  return <Spinner label="Loading your space…" />;
}
