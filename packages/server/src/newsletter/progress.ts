/** Where progress goes: stderr in the CLI, a string buffer in tests. */
export type ProgressOut = { readonly isTTY?: boolean; write(text: string): unknown };

/**
 * A one-line bar redrawn in place on a terminal; on a pipe or a log file, plain
 * "12/40 sent" lines, about twenty per run however long the list.
 */
export function progressBar(out: ProgressOut, total: number, label = 'sent') {
  const width = 24;
  const step = Math.max(1, Math.floor(total / 20));
  let last = 0;
  return {
    update(done: number): void {
      if (out.isTTY === true) {
        const filled = total === 0 ? width : Math.round((done / total) * width);
        out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${label}`);
      } else if (done === total || done - last >= step) {
        out.write(`${done}/${total} ${label}\n`);
        last = done;
      }
    },
    finish(): void {
      if (out.isTTY === true) out.write('\n');
    },
  };
}
