import type { Unlocked } from '../shared/session.ts';
import { Page } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import { IdeasSections } from './ideas-sections.tsx';
import { RitualsSection } from './rituals-section.tsx';

/**
 * /app/together, practice 2 (DESIGN §2): one hub, one section per part. Each section is
 * its own component so parts can be added side by side without touching each other.
 */
export function TogetherPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Together">
      <p class="lead">Make time for each other: rituals you keep, dates you plan, and new things to try for the first time.</p>
      <SpaceGate why="Rituals and dates are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.">
        {(space) => (
          <>
            <RitualsSection session={session} space={space} />
            <IdeasSections session={session} space={space} />
          </>
        )}
      </SpaceGate>
    </Page>
  );
}
