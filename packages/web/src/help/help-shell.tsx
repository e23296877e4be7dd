import type { ComponentChildren } from 'preact';
import { Link } from '../shared/router.tsx';
import { Page } from '../shared/ui.tsx';
import { type LoadedSpace } from '../space/space.ts';
import { SpaceGate } from '../space/space-gate.tsx';

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
  return (
    <Page title={title} {...(heading ? { heading } : {})} className={className ? `help ${className}` : 'help'}>
      {lead ? <p class="lead">{lead}</p> : null}
      <SpaceGate why="What you write here is kept in your space, sealed so only you (or, for what you share, the two of you) can read it.">{children}</SpaceGate>
      {back ? (
        <p class="no-print">
          <Link href="/app/help">Back to Help</Link>
        </p>
      ) : null}
    </Page>
  );
}
