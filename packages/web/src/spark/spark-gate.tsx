import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { SPARK_LEVELS, SPARK_LEVEL_LABELS, type SparkLevel, type SparkSettings } from '@hearth/core';
import type { SparkStatusResponse } from '@hearth/core/api';
import { ErrorMessage, Spinner, useAction } from '../shared/ui.tsx';
import { useSpark } from './use-spark.ts';

/** While a Spark screen is open the partner may pause; this is how soon it notices. */
export const SPARK_POLL_MS = 10_000;

const LEVEL_HINTS: Readonly<Record<SparkLevel, string>> = {
  sweet: 'Warm and affectionate: compliments, memories, missing you.',
  flirty: 'Playful and teasing, with a wink.',
  spicy: 'Openly desiring, for adults who both want it.',
};

/**
 * What every Spark screen shows before its content (decision 0032): off (with what
 * Spark is and how to opt in), waiting for the partner, or paused (never saying who).
 * Only when both have opted in and nobody paused does `children` get the status,
 * whose `effectiveLevel` is the ceiling for everything shown or sent.
 */
export function SparkGate({ children }: { children: (spark: SparkStatusResponse & { effectiveLevel: SparkLevel }) => ComponentChildren }) {
  const { load, reload } = useSpark({ pollMs: SPARK_POLL_MS });
  if (load.status === 'loading') return <Spinner label="Loading Spark…" />;
  if (load.status === 'error') {
    return (
      <section class="card">
        <ErrorMessage message={load.message} />
        <button type="button" onClick={() => void reload()}>
          Try again
        </button>
      </section>
    );
  }
  const spark = load.spark;
  if (spark.state === 'on' && spark.effectiveLevel !== null) {
    return <>{children({ ...spark, effectiveLevel: spark.effectiveLevel })}</>;
  }
  return (
    <section class="card spark-gate" aria-labelledby="spark-gate-heading">
      {spark.state === 'off' ? (
        <>
          <h2 id="spark-gate-heading">Spark is off</h2>
          <p>
            Spark is for flirting through the day. It stays off until <strong>both</strong> of you turn it on. Each of you picks a comfort level
            privately; Hearth uses the lower of the two and never shows either of you the other's choice. Either of you can pause it at any time.
          </p>
        </>
      ) : spark.state === 'waiting' ? (
        <>
          <h2 id="spark-gate-heading">Waiting for your partner</h2>
          <p>You have turned Spark on. It starts when your partner turns it on too; Hearth won't nudge them about it.</p>
        </>
      ) : (
        <>
          <h2 id="spark-gate-heading">Spark is paused</h2>
          <p>Nothing is sent or shown while Spark is paused. It comes back when it is resumed.</p>
        </>
      )}
      <SparkSettingsForm spark={spark} />
    </section>
  );
}

/** My own settings: on/off, comfort level, pause. Only I ever see these. */
export function SparkSettingsForm({ spark }: { spark: SparkStatusResponse }) {
  const { save } = useSpark();
  const id = useId();
  const [level, setLevel] = useState<SparkLevel>(spark.mine.level);
  const action = useAction((next: SparkSettings) => save(next));
  const mine = spark.mine;
  const submit = (next: SparkSettings) => void action.run(next);

  return (
    <div class="spark-settings">
      <fieldset class="radios">
        <legend>My comfort level</legend>
        {SPARK_LEVELS.map((l) => (
          <div class="check" key={l}>
            <input id={`${id}-${l}`} type="radio" name={`${id}-level`} value={l} checked={level === l} aria-describedby={`${id}-${l}-hint`} onChange={() => setLevel(l)} />
            <label for={`${id}-${l}`}>{SPARK_LEVEL_LABELS[l]}</label>
            <span class="hint" id={`${id}-${l}-hint`}>
              {LEVEL_HINTS[l]}
            </span>
          </div>
        ))}
        <p class="hint">Your partner never sees this. Together you get the lower of your two levels.</p>
      </fieldset>
      <div class="actions">
        {mine.enabled ? (
          <>
            {level !== mine.level ? (
              <button type="button" class="primary" disabled={action.busy} onClick={() => submit({ ...mine, level })}>
                Save my level
              </button>
            ) : null}
            {mine.paused ? (
              <button type="button" class="primary" disabled={action.busy} onClick={() => submit({ ...mine, level, paused: false })}>
                Resume Spark
              </button>
            ) : (
              <button type="button" disabled={action.busy} onClick={() => submit({ ...mine, level, paused: true })}>
                Pause Spark
              </button>
            )}
            <button type="button" disabled={action.busy} onClick={() => submit({ enabled: false, level, paused: false })}>
              Turn Spark off
            </button>
          </>
        ) : (
          <button type="button" class="primary" disabled={action.busy} onClick={() => submit({ enabled: true, level, paused: false })}>
            Turn Spark on
          </button>
        )}
      </div>
      {action.busy ? <Spinner label="Saving…" /> : null}
      <ErrorMessage message={action.error} />
    </div>
  );
}
