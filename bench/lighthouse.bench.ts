/**
 * Lighthouse 12.2.3 (the last line that runs on Node 20) with Debian's Chromium, mobile
 * preset (its default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), on
 * the app's first screen (`/app/`, what a new visitor or a signed-out device sees) and
 * the public home page `/`. Issue 19's goals: accessibility 100, best practices ≥ 95,
 * performance ≥ 90. Needs `npm run build` first. Run alone: `npx tsx bench/lighthouse.bench.ts`.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser.ts';
import { isMain, printTable, type Row } from './support/report.ts';
import { startServer } from './support/server.ts';

const PATHS = ['/app/', '/'] as const;
const GOALS = { performance: 90, accessibility: 100, 'best-practices': 95 } as const;
type Category = keyof typeof GOALS;
const CATEGORIES: readonly Category[] = ['performance', 'accessibility', 'best-practices'];

type Scores = Record<Category, number> & { readonly failing: readonly string[] };

/** One Lighthouse run; scores 0–100, and the audits that pulled a goal category down. */
async function audit(url: string, port: number): Promise<Scores> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (c: Category) => Math.round((categories[c]?.score ?? 0) * 100);
  const failing = CATEGORIES.flatMap((c) =>
    (categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
      .map((ref) => `${c}: ${ref.id} (${audits[ref.id]?.displayValue ?? String(audits[ref.id]?.score)})`),
  );
  return { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), failing };
}

export async function lighthouseBench(): Promise<Row[]> {
  const server = await startServer();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const rows: Row[] = [];
  try {
    for (const path of PATHS) {
      // The median of three runs per page: performance moves with the machine's load.
      const runs: Scores[] = [];
      for (let i = 0; i < 3; i += 1) runs.push(await audit(server.url + path, chrome.port));
      for (const c of CATEGORIES) {
        const sorted = runs.map((r) => r[c]).sort((x, y) => x - y);
        const mid = sorted[1] ?? 0;
        rows.push({ benchmark: `Lighthouse ${path}: ${c}`, result: `${String(mid)} (runs ${sorted.join(', ')})`, goal: c === 'accessibility' ? '100' : `>= ${String(GOALS[c])}`, met: mid >= GOALS[c] });
      }
      const failing = [...new Set(runs.flatMap((r) => r.failing))];
      if (failing.length > 0) console.error(`${path}: audits below 0.9: ${failing.join('; ')}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  return rows;
}

if (isMain(import.meta.url)) printTable(await lighthouseBench());
