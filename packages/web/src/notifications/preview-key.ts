/**
 * Where this device keeps the push-preview key so the service worker can open previews
 * while the app is closed: IndexedDB, as a non-extractable AES-GCM CryptoKey (DESIGN §5.6:
 * at rest only in a form script cannot read out). Present only while this device shows
 * previews; removed when previews are turned off, on unsubscribe and on sign-out.
 * Used from both the page and the service worker, so only APIs both have.
 */
const DB_NAME = 'hearth-push';
const STORE = 'keys';
const KEY_ID = 'preview';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB did not open'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(isResult<T>(req.result) ? req.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

// IndexedDB hands back `any`; the only thing stored here is a CryptoKey.
function isResult<T>(value: unknown): value is T {
  return value !== undefined && value !== null;
}

/** Imports the 32-byte key derived in core (`derivePushPreviewKey`) as non-extractable and stores it. */
export async function storePreviewKey(raw: Uint8Array): Promise<void> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, ['decrypt']);
  await withStore('readwrite', (s) => s.put(key, KEY_ID));
}

export async function loadPreviewKey(): Promise<CryptoKey | null> {
  const found = await withStore<unknown>('readonly', (s) => s.get(KEY_ID)).catch(() => undefined);
  return found instanceof CryptoKey ? found : null;
}

export async function clearPreviewKey(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY_ID)).catch(() => undefined);
}

const AD = new TextEncoder().encode('hearth/push-preview/v1');

/** The service worker's half of `sealPushPreview` (core): version 1 ‖ nonce ‖ AES-256-GCM. Null if it does not open. */
export async function openPreview(key: CryptoKey, sealed: Uint8Array): Promise<string | null> {
  if (sealed.length < 29 || sealed[0] !== 1) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(1, 13), additionalData: AD }, key, sealed.slice(13));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
