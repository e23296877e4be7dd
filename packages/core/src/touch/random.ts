import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '../bytes.ts';

/**
 * A small seeded generator (sfc32, seeded from SHA-256 of a label and the seed). Not
 * for secrets: it only has to make the same choices on every device and server for
 * the same seed, and different ones for different seeds or days.
 */
export type Random = {
  /** An integer in [0, n); n ≥ 1. */
  readonly below: (n: number) => number;
};

export function seededRandom(label: string, seed: string): Random {
  const h = sha256(utf8ToBytes(`${label}\n${seed}`));
  const word = (i: number): number => (((h[i] ?? 0) << 24) | ((h[i + 1] ?? 0) << 16) | ((h[i + 2] ?? 0) << 8) | (h[i + 3] ?? 0)) >>> 0;
  let a = word(0);
  let b = word(4);
  let c = word(8);
  let d = word(12);
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // sfc32 wants a few rounds before its output is well mixed.
  for (let i = 0; i < 12; i++) next();
  return {
    // Multiply-shift: the bias for n of a few thousand is below one in a million.
    below: (n) => Math.floor((next() / 4_294_967_296) * n),
  };
}
