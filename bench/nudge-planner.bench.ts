/**
 * Plans one day of affection nudges for 100,000 couples (200,000 partners), as the
 * server's worker does at each local midnight: the HMAC seed, the planner and the
 * prompt picker, with a week of earlier prompts per partner. Budget: under 5 s on one
 * core. Run by hand: `npx tsx bench/nudge-planner.bench.ts [couples]`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { planNudgeDay, TOUCH_PROMPTS, type NudgeSettings } from '@hearth/core';

const couples = Number(process.argv[2] ?? 100_000);
const partners = couples * 2;
const date = '2026-03-29'; // a daylight-saving day in Europe: the slow path for those zones.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Tokyo', 'Africa/Lagos', 'America/Sao_Paulo'];
const setups: NudgeSettings[] = ZONES.flatMap((timeZone, z) => [
  { timeZone, dailyBudget: 2 },
  { timeZone, dailyBudget: 3, quietHours: { start: '09:00', end: '17:00' }, minSpacingMinutes: 60 },
  { timeZone, dailyBudget: 5, activeHours: { start: '07:00', end: '23:00' }, quietHours: { start: '12:00', end: '13:00' }, minSpacingMinutes: 45 + z },
  { timeZone, dailyBudget: 1, activeHours: { start: '22:00', end: '06:00' } },
]);
const secret = randomBytes(32);
const recent = TOUCH_PROMPTS.slice(0, 12).map((p) => p.id);

/** Wall time, and CPU time of this process: on a busy shared machine the second is the fairer "one core" figure. */
function run(n: number): { ms: number; cpuMs: number; nudges: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let nudges = 0;
  for (let i = 0; i < n; i++) {
    const settings = setups[i % setups.length];
    if (settings === undefined) continue;
    const seed = createHmac('sha256', secret).update(`hearth/touch/seed\nuser-${String(i)}\n${date}`).digest('hex');
    const plan = planNudgeDay(settings, date, seed, recent);
    if (!plan.ok) throw new Error(plan.message);
    nudges += plan.value.length;
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, nudges };
}

// A short warm-up so the figure is the steady state a long-running worker sees.
run(2000);
const times: number[] = [];
const cpuTimes: number[] = [];
let nudges = 0;
for (let r = 0; r < 3; r++) {
  const res = run(partners);
  times.push(res.ms);
  cpuTimes.push(res.cpuMs);
  nudges = res.nudges;
}
const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(
  `planned ${String(couples)} couples (${String(partners)} partners, ${String(nudges)} nudges) on ${date}: ` +
    `wall median ${s(times[1])} (min ${s(times[0])}, max ${s(times[2])}), CPU median ${s(cpuTimes[1])} over 3 runs — budget 5 s`,
);
