/**
 * The one-click "try an I-statement" suggestion. A softened start-up, in the
 * conflict research the coach leans on, has three parts: how I feel, about
 * which specific situation (a behaviour, not a trait), and what I need, phrased
 * as something positive to do. The rewrite fills that template from the
 * message where it can and leaves a gentle [placeholder] where it cannot.
 */
import type { CoachMarker, CoachMarkerKind } from '../coach.ts';
import { FEELINGS } from './lexicon.ts';
import { alt, sentenceEnd } from './text.ts';

type Topic = { re: RegExp; feeling: string; when: string; need: string };

/**
 * What a message is about, when a keyword says so. Order matters: the first
 * match wins. Feelings are guesses a writer can edit, so they stay mild.
 */
const TOPICS: readonly Topic[] = [
  {
    re: /\b(?:listen|listening|listened|hear|heard|interrupt\w*|talk\s+over)\b/,
    feeling: 'unheard',
    when: "I don't feel listened to",
    need: 'us to make time to really listen to each other',
  },
  {
    re: /\b(?:phone|screen|email|scroll\w*|tv|gaming|games?|laptop)\b/,
    feeling: 'lonely',
    when: "we're together but our attention is on screens",
    need: 'some time together with the phones put away',
  },
  {
    re: /\b(?:dish(?:es)?|clean\w*|tidy|mess|messy|laundry|chores?|housework|bins?|socks|kitchen|washing|hoover\w*|vacuum\w*|slob|lazy)\b/,
    feeling: 'worn out',
    when: "the housework lands on me",
    need: 'us to share the housework in a way that feels fair to both of us',
  },
  {
    re: /\b(?:late|on\s+time|waiting|midnight|home\s+before)\b/,
    feeling: 'worried',
    when: "I don't know when you'll be home",
    need: "a quick message when you're running late",
  },
  {
    re: /\b(?:call|calls|called|text|texts|texted|message|reply|back\s+to\s+me)\b/,
    feeling: 'anxious',
    when: "I don't hear from you",
    need: "a quick message so I know you're okay",
  },
  {
    re: /\b(?:money|spend\w*|rent|afford|bills?|budget|paid|pay)\b/,
    feeling: 'anxious',
    when: "money decisions happen without us talking",
    need: 'us to sit down and plan our money together',
  },
  {
    re: /\b(?:forget|forgot|forgotten|remember\w*|birthday|anniversary)\b/,
    feeling: 'hurt',
    when: 'things that matter to me slip through',
    need: 'us to keep track of the important things together',
  },
  {
    re: /\b(?:kids?|bedtime|baby|school\s+run)\b/,
    feeling: 'stretched thin',
    when: 'I handle the kids on my own',
    need: 'us to take turns so we both get a break',
  },
  {
    re: /\b(?:plans?|suggest\w*|decid\w*|asking\s+me)\b/,
    feeling: 'left out',
    when: 'plans are made without me',
    need: 'us to decide our plans together',
  },
  {
    re: /\b(?:rude|sharp|tone|yell\w*|shout\w*|snap\w*|joke)\b/,
    feeling: 'hurt',
    when: "I'm spoken to sharply",
    need: 'us to speak to each other kindly, even when we disagree',
  },
  {
    re: /\b(?:family|mum|mom|mum's|mom's|sister|brother|parents|in-laws)\b/,
    feeling: 'alone',
    when: "I don't feel backed up with family",
    need: 'us to agree together how we handle family',
  },
  {
    re: /\b(?:work|job|office)\b/,
    feeling: 'lonely',
    when: 'work takes up most of our time',
    need: "some time that's just for us",
  },
  {
    re: /\b(?:selfish|yourself|self-absorbed|self-centred|self-centered|inconsiderate|thoughtless)\b/,
    feeling: 'overlooked',
    when: "my needs don't seem to count",
    need: 'us to make room for what we both need',
  },
  {
    re: /\b(?:care|notice\w*|thank\w*|appreciat\w*)\b/,
    feeling: 'unappreciated',
    when: 'what I do goes unnoticed',
    need: 'to hear that it matters to you',
  },
];

