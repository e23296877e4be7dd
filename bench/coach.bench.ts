/**
 * How long the gentle start-up coach takes over 1,000 typical messages (the
 * labelled corpus, repeated in order). The web app runs it on every debounced
 * keystroke, so the budget is under 50 ms for all 1,000 (50 µs a message).
 * Run by hand: `npx tsx bench/coach.bench.ts`.
 */
import { coachMessage } from '@hearth/core';
import { COACH_CORPUS } from '../packages/core/src/talk/coach/corpus.ts';

const messages = Array.from({ length: 1000 }, (_, i) => COACH_CORPUS[i % COACH_CORPUS.length]!.text);
const chars = messages.reduce((n, m) => n + m.length, 0);

// Warm up so the figure is steady-state, as it is after the first few keystrokes.
for (let i = 0; i < 3; i++) for (const m of messages) coachMessage(m);

const runs = 15;
const times: number[] = [];
let harsh = 0;
for (let i = 0; i < runs; i++) {
  harsh = 0;
  const start = performance.now();
  for (const m of messages) if (coachMessage(m).tone === 'harsh') harsh++;
  times.push(performance.now() - start);
}
times.sort((x, y) => x - y);
const median = times[Math.floor(runs / 2)]!;
console.log(
  `coachMessage over ${messages.length} messages (${chars} chars, ${harsh} harsh): median ${median.toFixed(1)} ms ` +
    `(min ${times[0]!.toFixed(1)}, max ${times[runs - 1]!.toFixed(1)}) over ${runs} runs — budget 50 ms`,
);
