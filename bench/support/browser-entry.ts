// Bundled by crypto.bench.ts into one script for Chromium; exposed as `hearthBench`.
export { kdfOnce, sealOpen } from './crypto-work.ts';
