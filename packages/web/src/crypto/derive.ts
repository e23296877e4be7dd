import { z } from 'zod/mini';
import { err, ok, type Result } from '@hearth/core';
import { createStore } from '../shared/store.ts';

export type DerivedKeys = { readonly authKey: Uint8Array; readonly masterKey: Uint8Array };

const workerAnswer = z.union([
  z.object({ authKey: z.instanceof(Uint8Array), masterKey: z.instanceof(Uint8Array) }),
  z.object({ error: z.string() }),
]);

/** How many derivations are running; the UI shows a progress indicator while it is above zero. */
export const derivingStore = createStore(0);

/** Runs Argon2id + HKDF split in a fresh worker (DESIGN §5.1). */
export function deriveKeys(password: string, salt: Uint8Array): Promise<Result<DerivedKeys, 'kdf_failed'>> {
  derivingStore.set(derivingStore.get() + 1);
  return new Promise<Result<DerivedKeys, 'kdf_failed'>>((resolve) => {
    const worker = new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module', name: 'hearth-kdf' });
    const finish = (result: Result<DerivedKeys, 'kdf_failed'>) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const parsed = workerAnswer.safeParse(event.data);
      if (!parsed.success) return finish(err('kdf_failed', 'Securing your account failed. Please try again.'));
      if ('error' in parsed.data) return finish(err('kdf_failed', 'Securing your account failed. Please try again.'));
      finish(ok(parsed.data));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(err('kdf_failed', 'This browser could not secure your account. Please try another browser.'));
    };
    worker.postMessage({ password, salt });
  }).finally(() => derivingStore.set(derivingStore.get() - 1));
}
