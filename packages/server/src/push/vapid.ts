import webpush from 'web-push';
import { fromB64, toB64 } from '@hearth/core';
import type { Db } from '../db/open.ts';
import { serverSecretFrom } from '../db/secrets.ts';

/** An uncompressed P-256 public key and its 32-byte private scalar, as web-push and browsers want them (base64url). */
export type VapidKeys = { readonly publicKey: string; readonly privateKey: string };

const PUBLIC_BYTES = 65;
const PRIVATE_BYTES = 32;

function decode(text: string): Uint8Array {
  const bytes = fromB64(text);
  if (!bytes.ok) throw new Error('web-push produced a key that is not base64url');
  return bytes.value;
}

/**
 * The server's VAPID key pair (RFC 8292), created on first use and kept in the database
 * with the other server secrets, so every process (server and workers) signs with the
 * same key and subscriptions survive restarts. Stored as public ‖ private in one row,
 * so two processes starting together cannot end up with halves of different pairs.
 */
export async function vapidKeys(db: Db): Promise<VapidKeys> {
  const stored = await serverSecretFrom(db, 'vapid-p256', () => {
    const fresh = webpush.generateVAPIDKeys();
    const pub = decode(fresh.publicKey);
    const priv = decode(fresh.privateKey);
    const both = new Uint8Array(PUBLIC_BYTES + PRIVATE_BYTES);
    both.set(pub, 0);
    // A private scalar with leading zero bytes comes back shorter; right-align it.
    both.set(priv, PUBLIC_BYTES + PRIVATE_BYTES - priv.length);
    return both;
  });
  if (stored.length !== PUBLIC_BYTES + PRIVATE_BYTES) throw new Error('the stored VAPID key pair has the wrong length');
  return { publicKey: toB64(stored.subarray(0, PUBLIC_BYTES)), privateKey: toB64(stored.subarray(PUBLIC_BYTES)) };
}

/** Loads once per process; the pair never changes once stored. */
export function vapidLoader(db: Db): () => Promise<VapidKeys> {
  let loading: Promise<VapidKeys> | undefined;
  return () => {
    loading ??= vapidKeys(db).catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}
