/** One line of the results table that `npm run bench` prints. */
export type Row = {
  readonly benchmark: string;
  readonly result: string;
  readonly goal: string;
  /** Whether the goal is met; null where the line is context rather than a goal. */
  readonly met: boolean | null;
};

export function printTable(rows: readonly Row[]): void {
  const header = ['benchmark', 'result', 'goal', 'met'];
  const cells = rows.map((r) => [r.benchmark, r.result, r.goal, r.met === null ? '' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => `| ${c.map((x, i) => x.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

export const ms = (n: number): string => (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`);
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** True when the file is the one node was asked to run (so a bench module can be run alone or from run.ts). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && new URL(url).pathname === process.argv[1];
}
