import { toB64 } from '@hearth/core';
import type { KeyMaterial, UserView } from '@hearth/core/api';
import { theme as themeSchema } from '@hearth/core/api';
import type { UserRow } from './store.ts';

export function userView(user: UserRow, spaceId: string | null): UserView {
  const theme = themeSchema.safeParse(user.theme);
  return {
    id: user.id,
    email: user.email,
    timeZone: user.timeZone,
    activeHours: { start: user.activeStart, end: user.activeEnd },
    quietHours: user.quietStart !== null && user.quietEnd !== null ? { start: user.quietStart, end: user.quietEnd } : null,
    theme: theme.success ? theme.data : 'system',
    weeklyDigest: user.weeklyDigest,
    reminderEmail: user.reminderEmail,
    profile: toB64(user.profile),
    spaceId,
    createdAt: user.createdAt.toISOString(),
  };
}

export function keyMaterial(user: UserRow): KeyMaterial {
  return { publicKey: toB64(user.publicKey), keysByPassword: toB64(user.keysByPassword) };
}
