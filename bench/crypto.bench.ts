/**
 * Crypto on the device: Argon2id key derivation with the production parameters, and
 * sealing then opening 1,000 items, in Node and in Chromium (the same code, bundled).
 * Run alone: `npx tsx bench/crypto.bench.ts`.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './support/chromium.ts';
import { kdfOnce, sealOpen } from './support/crypto-work.ts';
import { isMain, median, ms, printTable, type Row } from './support/report.ts';

const ITEMS = 1000;
const KDF_RUNS = 5;
const SEAL_RUNS = 7;
const ITEMS_GOAL_MS = 100;

type Timings = { kdf: number; seal: number; open: number };

async function bundleForBrowser(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, 'support/browser-entry.ts'), formats: ['iife'], name: 'hearthBench' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
  }
  throw new Error('the browser bundle has no entry chunk');
}

async function inNode(): Promise<Timings> {
  const kdf: number[] = [];
  for (let i = 0; i < KDF_RUNS; i++) kdf.push(await kdfOnce());
  sealOpen(ITEMS); // warm-up: the first run also compiles
  const runs = Array.from({ length: SEAL_RUNS }, () => sealOpen(ITEMS));
  return { kdf: median(kdf), seal: median(runs.map((r) => r.seal)), open: median(runs.map((r) => r.open)) };
}

async function inChromium(): Promise<Timings> {
  const code = await bundleForBrowser();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const kdf: number[] = [];
    for (let i = 0; i < KDF_RUNS; i++) kdf.push(await page.evaluate<number>('hearthBench.kdfOnce()'));
    await page.evaluate(`hearthBench.sealOpen(${ITEMS})`);
    const seal: number[] = [];
    const open: number[] = [];
    for (let i = 0; i < SEAL_RUNS; i++) {
      const r = await page.evaluate<{ seal: number; open: number }>(`hearthBench.sealOpen(${ITEMS})`);
      seal.push(r.seal);
      open.push(r.open);
    }
    return { kdf: median(kdf), seal: median(seal), open: median(open) };
  } finally {
    await browser.close();
  }
}

function rows(where: string, t: Timings): Row[] {
  return [
    { benchmark: `Crypto ${where}: key derivation (Argon2id 64 MiB, t=3)`, result: `${ms(t.kdf)} (median of ${KDF_RUNS})`, goal: '< 1.5 s', met: t.kdf < 1500 },
    { benchmark: `Crypto ${where}: seal ${ITEMS} items`, result: `${ms(t.seal)} (median of ${SEAL_RUNS})`, goal: `< ${ITEMS_GOAL_MS} ms`, met: t.seal < ITEMS_GOAL_MS },
    { benchmark: `Crypto ${where}: open ${ITEMS} items`, result: `${ms(t.open)} (median of ${SEAL_RUNS})`, goal: `< ${ITEMS_GOAL_MS} ms`, met: t.open < ITEMS_GOAL_MS },
  ];
}

export async function cryptoBench(): Promise<Row[]> {
  const node = await inNode();
  const browser = await inChromium();
  return [...rows('Node', node), ...rows('Chromium', browser)];
}

if (isMain(import.meta.url)) printTable(await cryptoBench());
