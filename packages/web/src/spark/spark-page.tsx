import { Fragment, type ComponentChildren } from 'preact';
import type { SparkLevel } from '@hearth/core';
import type { SparkStatusResponse } from '@hearth/core/api';
import type { Unlocked } from '../shared/session.ts';
import { Page } from '../shared/ui.tsx';
import { SpaceGate } from '../space/space-gate.tsx';
import type { LoadedSpace } from '../space/space.ts';
import { DesiresSection } from './desires-section.tsx';
import { RhythmSection } from './rhythm-section.tsx';
import { SPARK_POLL_MS, SparkGate, SparkSettingsForm } from './spark-gate.tsx';
import { SparkLock, SparkLockSettings } from './spark-lock-view.tsx';
import { SparkMessagesSection } from './spark-messages-section.tsx';
import { Intro } from '../ui/intro.tsx';

export type SparkContext = {
  readonly session: Unlocked;
  readonly space: LoadedSpace;
  readonly spark: SparkStatusResponse & { readonly effectiveLevel: SparkLevel };
};

/**
 * The sections of /app/spark, in order. Each renders only inside the lock and the
 * gate (Spark on for both, not paused), so a section never checks consent itself; it
 * gets the effective level to stay at or below.
 */
const SECTIONS: readonly { readonly id: string; readonly render: (ctx: SparkContext) => ComponentChildren }[] = [
  { id: 'messages', render: (ctx) => <SparkMessagesSection {...ctx} /> },
  { id: 'desires', render: (ctx) => <DesiresSection session={ctx.session} space={ctx.space} level={ctx.spark.effectiveLevel} pollMs={SPARK_POLL_MS} /> },
  { id: 'rhythm', render: (ctx) => <RhythmSection session={ctx.session} space={ctx.space} pollMs={SPARK_POLL_MS} /> },
];

/** /app/spark: the lock, the consent gate, every Spark section, then my own settings. */
export function SparkPage({ session }: { session: Unlocked }) {
  return (
    <Page title="Spark" className="spark-page">
      <Intro art="spark">Flirting through the day, only as far as you both want.</Intro>
      <SpaceGate why="Spark is for the two of you: it starts once you share a space and both turn it on.">
        {(space) => (
          <SparkLock session={session}>
            <SparkGate>
              {(spark) => (
                <>
                  {SECTIONS.map((section) => (
                    <Fragment key={section.id}>{section.render({ session, space, spark })}</Fragment>
                  ))}
                  <section class="card" aria-labelledby="spark-settings-heading">
                    <h2 id="spark-settings-heading">My Spark settings</h2>
                    <p>
                      Together you are at <strong>{spark.effectiveLevel}</strong>, the lower of your two levels.
                    </p>
                    <SparkSettingsForm spark={spark} />
                  </section>
                </>
              )}
            </SparkGate>
            <SparkLockSettings session={session} />
          </SparkLock>
        )}
      </SpaceGate>
    </Page>
  );
}
