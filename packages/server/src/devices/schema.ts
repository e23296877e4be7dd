import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../db/schema.ts';
import { bytea } from '../db/columns.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Trusted devices (decision 0053): what the server keeps so a device can be unlocked
 * without the password. Per device: a label, times, the server's half of the device key
 * (`share`, handed out only after the unlock is proven), and either the PIN verifier and
 * its failed-attempt count, or the passkey's credential id and public key. None of it opens
 * a key bundle: the sealed bundle, the PIN salt and the passkey's PRF output stay on the device.
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['pin', 'passkey'] }).notNull(),
    share: bytea('share').notNull(),
    /** PIN path: SHA-256 of the device's PIN proof. */
    pinVerifier: bytea('pin_verifier'),
    /** Wrong PINs in a row; the fifth removes the device. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Passkey path: the WebAuthn credential (base64url id, COSE public key, signature counter). */
    credentialId: text('credential_id'),
    publicKey: bytea('public_key'),
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('trusted_devices_user_idx').on(t.userId)],
);

/** One-time WebAuthn challenges, bound to the person and to what they are for; gone once used or after five minutes. */
export const deviceChallenges = pgTable(
  'device_challenges',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'register', or the id of the device being unlocked. */
    purpose: text('purpose').notNull(),
    challenge: text('challenge').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('device_challenges_user_idx').on(t.userId)],
);
