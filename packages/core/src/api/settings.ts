import { z } from 'zod';
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
  quietHours: hoursRange.nullable(),
  theme,
  /** The weekly email with counts only (no content). */
  weeklyDigest: z.boolean(),
  /** Display name, sealed under the personal key. */
  profile: sealedSmall,
  spaceId: uuid.nullable(),
  createdAt: z.string(),
});

export const settingsUpdate = z
  .object({
    timeZone: timeZone.optional(),
    activeHours: hoursRange.optional(),
    quietHours: hoursRange.nullable().optional(),
    theme: theme.optional(),
    weeklyDigest: z.boolean().optional(),
    profile: sealedSmall.optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'nothing to update');

export type UserView = z.infer<typeof userView>;
export type SettingsUpdate = z.infer<typeof settingsUpdate>;
export type Theme = z.infer<typeof theme>;
