import { z } from 'zod/mini';
import { SPARK_STATES, sparkLevel, sparkSettings } from '../spark/consent.ts';

/**
 * Spark consent over the wire (decision 0032). The server keeps each partner's own
 * settings (it needs the levels to withhold what is above them) and answers each
 * partner with their own settings plus the effective state and level, never the
 * partner's settings.
 */
export const sparkState = z.enum(SPARK_STATES);

export const sparkStatusResponse = z.object({
  /** My own settings, as I last saved them. */
  mine: sparkSettings,
  /** What Spark does in our space now; "paused" never says who paused. */
  state: sparkState,
  /** The lower of the two levels while `state` is "on", else null. */
  effectiveLevel: z.nullable(sparkLevel),
});
export type SparkStatusResponse = z.infer<typeof sparkStatusResponse>;

/** PUT semantics: the whole of my settings, so a retry is harmless. */
export const sparkSettingsRequest = sparkSettings;
export type SparkSettingsRequest = z.infer<typeof sparkSettingsRequest>;
