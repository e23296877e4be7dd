import { openDB, type DBSchema } from 'idb';
import { z } from 'zod/mini';

/**
 * What a trusted device keeps to unlock without the password (decision 0053), in
 * IndexedDB: ids, the PIN salt or the passkey's credential id, and the key bundle sealed
 * under the device key, sealed once more under a non-extractable AES-GCM key that script
 * cannot read out. Nothing here opens the bundle without the server's share, which needs
 * the PIN or the passkey. Decrypted content is never stored.
 */
export const DEVICE_DB = 'hearth-device';
const DB_NAME = DEVICE_DB;
const STORE = 'unlock';
const KEY = 'this-device';

export const IDLE_CHOICES = [1, 5, 30, 240] as const;
export const DEFAULT_IDLE_MINUTES = 5;

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array);
const deviceRecord = z.object({
  version: z.literal(1),
  deviceId: z.string(),
  userId: z.string(),
  email: z.string(),
  kind: z.enum(['pin', 'passkey']),
  /** iv ‖ AES-GCM(wrapKey, sealed bundle). */
  sealed: bytes,
  wrapKey: z.instanceof(CryptoKey),
  pinSalt: z.optional(bytes),
  credentialId: z.optional(z.string()),
  /** Passkey devices: iv ‖ AES-GCM(wrapKey, the bundle sealed under the PRF alone), for opening offline (decision 0062). */
  offlineSealed: z.optional(bytes),
  idleMinutes: z.number(),
});
export type DeviceRecord = z.infer<typeof deviceRecord>;

interface DeviceDb extends DBSchema {
  unlock: { key: string; value: unknown };
}

const open = () =>
  openDB<DeviceDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

/**
 * "Quick exit also forgets this device" (issue 23): read synchronously by Quick exit, which
 * cannot wait for IndexedDB, so it lives in localStorage. Only a yes/no, nothing private.
 */
const FORGET_ON_EXIT = 'hearth-forget-on-exit';

export function forgetsOnQuickExit(): boolean {
  try {
    return localStorage.getItem(FORGET_ON_EXIT) === '1';
  } catch {
    return false;
  }
}

export function setForgetOnQuickExit(on: boolean): void {
  try {
    if (on) localStorage.setItem(FORGET_ON_EXIT, '1');
    else localStorage.removeItem(FORGET_ON_EXIT);
  } catch {
    // No storage: Quick exit keeps its default.
  }
}

/** Whether this device was last seen with an unlock (for Quick exit, which cannot wait for IndexedDB). */
let known = false;
export const deviceUnlockKnown = (): boolean => known;

/** This device's unlock, if it has one (a record that does not parse counts as none). */
export async function readDevice(): Promise<DeviceRecord | null> {
  try {
    const db = await open();
    try {
      const parsed = deviceRecord.safeParse(await db.get(STORE, KEY));
      known = parsed.success;
      return parsed.success ? parsed.data : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export async function saveDevice(record: DeviceRecord): Promise<void> {
  const db = await open();
  try {
    await db.put(STORE, record, KEY);
    known = true;
  } finally {
    db.close();
  }
}

/** Forgets this device's unlock entirely: the record and the database that held it. */
export async function forgetDevice(): Promise<void> {
  known = false;
  setForgetOnQuickExit(false);
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
    // Another tab holds it open: it closes its handle on the next read, and the delete finishes then.
    req.onblocked = () => resolve();
  });
}

/** Seals bytes under a new non-extractable AES-GCM key; the key is stored beside them and cannot be read out. */
export async function wrapLocally(data: Uint8Array): Promise<{ wrapKey: CryptoKey; sealed: Uint8Array }> {
  const wrapKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return { wrapKey, sealed: await wrapWith(wrapKey, data) };
}

/** Seals bytes under an existing local wrap key (the offline copy of the bundle sits beside the online one). */
export async function wrapWith(wrapKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapKey, new Uint8Array(data)));
  const sealed = new Uint8Array(iv.length + ct.length);
  sealed.set(iv);
  sealed.set(ct, iv.length);
  return sealed;
}

export async function unwrapLocally(record: Pick<DeviceRecord, 'wrapKey' | 'sealed'>): Promise<Uint8Array | null> {
  try {
    const iv = record.sealed.slice(0, 12);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, record.wrapKey, record.sealed.slice(12)));
  } catch {
    return null;
  }
}

/** A name for this device people recognise in a list: "Chrome on Android", "Safari on iPhone". */
export function thisDeviceLabel(ua = navigator.userAgent): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chromium\//.test(ua)
        ? 'Chromium'
        : /Chrome\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : 'A browser';
  const system = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X/.test(ua)
          ? 'Mac'
          : /Windows/.test(ua)
            ? 'Windows'
            : /Linux/.test(ua)
              ? 'Linux'
              : 'this device';
  return `${browser} on ${system}`;
}
