/**
 * How long the sign-up/sign-in key derivation takes with the production
 * parameters. Run by hand: `npx tsx bench/kdf.bench.ts`.
 */
import { ARGON2_PARAMS, deriveRoot, newSalt } from '@hearth/core/crypto';

const runs = 5;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await deriveRoot('benchmark password phrase', newSalt(), ARGON2_PARAMS);
  times.push(performance.now() - start);
}
times.sort((x, y) => x - y);
console.log(`argon2id m=${ARGON2_PARAMS.memoryKiB} KiB t=${ARGON2_PARAMS.iterations}: median ${times[Math.floor(runs / 2)]?.toFixed(0)} ms over ${runs} runs`);