const feelingRe = new RegExp(
  `\\bi(?:\\s+feel|\\s+felt|'m|\\s+am|\\s+was|\\s+get|\\s+got)\\s+(?:so\\s+|really\\s+|very\\s+|a\\s+bit\\s+|kind\\s+of\\s+|quite\\s+|pretty\\s+)?(${alt(FEELINGS)})(?![a-z])`,
);
const needRe = /\bi\s+(?:really\s+)?(?:need|want|would\s+love|'d\s+love)\s+(?!to\s+talk\b)([^.!?;\n]{3,80})/;

/** Past forms whose "hadn't …" participle differs. */
const PARTICIPLES: Record<string, string> = {
  did: 'done',
  came: 'come',
  went: 'gone',
  took: 'taken',
  gave: 'given',
  saw: 'seen',
  forgot: 'forgotten',
  ate: 'eaten',
  wrote: 'written',
  spoke: 'spoken',
  knew: 'known',
  drove: 'driven',
  rang: 'rung',
  threw: 'thrown',
  chose: 'chosen',
  woke: 'woken',
};
const SAME_PAST = new Set(['said', 'told', 'made', 'thought', 'brought', 'bought', 'heard', 'left', 'kept', 'paid', 'sent', 'spent', 'found', 'felt', 'held', 'met', 'sat', 'slept', 'stood', 'taught', 'understood', 'won', 'got']);
const NOT_PAST = new Set(['need', 'feed', 'bleed', 'proceed', 'succeed', 'bed', 'red', 'shed', 'wed']);

const isPast = (w: string): boolean => (w.endsWith('ed') && !NOT_PAST.has(w)) || w in PARTICIPLES || SAME_PAST.has(w);

/** Restore the capital on "I" and its contractions after lower-casing. */
const fixI = (s: string): string => s.replace(/(?<![a-z'])i(?=$|[\s',.!?])/g, 'I');

/**
 * The behaviour an absolute generalised: "you never ask about my day" becomes
 * "you don't ask about my day"; "you're always late" becomes "you're late".
 */
function behaviourFromAbsolute(norm: string, marker: CoachMarker): string | undefined {
  const phrase = norm.slice(marker.start, marker.end);
  // Questions ("can't you ever…", "are you ever going to…") don't give a behaviour to reuse.
  if (/^(?:can't|won't|don't|didn't|are|why|not)\b/.test(phrase)) return undefined;
  const inverted = /\b(are|were|do|did|will|would|can|could|have)\s+$/.exec(norm.slice(Math.max(0, marker.start - 8), marker.start))?.[1];
  const never = /\bnever\b|n't|\bnot\b/.test(phrase);
  const every = /^(?:every|each)\b/.test(phrase);
  const aux =
    inverted ?? /^(?:you|u)(?:'re|re|\s+are|\s+r|'ll|\s+will|'d|\s+would|'ve|\s+have|\s+were|\s+can|\s+could|\s+do|\s+did)\b/.exec(phrase)?.[0].replace(/^(?:you|u)\s*/, '');
  const are = aux !== undefined ? /^(?:'re|re|are|r)$/.test(aux) : /^(?:ur|your)\b/.test(phrase);
  let tail = norm.slice(marker.end, sentenceEnd(norm, marker.end));
  // Stop at anything that is not plain words (emoji, quote marks, asterisks).
  tail = tail.split(/[^a-z0-9'\s-]/)[0] ?? '';
  tail = tail.split(/,|\s(?:and|but|because|so|unless|instead|when|while|though|not\s+even)\s/)[0] ?? '';
  tail = tail
    .replace(/\b(?:even|once|ever|really|just|actually|anymore|any\s+more|constantly|always)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = tail.split(' ').filter(Boolean).slice(0, 9);
  if (words.length === 0 || (words.length === 1 && /^(?:do|does|did|this|that|it)$/.test(words[0] ?? ''))) return undefined;
  const rest = words.join(' ');
  if (every) return `you ${rest}`;
  if (are) return never ? `you're not ${rest}` : `you're ${rest}`;
  if (aux !== undefined && !/^(?:do|did)$/.test(aux)) {
    const full = AUX[aux] ?? aux;
    if (never) return `you ${NEGATED[full] ?? `${full} not`} ${rest}`;
    return /^(?:will|would)$/.test(full) ? `you ${rest}` : `you ${full} ${rest}`;
  }
  const [verb = '', ...others] = words;
  if (!never) return `you ${rest}`;
  if (aux === 'did' || isPast(verb)) return `you hadn't ${[PARTICIPLES[verb] ?? verb, ...others].join(' ')}`;
  return `you don't ${rest}`;
}

const AUX: Record<string, string> = { "'ll": 'will', "'d": 'would', "'ve": 'have' };
const NEGATED: Record<string, string> = { will: "won't", would: "wouldn't", have: "haven't", were: "weren't", can: "can't", could: "couldn't" };

/** "Because of you, we missed the flight" → "we missed the flight". */
function situationFromBlame(norm: string): string | undefined {
  const m = /\b(?:because\s+of\s+you|thanks\s+to\s+you|(?:it's|it\s+is|its)\s+(?:all\s+)?(?:your|ur)\s+fault)\s*,?\s*(?:that\s+)?([^.!?;\n]{4,80})/.exec(norm);
  const s = m?.[1]?.trim();
  if (!s || !/^(?:we|i|my|our|the|this|it)\b/.test(s)) return undefined;
  return s;
}

const FALLBACK: Record<CoachMarkerKind, { feeling: string; when: string; need: string }> = {
  absolute: { feeling: '[how you feel]', when: '[what happened, one specific time]', need: '[what would help]' },
  criticism: { feeling: '[how you feel]', when: '[what happened]', need: '[what would help]' },
  contempt: { feeling: '[how you feel]', when: '[what happened]', need: '[what would help]' },
  blame: { feeling: '[how you feel]', when: '[what happened]', need: '[what would help]' },
  defensiveness: { feeling: '[how you feel]', when: '[what was said]', need: 'a moment to listen, because I want to understand my part' },
  stonewalling: { feeling: 'overwhelmed', when: 'this gets heated', need: 'a short break; can we come back to it in half an hour?' },
};

/** Build the I-statement for a harsh message. `norm` is the normalised text. */
export function buildRewrite(norm: string, markers: readonly CoachMarker[]): string {
  const kinds = new Set(markers.map((m) => m.kind));
  // Withdrawal gets its own, healthier version: a break with a time to come back.
  const onlyWithdrawing = [...kinds].every((k) => k === 'stonewalling' || k === 'defensiveness') && kinds.has('stonewalling');
  const primary = markers.find((m) => m.kind === 'absolute') ?? markers[0];
  const kind: CoachMarkerKind = onlyWithdrawing ? 'stonewalling' : (primary?.kind ?? 'criticism');
  const fallback = FALLBACK[kind];
  if (kind === 'stonewalling') {
    const feelingWord = feelingRe.exec(norm)?.[1];
    return `I feel ${feelingWord ?? fallback.feeling} when ${fallback.when}, and I need ${fallback.need}`;
  }

  const topicText = norm.replace(/\bthanks\s+to\s+you\b/g, ' ');
  const topic = TOPICS.find((t) => t.re.test(topicText));
  const feeling = feelingRe.exec(norm)?.[1] ?? topic?.feeling ?? fallback.feeling;
  let when: string | undefined;
  if (primary?.kind === 'absolute') when = behaviourFromAbsolute(norm, primary);
  if (when === undefined && kinds.has('blame')) when = situationFromBlame(norm);
  when ??= topic?.when ?? fallback.when;
  const asked = needRe.exec(norm)?.[1]?.trim();
  const need = asked !== undefined ? `${asked.replace(/^to\s+/, '')}` : (topic?.need ?? fallback.need);
  const needPhrase = asked !== undefined && !/^(?:you|us|some|a|an|the|more|time|help|space)\b/.test(need) ? `to ${need}` : need;
  return fixI(`I feel ${feeling} when ${when}, and I need ${needPhrase}.`).replace(/^i /, 'I ');
}
