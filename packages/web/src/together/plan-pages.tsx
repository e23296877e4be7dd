import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, Page, Spinner } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { PlanForm } from './plan-form.tsx';
import { usePlans, type PlanKind } from './together-data.ts';

const WHY = 'Rituals and dates are kept in your space, sealed so only the two of you can read them. Create it first.';

/**
 * /app/together/rituals/new and /app/together/dates/new. A date can arrive prefilled
 * from a matched idea: `?title=<text>&idea=<idea id>`.
 */
export function NewPlanPage({ session, kind }: { session: Unlocked; kind: PlanKind }) {
  const params = new URLSearchParams(location.search);
  const title = (params.get('title') ?? '').slice(0, 200);
  const idea = params.get('idea');
  return (
    <Page title={kind === 'together-ritual' ? 'New ritual' : 'New date'}>
      <SpaceGate why={WHY}>
        {(space) => <PlanForm session={session} space={space} kind={kind} initialTitle={title} ideaId={idea === null || idea === '' ? null : idea.slice(0, 64)} />}
      </SpaceGate>
    </Page>
  );
}

/** /app/together/plans/<id>/edit: only its author can change it (the item store's rule). */
export function EditPlanPage({ session, planId }: { session: Unlocked; planId: string }) {
  return (
    <Page title="Edit">
      <SpaceGate why={WHY}>{(space) => <EditPlan session={session} space={space} planId={planId} />}</SpaceGate>
    </Page>
  );
}

function EditPlan({ session, space, planId }: { session: Unlocked; space: LoadedSpace; planId: string }) {
  const { plans, error } = usePlans(session, space);
  if (plans === null) return error ? <ErrorMessage message={error} /> : <Spinner label="Loading…" />;
  const plan = plans.find((p) => p.item.id === planId);
  if (!plan?.body) return <p>This ritual or date isn't here any more.</p>;
  if (plan.item.authorId !== session.user.id) return <p>Only the partner who added it can change it.</p>;
  return <PlanForm session={session} space={space} kind={plan.kind} existing={plan} />;
}
