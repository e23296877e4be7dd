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
  return new Sfc32(sha256(utf8ToBytes(`${label}\n${seed}`)));
}

// A class rather than closures: planning a day for every member makes a generator per
// member, and per-call closures were a noticeable share of that (bench/nudge-planner).
class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(h: Uint8Array) {
    this.a = word(h, 0);
    this.b = word(h, 4);
    this.c = word(h, 8);
    this.d = word(h, 12);
    // sfc32 wants a few rounds before its output is well mixed.
    for (let i = 0; i < 12; i++) this.next();
  }

  private next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  // Multiply-shift: the bias for n of a few thousand is below one in a million.
  below(n: number): number {
    return Math.floor((this.next() / 4_294_967_296) * n);
  }
}

function word(h: Uint8Array, i: number): number {
  return (((h[i] ?? 0) << 24) | ((h[i + 1] ?? 0) << 16) | ((h[i + 2] ?? 0) << 8) | (h[i + 3] ?? 0)) >>> 0;
}
