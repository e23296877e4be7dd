import { useId, useState } from 'preact/hooks';
import { ok, type ConversationState } from '@hearth/core';
import { Link, navigate } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import { ErrorMessage, formatDateTime, Page, Spinner, useAction } from '../shared/ui.tsx';
import { type LoadedSpace } from '../space/space.ts';
import { CoachField } from './coach-field.tsx';
import { partnerName, STAGE_LABEL, useConversations, type Conversations } from './talk-data.ts';
import { SpaceGate } from '../space/space-gate.tsx';

/** "Talk it through": every conversation with where it stands, and a form to open one. */
export function TopicsPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Talk it through">
      <p class="lead">
        One topic at a time, step by step: each of you writes your side, says back what you heard, and together you find
        something to try.
      </p>
      <SpaceGate why="Conversations are kept in your space, sealed so only the two of you can read them. Create it first; your partner can join later.">{(space) => <Topics session={session} space={space} />}</SpaceGate>
    </Page>
  );
}

/** One line on where a conversation stands, from my point of view. */
export function standing(s: ConversationState, partner: string, timeZone: string): string {
  if (s.paused) return `Paused until ${formatDateTime(s.paused.until, timeZone)}`;
  if (s.agreement?.due) return 'Time to check in on your agreement';
  if (s.awaitingMe) return 'Your turn';
  if (s.awaitingPartner) return `Waiting for ${partner}`;
  if (s.stage === 'follow-up') return 'Agreement recorded';
  return 'Open to both of you';
}

function Topics({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const conv = useConversations(session, space);
  const partner = partnerName(space);
  const active = space.view.status === 'active';
  return (
    <>
      {active ? <OpenTopic conv={conv} /> : null}
      <section class="card" aria-labelledby="talk-topics-heading">
        <h2 id="talk-topics-heading">Your conversations</h2>
        <ErrorMessage message={conv.error} />
        {!conv.loaded ? (
          conv.error ? null : <Spinner label="Loading conversations…" />
        ) : conv.states.length === 0 ? (
          <p class="muted">No conversations yet. When something keeps coming up between you, open a topic for it.</p>
        ) : (
          <ul class="talk-topics">
            {conv.states.map((s) => {
              const mine = s.awaitingMe || s.agreement?.due === true;
              return (
                <li key={s.topic.id} class={mine ? 'talk-topic awaited' : 'talk-topic'} data-testid="talk-topic">
                  <Link href={`/app/talk/topics/${s.topic.id}`} class="talk-topic-title">
                    {s.topic.title}
                  </Link>
                  <span class="talk-meta">
                    Step {String(s.stepIndex + 1)} of 5: {STAGE_LABEL[s.stage]}
                  </span>
                  <span class={mine ? 'badge' : 'talk-meta'}>{standing(s, partner, session.user.timeZone)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

function OpenTopic({ conv }: { conv: Conversations }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const open = useAction(async () => {
    const res = await conv.create('talk-topic', { title: title.trim(), why: why.trim() });
    if (!res.ok) return res;
    navigate(`/app/talk/topics/${res.value.id}`);
    return ok(undefined);
  });
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!title.trim()) {
      open.setError('Give the topic a name first.');
      return;
    }
    void open.run();
  };
  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Open a topic</h2>
      <form class="stack" onSubmit={onSubmit}>
        <div class="field">
          <label for={`${id}-title`}>Topic</label>
          <p class="hint" id={`${id}-title-hint`}>
            A few words about the situation, not about either of you: "Money talk", "Weekends with family".
          </p>
          <input
            id={`${id}-title`}
            type="text"
            maxLength={120}
            value={title}
            aria-describedby={`${id}-title-hint`}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <CoachField label="Why it matters" hint="What would change for you if you found a way through?" value={why} onInput={setWhy} rows={3} maxLength={2000} />
        <ErrorMessage message={open.error} />
        <button type="submit" class="primary" disabled={open.busy}>
          Open topic
        </button>
      </form>
    </section>
  );
}
