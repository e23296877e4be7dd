/**
 * A small deterministic generator (mulberry32): numbers in [0, 1) that repeat for the same
 * seed, so a choice can be stable within a day and a property test can be replayed. Not
 * for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
