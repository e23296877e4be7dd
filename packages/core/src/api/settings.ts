import { z } from 'zod/mini';
import { hoursRange, sealedSmall, timeZone, uuid } from './common.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export const theme = z.enum(THEMES);

export const DEFAULT_ACTIVE_HOURS = { start: '08:00', end: '22:00' } as const;

/** The user as the API shows them to themselves. Schedule fields are plaintext by design (DESIGN §4). */
export const userView = z.object({
  id: uuid,
  email: z.string(),
  timeZone,
  activeHours: hoursRange,
  /** null = no quiet hours beyond the active-hours window. */
  quietHours: z.nullable(hoursRange),
  theme,
  /** The weekly email with counts only (no content). */
  weeklyDigest: z.boolean(),
  /** The weekly reminder (Reconnect's) by email too, in neutral words. */
  reminderEmail: z.boolean(),
  /** Display name, sealed under the personal key. */
  profile: sealedSmall,
  spaceId: z.nullable(uuid),
  createdAt: z.string(),
});

export const settingsUpdate = z
  .strictObject({
    timeZone: z.optional(timeZone),
    activeHours: z.optional(hoursRange),
    quietHours: z.optional(z.nullable(hoursRange)),
    theme: z.optional(theme),
    weeklyDigest: z.optional(z.boolean()),
    reminderEmail: z.optional(z.boolean()),
    profile: z.optional(sealedSmall),
  })
  .check(z.refine((u) => Object.keys(u).length > 0, 'nothing to update'));

export type UserView = z.infer<typeof userView>;
export type SettingsUpdate = z.infer<typeof settingsUpdate>;
export type Theme = z.infer<typeof theme>;
