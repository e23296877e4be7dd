import { useId, useState } from 'preact/hooks';
import { SPARK_REACTIONS, SPARK_REACTION_LABELS, ok, type SparkLevel, type SparkReplyBody } from '@hearth/core';
import { ErrorMessage, formatDateTime, useAction } from '../shared/ui.tsx';
import type { SparkData, SparkMessages, SparkThread } from './spark-data.ts';
import { EmptyState } from '../ui/intro.tsx';

/** Messages both ways, newest first, with reactions, replies and "not my thing" on the ones I received. */
export function SparkInbox({ data, messages, partner, timeZone }: { data: SparkData; messages: SparkMessages; partner: string; timeZone: string }) {
  return (
    <section class="card" aria-labelledby="spark-inbox-heading">
      <h2 id="spark-inbox-heading">Messages</h2>
      {data.threads.length === 0 ? <EmptyState art="spark">No messages yet. The first one is the bravest.</EmptyState> : null}
      <ul class="spark-threads" aria-label="Spark messages">
        {data.threads.map((t) => (
          <ThreadView key={t.item.id} thread={t} data={data} messages={messages} partner={partner} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}

function ThreadView({ thread, data, messages, partner, timeZone }: { thread: SparkThread; data: SparkData; messages: SparkMessages; partner: string; timeZone: string }) {
  const id = useId();
  const mine = thread.item.authorId === messages.me;
  const scheduled = thread.item.remindAt !== null && Date.parse(thread.item.remindAt) > Date.now();
  const level: SparkLevel = thread.body.level;
  const myReaction = thread.reactions.find((r) => r.item.authorId === messages.me) ?? null;
  const theirReaction = thread.reactions.find((r) => r.item.authorId !== messages.me) ?? null;
  const [reply, setReply] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const kind = thread.body.promptKind;
  const alreadyMarked = kind !== null && data.myAvoid.includes(kind);

  const react = useAction(async (reaction: (typeof SPARK_REACTIONS)[number]) =>
    messages.create('spark-reaction', { v: 1, reaction }, { parentId: thread.item.id, sparkLevel: 'sweet' }),
  );
  const send = useAction(async () => {
    const body: SparkReplyBody = { v: 1, text: reply.trim() };
    const res = await messages.create('spark-reply', body, { parentId: thread.item.id, sparkLevel: level });
    if (!res.ok) return res;
    setReply('');
    setStatus('Reply sent.');
    return ok(undefined);
  });
  const notMine = useAction(async () => {
    if (kind === null) return ok(undefined);
    const res = await messages.markNotMyThing(kind);
    if (res.ok) setStatus(`Noted. Hearth will quietly suggest fewer prompts like this to ${partner}. They won't be told.`);
    return res;
  });

  return (
    <li class={mine ? 'spark-thread mine' : 'spark-thread'} aria-labelledby={`${id}-who`}>
      <p class="spark-meta" id={`${id}-who`}>
        {mine ? `You → ${partner}` : `From ${partner}`} ·{' '}
        {scheduled && thread.item.remindAt ? `scheduled for ${formatDateTime(thread.item.remindAt, timeZone)}` : formatDateTime(thread.item.remindAt ?? thread.item.createdAt, timeZone)}
      </p>
      <p class="spark-text">{thread.body.text}</p>
      {theirReaction && mine ? (
        <p class="muted">
          {partner}: {SPARK_REACTION_LABELS[theirReaction.body.reaction].emoji} {SPARK_REACTION_LABELS[theirReaction.body.reaction].label}
        </p>
      ) : null}
      {thread.replies.length > 0 ? (
        <ul class="spark-replies" aria-label="Replies">
          {thread.replies.map((r) => (
            <li key={r.item.id}>
              <span class="reply-author">{r.item.authorId === messages.me ? 'You' : partner}:</span> {r.body.text}
            </li>
          ))}
        </ul>
      ) : null}
      {!mine ? (
        <>
          {myReaction ? (
            <p class="muted">
              You reacted {SPARK_REACTION_LABELS[myReaction.body.reaction].emoji} {SPARK_REACTION_LABELS[myReaction.body.reaction].label}
            </p>
          ) : (
            <div class="actions" role="group" aria-label="React">
              {SPARK_REACTIONS.map((r) => (
                <button key={r} type="button" disabled={react.busy} aria-label={SPARK_REACTION_LABELS[r].label} onClick={() => void react.run(r)}>
                  <span aria-hidden="true">{SPARK_REACTION_LABELS[r].emoji}</span>
                </button>
              ))}
            </div>
          )}
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run();
            }}
          >
            <div class="field">
              <label for={`${id}-reply`}>Reply to {partner}</label>
              <textarea id={`${id}-reply`} rows={2} maxLength={2000} required value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
            </div>
            <div class="actions">
              <button type="submit" class="primary" disabled={send.busy}>
                Reply
              </button>
              {kind !== null && !alreadyMarked ? (
                <button type="button" disabled={notMine.busy} onClick={() => void notMine.run()}>
                  Not my thing
                </button>
              ) : null}
            </div>
          </form>
        </>
      ) : null}
      <ErrorMessage message={react.error ?? send.error ?? notMine.error} />
      <p class="status" role="status">
        {status}
      </p>
    </li>
  );
}
