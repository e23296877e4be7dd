/**
 * Text preparation for the coach. Everything here keeps string length, so an
 * index into the prepared text is the same index into what the user typed.
 */

/** Escape a lexicon entry for a regular expression; a space matches any whitespace run. */
function escape(entry: string): string {
  return entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** A non-capturing alternation of lexicon entries, longest first so "such an" wins over "such". */
export function alt(entries: readonly string[]): string {
  return `(?:${[...new Set(entries)].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
}

/** Does `text` contain any entry of the lexicon as whole words? */
export function containsAny(entries: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z'])${alt(entries)}(?![a-z])`);
}

/**
 * Lower case, straight apostrophes and quotes, same length. Lower-casing a few
 * characters changes their length ("İ"); those are left as they are.
 */
export function normalise(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    let out = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      out += l.length === ch.length ? l : ch;
    }
    lower = out;
  }
  return lower.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'").replace(/[\u201c\u201d\u00ab\u00bb\u201e]/g, '"');
}

const blank = (s: string): string => ' '.repeat(s.length);

/** "…" in double quotes, on one line. */
const DOUBLE_QUOTED = /"([^"\n]{1,300})"/g;
/**
 * '…' in single quotes: opens after a space or the start, closes before a space or
 * punctuation; apostrophes inside words ("it's") don't end it.
 */
const SINGLE_QUOTED = /(?<=^|[\s(:,])'((?:[^'\n]|'(?=[a-z])){0,300}?[^\s'])'(?=$|[\s.,!?;:)])/g;
/** Reported speech without quote marks: "my mum used to say you never listen". */
const REPORTED = /(?<!\byou\s+|\bu\s+)\bused\s+to\s+(?:say|tell\s+(?:me|us|him|her)|yell|shout)\b(?:\s+that\b)?([^.!?;\n]*)/g;

/**
 * Blank out words the writer is quoting or reporting rather than saying: someone
 * else's words are not the writer's start-up. The quote marks themselves stay so
 * a rule can still see that a quote was there.
 */
export function maskQuotes(norm: string): string {
  return norm
    .replace(DOUBLE_QUOTED, (_m, inner: string) => `"${blank(inner)}"`)
    .replace(SINGLE_QUOTED, (_m, inner: string) => `'${blank(inner)}'`)
    .replace(REPORTED, (m, rest: string) => m.slice(0, m.length - rest.length) + blank(rest));
}

const CLAUSE_END = /[.!?;\n]/;

/** Context further than this from a match is never looked at (keeps long run-on text linear). */
const MAX_REACH = 300;

/** Index where the sentence holding `at` begins (after the previous . ! ? ; or newline). */
export function sentenceStart(text: string, at: number): number {
  const stop = Math.max(0, at - MAX_REACH);
  for (let i = at - 1; i >= stop; i--) {
    if (CLAUSE_END.test(text.charAt(i))) return i + 1;
  }
  return stop;
}

/** Index where the sentence holding `at` ends (at the next . ! ? ; or newline). */
export function sentenceEnd(text: string, at: number): number {
  const stop = Math.min(text.length, at + MAX_REACH);
  for (let i = at; i < stop; i++) {
    if (CLAUSE_END.test(text.charAt(i))) return i;
  }
  return stop;
}

/** The words of the clause before `at`, stopping at a comma, "but" or sentence end. */
export function clauseBefore(text: string, at: number): string {
  const s = text.slice(sentenceStart(text, at), at);
  const cut = Math.max(s.lastIndexOf(','), s.lastIndexOf(' but '));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

/** Up to `n` words after `at`, within the sentence. */
export function wordsAfter(text: string, at: number, n: number): string {
  const s = text.slice(at, sentenceEnd(text, at));
  const words = s.trim().split(/\s+/);
  return ` ${words.slice(0, n).join(' ')} `;
}
