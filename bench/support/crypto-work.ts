/**
 * The crypto work measured, written once and run both in Node and (bundled) in
 * Chromium, so the two figures compare the same code.
 */
import { z } from 'zod';
import { ARGON2_PARAMS, deriveRoot, generateSpaceKey, newSalt, openJson, sealJson, type SealScope } from '@hearth/core/crypto';

const body = z.object({ text: z.string(), mood: z.number().int(), tags: z.array(z.string()) });

/** A check-in sized body: a few sentences and some metadata, as most items are. */
const sample = {
  text: 'Today felt long, but the walk after dinner helped. Thank you for making tea without being asked — it meant a lot.',
  mood: 4,
  tags: ['grateful', 'tired'],
};

/** Milliseconds for one key derivation with the production Argon2id parameters. */
export async function kdfOnce(): Promise<number> {
  const start = performance.now();
  await deriveRoot('benchmark password phrase', newSalt(), ARGON2_PARAMS);
  return performance.now() - start;
}

/** Milliseconds to seal `count` items, then to open (decrypt and validate) them all. */
export function sealOpen(count: number): { seal: number; open: number } {
  const key = generateSpaceKey();
  const scopes: SealScope[] = Array.from({ length: count }, (_, i) => ({
    type: 'item',
    spaceId: '00000000-0000-4000-8000-000000000001',
    itemId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    kind: 'checkin',
    visibility: 'shared',
  }));
  const t0 = performance.now();
  const sealed = scopes.map((scope) => sealJson(sample, key, scope));
  const t1 = performance.now();
  let opened = 0;
  sealed.forEach((bytes, i) => {
    const scope = scopes[i];
    if (scope && openJson(bytes, key, scope, body).ok) opened += 1;
  });
  const t2 = performance.now();
  if (opened !== count) throw new Error(`opened ${opened} of ${count}`);
  return { seal: t1 - t0, open: t2 - t1 };
}
