import type { ComponentChildren } from 'preact';
import { Page } from '../shared/ui.tsx';
import { Intro } from '../ui/intro.tsx';
import type { Art } from '../ui/illustrations.tsx';
import { type LoadedSpace } from '../space/space.ts';
import { SpaceGate } from '../space/space-gate.tsx';

/** Every Help screen: loads the space, then renders its content (or says kindly what is missing). */
export function HelpShell({
  title,
  heading,
  lead,
  art,
  children,
  className,
}: {
  title: string;
  /** The visible heading, when it should differ from the tab title. */
  heading?: string;
  lead?: string;
  /** The practice's drawing beside the lead (the hub only). */
  art?: Art;
  children: (space: LoadedSpace) => ComponentChildren;
  className?: string;
}) {
  return (
    <Page title={title} {...(heading ? { heading } : {})} className={className ? `help ${className}` : 'help'}>
      {lead ? art ? <Intro art={art}>{lead}</Intro> : <p class="lead">{lead}</p> : null}
      <SpaceGate why="What you write here is kept in your space, sealed so only you (or, for what you share, the two of you) can read it.">{children}</SpaceGate>
    </Page>
  );
}
