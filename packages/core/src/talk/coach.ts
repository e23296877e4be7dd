/**
 * The gentle start-up coach (DESIGN §2, practice 1). While someone writes to
 * their partner, it points at phrasing that tends to start a fight badly: the
 * patterns Gottman's research calls criticism, contempt, defensiveness and
 * stonewalling, plus blame and "always/never" absolutes, which lead into them.
 * For each it gives a short, kind hint, and it offers an I-statement rewrite
 * ("I feel … when …, and I need …"), the shape of a softened start-up.
 *
 * It is rules and word lists (./coach/), English only, deterministic, with no
 * I/O: it runs in the browser on every (debounced) keystroke and nothing is
 * sent anywhere. Flags are suggestions; the writer can always send as written.
 */
import { buildRewrite } from './coach/rewrite.ts';
import { DEFAULT_HINTS, RULES, type MatchContext, type Rule } from './coach/rules.ts';
import { maskQuotes, normalise } from './coach/text.ts';

export type CoachMarkerKind = 'absolute' | 'blame' | 'criticism' | 'contempt' | 'defensiveness' | 'stonewalling';
/** `start`/`end` are UTF-16 offsets into the analysed text, end exclusive. */
export type CoachMarker = { kind: CoachMarkerKind; start: number; end: number; hint: string };
export type CoachResult = { tone: 'gentle' | 'harsh'; markers: CoachMarker[]; rewrite?: string };

/** Longer than any message box allows; beyond it only the start is analysed, to stay fast. */
const MAX_ANALYSED = 20_000;

/** Rules by trigger word, built once: a message only runs the rules its words can trigger. */
const BY_TOKEN = new Map<string, Rule[]>();
const BY_SUBSTRING = new Map<string, Rule[]>();
const ALWAYS_TRIED: Rule[] = [];
for (const rule of RULES) {
  if (!rule.needs) ALWAYS_TRIED.push(rule);
  for (const w of rule.needs ?? []) {
    const index = /^[a-z0-9']+$/.test(w) ? BY_TOKEN : BY_SUBSTRING;
    const list = index.get(w) ?? [];
    if (!list.includes(rule)) list.push(rule);
    index.set(w, list);
  }
}

/** When two markers overlap, the one that says more wins: contempt over criticism over … absolutes. */
const PRIORITY: Record<CoachMarkerKind, number> = {
  contempt: 0,
  criticism: 1,
  blame: 2,
  defensiveness: 3,
  stonewalling: 4,
  absolute: 5,
};

export function coachMessage(text: string): CoachResult {
  const source = text.length > MAX_ANALYSED ? text.slice(0, MAX_ANALYSED) : text;
  if (!/[a-z\u2026*\ud83d]/i.test(source)) return { tone: 'gentle', markers: [] };

  const norm = normalise(source);
  const masked = maskQuotes(norm);
  // Only the rules whose trigger words occur are tried (see Rule.needs).
  const candidates = new Set(ALWAYS_TRIED);
  for (const token of masked.match(/[a-z0-9']+/g) ?? []) for (const rule of BY_TOKEN.get(token) ?? []) candidates.add(rule);
  for (const [needle, rules] of BY_SUBSTRING) if (norm.includes(needle)) for (const rule of rules) candidates.add(rule);
  const found: CoachMarker[] = [];
  for (const rule of RULES) {
    if (!candidates.has(rule)) continue;
    const haystack = rule.unmasked ? norm : masked;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(haystack); m !== null; m = rule.pattern.exec(haystack)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const ctx: MatchContext = { text: masked, start: m.index, end: m.index + m[0].length, phrase: m[0] };
      if (rule.accept && !rule.accept(ctx)) continue;
      found.push({ kind: rule.kind, start: ctx.start, end: ctx.end, hint: rule.hint ?? DEFAULT_HINTS[rule.kind] });
    }
  }
  if (found.length === 0) return { tone: 'gentle', markers: [] };

  found.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const markers: CoachMarker[] = [];
  const taken = new Uint8Array(source.length);
  for (const m of found) {
    if (taken.subarray(m.start, m.end).includes(1)) continue;
    taken.fill(1, m.start, m.end);
    markers.push(m);
  }
  markers.sort((a, b) => a.start - b.start);
  return { tone: 'harsh', markers, rewrite: buildRewrite(norm, markers) };
}
