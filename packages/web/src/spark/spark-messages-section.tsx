import { ErrorMessage, Spinner } from '../shared/ui.tsx';
import { partnerName } from '../support/names.ts';
import { SparkComposer } from './spark-composer.tsx';
import { useSparkMessages } from './spark-data.ts';
import { SparkInbox } from './spark-inbox.tsx';
import { SPARK_POLL_MS } from './spark-gate.tsx';
import type { SparkContext } from './spark-page.tsx';

/** Flirty messages: the composer and both directions of messages. */
export function SparkMessagesSection({ session, space, spark }: SparkContext) {
  const messages = useSparkMessages(session, space, spark.effectiveLevel, { pollMs: SPARK_POLL_MS });
  const partner = partnerName(space);
  const data = messages.data;
  if (!data) return messages.error ? <ErrorMessage message={messages.error} /> : <Spinner label="Loading messages…" />;
  return (
    <>
      <ErrorMessage message={messages.error} />
      {space.view.status === 'active' ? <SparkComposer level={spark.effectiveLevel} data={data} messages={messages} partner={partner} /> : null}
      <SparkInbox data={data} messages={messages} partner={partner} timeZone={session.user.timeZone} />
    </>
  );
}
