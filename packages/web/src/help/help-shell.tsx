import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { Link } from '../shared/router.tsx';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { loadSpace, useSpace, type LoadedSpace } from '../space/space.ts';

/** Every Help screen: loads the space, then renders its content (or says kindly what is missing). */
export function HelpShell({
  title,
  heading,
  lead,
  children,
  className,
  back = true,
}: {
  title: string;
  /** The visible heading, when it should differ from the tab title. */
  heading?: string;
  lead?: string;
  children: (space: LoadedSpace) => ComponentChildren;
  className?: string;
  /** A way back to Help from its sub-pages. */
  back?: boolean;
}) {
  const state = useSpace();
  useEffect(() => {
    if (state.status !== 'ready') void loadSpace();
  }, []);
  return (
    <Page title={title} {...(heading ? { heading } : {})} className={className ? `help ${className}` : 'help'}>
      {lead ? <p class="lead">{lead}</p> : null}
      {state.status === 'ready' ? (
        state.space.key ? (
          children(state.space)
        ) : (
          <ErrorMessage message="This device couldn't open your space's key. Try signing out and in again." />
        )
      ) : state.status === 'none' ? (
        <section class="card">
          <h2>Start with your space</h2>
          <p>What you write here is kept in your space, sealed so only you (or, for what you share, the two of you) can read it.</p>
          <Link href="/app/today" class="button primary">
            Go to Today
          </Link>
        </section>
      ) : state.status === 'error' ? (
        <section class="card">
          <ErrorMessage message={state.message} />
          <button type="button" onClick={() => void loadSpace()}>
            Try again
          </button>
        </section>
      ) : (
        <Spinner label="Loading your space…" />
      )}
      {back ? (
        <p class="no-print">
          <Link href="/app/help">Back to Help</Link>
        </p>
      ) : null}
    </Page>
  );
}
