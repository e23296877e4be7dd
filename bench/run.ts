/**
 * `npm run bench`: every benchmark, one table. Benchmarks measure and report; they
 * never fail a build (goals that are missed show as NO). The load average is printed
 * with the table, because on a shared machine it explains most of the spread.
 */
import { cpus, loadavg } from 'node:os';
import { apiBench } from './api.bench.ts';
import { cryptoBench } from './crypto.bench.ts';
import { printTable, type Row } from './support/report.ts';
import { webBench } from './web.bench.ts';
import { unlockBench } from './unlock.bench.ts';
import { lighthouseBench } from './lighthouse.bench.ts';

const load = () => loadavg().map((n) => n.toFixed(1)).join(' / ');
const started = load();
const rows: Row[] = [];
for (const [name, run] of [
  ['API', apiBench],
  ['web', webBench],
  ['unlock', unlockBench],
  ['Lighthouse', lighthouseBench],
  ['crypto', cryptoBench],
] as const) {
  console.error(`running the ${name} benchmarks…`);
  rows.push(...(await run()));
}
console.log(`\n${cpus().length} cores, ${process.version}; load average (1/5/15 min) ${started} at start, ${load()} at end\n`);
printTable(rows);
