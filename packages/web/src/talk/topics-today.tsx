import type { ConversationState, TurnAction } from '@hearth/core';
import { Link } from '../shared/router.tsx';
import type { Unlocked } from '../shared/session.ts';
import type { LoadedSpace } from '../space/space.ts';
import { partnerName, possessive, useConversations } from './talk-data.ts';

/**
 * Today's "Talk it through" card: conversations where the partner is waiting on me,
 * agreements whose follow-up day has come, and breaks whose time to come back has
 * passed. Reminders are in-app for now; the agreement's and the pause's `remindAt`
 * are already stored for the notifications job to use. Nothing to show: no card.
 */
export function TopicsToday({ session, space }: { session: Unlocked; space: LoadedSpace }) {
  const conv = useConversations(session, space);
  const partner = partnerName(space);
  const lines = conv.states.flatMap((s) => linesFor(s, partner));
  if (lines.length === 0) return null;
  return (
    <section class="card talk-today" aria-labelledby="talk-today-heading">
      <h2 id="talk-today-heading">Talk it through</h2>
      <ul>
        {lines.map((l) => (
          <li key={l.key}>
            <Link href={`/app/talk/topics/${l.topicId}`}>{l.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Line = { key: string; topicId: string; text: string };

function waitingLine(a: TurnAction, title: string, partner: string): string | null {
  switch (a.kind) {
    case 'write-side':
      return a.waiting ? `${partner} has shared their side of "${title}" — share yours` : null;
    case 'reflect':
      return `Tell ${partner} what you heard of their side of "${title}"`;
    case 'answer-reflection':
      return `${partner} wrote what they heard of your side of "${title}" — is that it?`;
    case 'mark-ideas':
      return a.waiting ? `${possessive(partner)} ideas for "${title}" — mark the ones you could live with` : null;
    default:
      return null;
  }
}

function linesFor(s: ConversationState, partner: string): Line[] {
  const title = s.topic.title;
  const out: Line[] = [];
  if (s.paused?.over) out.push({ key: `${s.topic.id}-resume`, topicId: s.topic.id, text: `Ready to come back to "${title}"?` });
  if (s.agreement?.due) out.push({ key: `${s.topic.id}-follow-up`, topicId: s.topic.id, text: `Check in on: ${s.agreement.text}` });
  // The first thing my partner is waiting on is enough: one line per conversation.
  const first = s.turn.me.map((a) => waitingLine(a, title, partner)).find((t) => t !== null);
  if (first) out.push({ key: `${s.topic.id}-turn`, topicId: s.topic.id, text: first });
  return out;
}
