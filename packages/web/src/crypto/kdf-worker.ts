/// <reference lib="webworker" />
import { deriveRoot, splitRoot } from '@hearth/core/crypto';

/**
 * Argon2id needs 64 MiB and a second or two; running it here keeps the page responsive
 * so the progress indicator keeps moving. The worker is thrown away after one use,
 * which also releases that memory.
 */
declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !('password' in data) || !('salt' in data)) return;
  const { password, salt } = data;
  if (typeof password !== 'string' || !(salt instanceof Uint8Array)) return;
  try {
    const root = await deriveRoot(password, salt);
    const { authKey, masterKey } = splitRoot(root);
    root.fill(0);
    self.postMessage({ authKey, masterKey });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : 'Key derivation failed.' });
  }
};
