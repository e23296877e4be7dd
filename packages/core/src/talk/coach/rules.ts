/**
 * The coach's pattern rules, grouped by the pattern they catch.
 *
 * Why these patterns: in Gottman's observational research on couples, how a
 * conflict conversation starts largely predicts how it ends, and four patterns
 * (the "four horsemen") predict distress and separation: criticism (an attack on
 * the person rather than a complaint about a behaviour), contempt (insults,
 * mockery, sarcasm, eye-rolling: the strongest predictor of all), defensiveness
 * (counter-attack, excuses, playing the innocent victim) and stonewalling
 * (withdrawing, shutting the talk down). A softened start-up instead names a
 * specific behaviour, says how the writer feels in an I-statement, and asks for
 * something positive. Blame and "always/never" absolutes are flagged on their own
 * because they are the most common on-ramps to criticism: they turn one event
 * into a verdict about who the partner is.
 *
 * Every rule runs on normalised text (lower case, straight apostrophes) with
 * quoted and reported words blanked out (see text.ts), and each match is a marker
 * over exactly the phrase it matched. `accept` looks at the words around a match
 * to drop the readings that are not harsh (praise, negation, a genuine question,
 * a healthy break).
 */
import type { CoachMarkerKind } from '../coach.ts';
import {
  BAD_ADJECTIVES,
  BAD_FEELINGS,
  COMING_BACK,
  DISCLAIMERS,
  HARM,
  HURTFUL,
  INSULT_ADJECTIVES,
  INSULT_NOUNS,
  INTENSIFIERS,
  MOCK_ADDRESS,
  NEGATIVE_ACTS,
  POSITIVE,
  PRAISE_FRAMES,
  TRAITS,
  TRAITS_NEED_INTENSIFIER,
  YOU,
  YOU_ARE,
} from './lexicon.ts';
import { alt, clauseBefore, containsAny, sentenceEnd, sentenceStart, wordsAfter } from './text.ts';

export type MatchContext = {
  /** The prepared text (normalised, quotes blanked). */
  text: string;
  start: number;
  end: number;
  /** The matched phrase. */
  phrase: string;
};

export type Rule = {
  id: string;
  kind: CoachMarkerKind;
  pattern: RegExp;
  /**
   * Words (whole tokens) of which at least one must appear for the rule to be
   * tried at all; a cheap gate that keeps the coach fast on every keystroke.
   * An entry that is not a word (a quote mark) is looked for as a substring.
   */
  needs?: readonly string[];
  /** Run on the text with quotes left in (for rules about quote marks themselves). */
  unmasked?: boolean;
  accept?: (c: MatchContext) => boolean;
  hint?: string;
};

// ── Building blocks ──────────────────────────────────────────────────────────

/** Start of a word. */
const B = "(?<![a-z0-9'])";
/** End of a word. */
const E = '(?![a-z0-9])';
/** Start of a clause: start of text or after punctuation. */
const CS = '(?<=(?:^|[.!?,;:\\n\\u2026])\\s*)';
/** Followed by the end of a clause. */
const CE = '(?=\\s*(?:$|[.!?,;:\\u2026]|\\ud83d\\ude44))';

const you = alt(YOU);
const youAre = alt(YOU_ARE);
const youAreNotYour = alt(YOU_ARE.filter((w) => w !== 'your'));
const intens = alt(INTENSIFIERS);
const strongIntens = alt(['so', 'such a', 'really', 'too', 'being', 'being so', 'incredibly', 'unbelievably', 'always so', 'just so', 'getting so', 'so so']);
const traits = alt(TRAITS);
const insultNouns = alt(INSULT_NOUNS);
const vocativeInsults = alt(INSULT_NOUNS.filter((w) => !['joke', 'baby', 'child', 'fool', 'cow', 'pig'].includes(w)));
const insultAdjectives = alt(INSULT_ADJECTIVES);

const rx = (source: string): RegExp => new RegExp(source, 'g');

/** The first token of each entry ("drama queen" → "drama", "self-centred" → "self"). */
const firstWords = (entries: readonly string[]): string[] => [...new Set(entries.map((e) => e.split(/[^a-z0-9']/)[0] ?? e))];

const RUIN_WORDS = ['ruin', 'ruined', 'ruins', 'wreck', 'wrecked', 'wrecks', 'destroy', 'destroyed', 'destroys', 'screwed', 'screw', 'screws', 'messed', 'mess', 'messes', 'blew', 'blown', 'sabotaged', 'ruining', 'wrecking', 'destroying', 'spoiling'];

const youWordRe = new RegExp(`${B}${you}${E}`);
const youOrYouAreRe = new RegExp(`${B}(?:${you}|${youAre})${E}`);
const positiveRe = containsAny(POSITIVE);
const hurtfulRe = containsAny(HURTFUL);
const badFeelingRe = containsAny(BAD_FEELINGS);
const harmRe = containsAny(HARM);
const disclaimerRe = containsAny(DISCLAIMERS);
const praiseFrameRe = containsAny(PRAISE_FRAMES);
const dislikeRe = /\b(?:hate|sick of|tired of|annoys|annoying|can't stand|fed up|bothers)\b/;
const negativeActStart = new RegExp(`^\\s*${alt(NEGATIVE_ACTS)}(?![a-z])`);
const fillers = /^\s*(?:(?:even|once|ever|really|just|actually|seem\s+to|seems\s+to|bother\s+to|anymore)\s+)+/;
const idiomAfterNever = /^\s*(?:know|can\s+tell|have\s+too|be\s+too|been\s+too)(?![a-z])/;
const comingBackRe = containsAny(COMING_BACK);
const negationJustBefore = /(?:\b(?:not|never|no|nobody|nobody's|no\s+one's|isn't|wasn't|ain't|hardly)|n't)(?:\s+(?:all|really|entirely|even|exactly|just))?\s*$/;

/** Text from the match end to the end of its sentence. */
const restOfSentence = (c: MatchContext): string => c.text.slice(c.end, sentenceEnd(c.text, c.end));

/** "You never X" is praise when X is itself something bad ("never fail", "never complain"). */
function neverIsHarsh(after: string): boolean {
  const words = after.replace(fillers, ' ');
  if (idiomAfterNever.test(words)) return false;
  const act = negativeActStart.exec(words);
  if (act) return hurtfulRe.test(words.slice(act[0].length));
  return !(hurtfulRe.test(words) || badFeelingRe.test(words));
}

/** "You always X" is praise when X is good and nothing hurtful sits next to it. */
function alwaysIsHarsh(after: string): boolean {
  if (hurtfulRe.test(after)) return true;
  return !positiveRe.test(after);
}

/**
 * Shared checks for absolutes: a disclaimer ("I'm not saying you never help"), a
 * praise frame ("I love that you always…") or a genuine question ("do you always
 * take the bus?") before the match keeps it gentle.
 */
function absoluteAccept(mode: 'always' | 'never', window: number, cutAtConjunction = true) {
  return (c: MatchContext): boolean => {
    const before = clauseBefore(c.text, c.start);
    if (disclaimerRe.test(before)) return false;
    if (praiseFrameRe.test(before) && !dislikeRe.test(before)) return false;
    let after = wordsAfter(c.text, c.end, window);
    // "You never clean up after yourself and I'm sick of it": only the predicate counts.
    if (cutAtConjunction) after = after.split(/,|\s(?:but|because|while)\s|\s(?:and|so)\s+(?=(?:i|i'm|it|it's|we|that|now|then|this|you|you're|u|ur)\s)/)[0] ?? after;
    const question = /\b(?:do|does|did|are|were|have|has|will|would|is)\s*$/.test(before) && !/\b(?:why|how\s+come)\b/.test(before);
    if (question) return hurtfulRe.test(after);
    return mode === 'never' ? neverIsHarsh(after) : alwaysIsHarsh(after);
  };
}

const notAfterDisclaimer = (c: MatchContext): boolean => !disclaimerRe.test(clauseBefore(c.text, c.start));
const notNegated = (c: MatchContext): boolean => !negationJustBefore.test(c.text.slice(Math.max(0, c.start - 30), c.start));
const noPositiveAfter = (c: MatchContext): boolean => !positiveRe.test(restOfSentence(c)) && !/\bbelieve\b/.test(restOfSentence(c));
const notComingBack = (c: MatchContext): boolean => !comingBackRe.test(c.text.slice(c.end, c.end + 300));

// ── Absolutes ────────────────────────────────────────────────────────────────
// "Always" and "never" about the partner generalise one event into their
// character, which is how a complaint becomes criticism. Praise is exempt
// ("you always make me laugh", "you never fail to…").

const absoluteSubject = alt([
  ...YOU,
  "you're",
  'youre',
  'you are',
  'ur',
  'your',
  'u r',
  'you were',
  "you'll",
  'you will',
  "you'd",
  'you would',
  "you've",
  'you have',
  'you can',
  'you could',
  'you do',
  'you did',
  'u will',
  'u can',
]);

const ABSOLUTE_RULES: Rule[] = [
  {
    id: 'you-always',
    kind: 'absolute',
    needs: ['always', 'constantly', 'continually', 'forever'],
    pattern: rx(`${B}${absoluteSubject}\\s+(?:always|constantly|continually|forever)${E}`),
    accept: absoluteAccept('always', 8),
  },
  {
    id: 'you-never',
    kind: 'absolute',
    needs: ['never'],
    pattern: rx(`${B}${absoluteSubject}\\s+never${E}`),
    accept: absoluteAccept('never', 8),
  },
  {
    id: 'you-dont-ever',
    kind: 'absolute',
    needs: ['ever', 'once'],
    pattern: rx(`${B}${you}\\s+(?:don't|do\\s+not|dont|didn't|did\\s+not|won't|will\\s+not|can't|cannot|wouldn't)\\s+(?:ever|even\\s+once)${E}`),
    accept: absoluteAccept('never', 8),
  },
  {
    id: 'every-time-you',
    kind: 'absolute',
    needs: ['every', 'each'],
    pattern: rx(`${B}(?:every\\s+single\\s+time|every\\s+time|each\\s+time|every\\s+single\\s+day)\\s+(?:that\\s+)?${you}${E}`),
    accept: absoluteAccept('always', 12, false),
  },
  {
    id: 'cant-you-ever',
    kind: 'absolute',
    needs: ['ever'],
    pattern: rx(`${B}(?:can't|won't|don't|didn't|are|why)\\s+${you}\\s+ever${E}`),
    accept: (c) => neverIsHarsh(wordsAfter(c.text, c.end, 8)),
  },
  {
    id: 'not-once',
    kind: 'absolute',
    needs: ['once', 'single'],
    pattern: rx(`${B}not\\s+(?:once|one\\s+single\\s+time|a\\s+single\\s+time)\\s+(?:have|did|do|has)\\s+${you}${E}`),
  },
];

// ── Criticism ────────────────────────────────────────────────────────────────
// A trait ("lazy", "selfish") or a verdict on the whole person ("what's wrong with
// you") instead of a complaint about one behaviour. Negated traits never match:
// "not" is not an intensifier, so "you're not lazy" stays gentle.

const CRITICISM_HINT = 'This describes who they are, not what happened. Try naming the one thing they did and how it felt.';

const CRITICISM_RULES: Rule[] = [
  {
    id: 'you-are-trait',
    kind: 'criticism',
    needs: firstWords(TRAITS),
    pattern: rx(`${B}${youAreNotYour}(?:\\s+${intens}){0,3}\\s+${traits}${E}`),
    accept: notAfterDisclaimer,
  },
  {
    id: 'your-so-trait',
    kind: 'criticism',
    needs: firstWords(TRAITS),
    pattern: rx(`${B}your\\s+${strongIntens}(?:\\s+${intens}){0,2}\\s+${traits}${E}`),
    accept: notAfterDisclaimer,
  },
  {
    id: 'you-are-so-trait',
    kind: 'criticism',
    needs: TRAITS_NEED_INTENSIFIER,
    pattern: rx(`${B}${youAre}(?:\\s+${intens})?\\s+${strongIntens}\\s+${alt(TRAITS_NEED_INTENSIFIER)}${E}`),
    accept: notAfterDisclaimer,
  },
  {
    id: 'you-are-a-bad-role',
    kind: 'criticism',
    needs: BAD_ADJECTIVES,
    pattern: rx(`${B}${youAreNotYour}(?:\\s+${intens}){0,3}\\s+${alt(BAD_ADJECTIVES)}(?:\\s+(?!at${E}|and${E}|but${E})[a-z-]+)?`),
    accept: notAfterDisclaimer,
  },
  {
    id: 'whats-wrong-with-you',
    kind: 'criticism',
    needs: ['wrong', 'problem'],
    pattern: rx(`${B}what(?:'s|s|\\s+is|\\s+the\\s+hell\\s+is|\\s+on\\s+earth\\s+is|\\s+the\\s+heck\\s+is)\\s+(?:wrong\\s+with\\s+${you}|(?:your|ur)\\s+problem)${E}`),
    hint: "It asks what's wrong with them as a person. Try saying what happened and how it left you feeling.",
  },
  {
    id: 'how-can-you-be-so',
    kind: 'criticism',
    needs: ['how'],
    pattern: rx(`${B}how\\s+(?:can|could)\\s+${you}\\s+(?:be|act)\\s+so${E}`),
  },
  {
    id: 'only-care-about-yourself',
    kind: 'criticism',
    needs: ['yourself'],
    pattern: rx(
      `${B}(?:${you}\\s+(?:only|just)?\\s*(?:care|think)\\s+about\\s+yourself|(?:anyone|anybody|someone|somebody|no\\s+one|nobody)\\s+(?:but|other\\s+than|except|else\\s+but)\\s+yourself)${E}`,
    ),
  },
  {
    id: 'you-dont-care',
    kind: 'criticism',
    needs: ['care'],
    pattern: rx(
      `${B}${you}\\s+(?:don't|do\\s+not|dont|didn't|clearly\\s+don't|obviously\\s+don't)\\s+(?:even\\s+|really\\s+|actually\\s+|seem\\s+to\\s+)?care(?:\\s+about\\s+(?:me|us|anyone|anything|my\\s+\\w+|our\\s+\\w+|this)|\\s+at\\s+all|${CE})`,
    ),
    accept: notAfterDisclaimer,
  },
  {
    id: 'cant-do-anything-right',
    kind: 'criticism',
    needs: ['anything', 'idea', 'clue', 'even'],
    pattern: rx(
      `${B}${you}\\s+(?:(?:can't|cannot|can\\s+not|never)\\s+do\\s+anything\\s+right|(?:have|'ve\\s+got)\\s+no\\s+(?:idea|clue)\\s+how\\s+to|(?:couldn't|could\\s+not|can't|cannot)\\s+even\\s+(?:do|manage|remember|get)\\s+(?:that|this|one\\s+thing|the\\s+one\\s+thing|something\\s+so\\s+simple))${E}`,
    ),
  },
  {
    id: 'for-once',
    kind: 'criticism',
    needs: ['once'],
    pattern: rx(`${B}(?:${you}\\s+(?:just\\s+)?for\\s+once|for\\s+once\\s+in\\s+your\\s+life)${E}`),
    hint: '"For once" says they never do. Try asking for the one thing you need now.',
  },
  {
    id: 'how-many-times',
    kind: 'criticism',
    needs: ['times'],
    pattern: rx(`${B}how\\s+many\\s+(?:more\\s+)?times\\s+do\\s+i\\s+(?:have|need)\\s+to\\s+(?:tell|ask|say|remind|explain)${E}`),
  },
  {
    id: 'something-so-stupid',
    kind: 'criticism',
    needs: ['so'],
    pattern: rx(`${B}(?:something|anything)\\s+so\\s+(?:stupid|dumb|idiotic|selfish|thoughtless|careless|pathetic|ridiculous)${E}`),
    accept: (c) => youWordRe.test(c.text.slice(sentenceStart(c.text, c.start), c.start)),
  },
  {
    id: 'stop-being-so',
    kind: 'criticism',
    needs: ['being'],
    pattern: rx(`${B}stop\\s+being\\s+(?:so\\s+|such\\s+an?\\s+)?(?:${traits}|${alt(TRAITS_NEED_INTENSIFIER)})${E}`),
  },
  {
    id: 'acting-like-a-child',
    kind: 'criticism',
    needs: ['acting', 'behaving'],
    pattern: rx(
      `${B}(?:acting|behaving)\\s+like\\s+(?:a|an|such\\s+a|a\\s+spoiled|a\\s+spoilt)\\s+(?:child|baby|toddler|teenager|brat|kid|idiot|lunatic|maniac|crazy\\s+person|jerk)${E}`,
    ),
    accept: (c) => youOrYouAreRe.test(clauseBefore(c.text, c.start) + c.phrase),
  },
  {
    id: 'just-like-your-mother',
    kind: 'criticism',
    needs: ['like'],
    pattern: rx(`${B}${youAreNotYour}\\s+(?:just\\s+|exactly\\s+)?like\\s+your\\s+(?:mother|father|mum|mom|dad|ex)${E}`),
  },
];

// ── Contempt ─────────────────────────────────────────────────────────────────
// Insults, name-calling, mockery, sarcasm and eye-rolls put the writer above the
// partner. Gottman found contempt the single best predictor of separation, so
// these are flagged even when the rest of the message is kind.

const CONTEMPT_HINT = 'Mockery and put-downs hurt the most. Try saying plainly what upset you.';
const EYE_ROLL_HINT = "An eye-roll says 'you're beneath me'. Try saying what you're frustrated about instead.";

/** Fixed sarcastic or insulting phrases; commas and spaces between words are optional. */
const CONTEMPT_PHRASES = [
  'thanks for nothing',
  'gee thanks',
  'whatever you say',
  'yeah right',
  'poor you',
  'poor baby',
  'boo hoo',
  'boohoo',
  'cry me a river',
  'my heart bleeds',
  "world's smallest violin",
  'smallest violin',
  'real mature',
  'very mature',
  'how mature',
  'so mature',
  'ha ha very funny',
  'haha very funny',
  'surprise surprise',
  'big surprise',
  'shocker',
  'alert the media',
  'call the newspapers',
  'stop the press',
  'stop the presses',
  'mark the calendar',
  'nice going',
  'smooth move',
  'real smooth',
  'ok boomer',
  'okay boomer',
  'sure jan',
  'get a life',
  'spare me',
  'here we go again',
  'is it too much to ask',
  'would it kill you',
  'let me explain it slowly',
  'let me explain this slowly',
  'do i have to spell it out',
  'use your brain',
  'use your head',
  'you disgust me',
  'you make me sick',
  "i can't stand you",
  'i hate you',
  'shut up',
  'shut the hell up',
  'fuck you',
  'f you',
  'screw you',
  'go to hell',
  'piss off',
  'fuck off',
  'bugger off',
  'get lost',
  'drop dead',
  "you wouldn't understand",
  'you would not understand',
  "you'd never understand",
  'how nice for you',
  'nice of you to finally',
  'nice of you to show up',
  'nice of you to join us',
  'nice of you to bother',
  'look who finally',
  'look who decided',
  "look who's finally",
  'who asked',
  'nobody asked',
  'get over yourself',
  'not all of us are perfect',
];

const phraseAlt = (entries: readonly string[]): string => alt(entries).replace(/\\s\+/g, "[\\s,.!'-]+");

const CONTEMPT_RULES: Rule[] = [
  {
    id: 'you-idiot',
    kind: 'contempt',
    needs: firstWords(INSULT_NOUNS),
    pattern: rx(
      `${B}${you}(?:\\s+(?:absolute|complete|total|stupid|lazy|selfish|useless|fucking|bloody|little|big|fat|utter|pathetic|lying|ungrateful))*\\s+${vocativeInsults}${E}(?!\\s+(?:me|us|him|her|them)${E})`,
    ),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'you-are-insult',
    kind: 'contempt',
    needs: firstWords([...INSULT_NOUNS, ...INSULT_ADJECTIVES]),
    pattern: rx(`${B}${youAreNotYour}(?:\\s+${intens}){0,3}\\s+(?:${insultNouns}|${insultAdjectives})${E}`),
    accept: notAfterDisclaimer,
    hint: CONTEMPT_HINT,
  },
  {
    id: 'what-an-idiot',
    kind: 'contempt',
    needs: firstWords(INSULT_NOUNS),
    pattern: rx(`${CS}(?:what|such)\\s+(?:a|an)\\s+(?:complete\\s+|total\\s+|absolute\\s+)?${insultNouns}${E}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'are-you-deaf',
    kind: 'contempt',
    needs: ['are'],
    pattern: rx(
      `${B}are\\s+${you}\\s+(?:deaf|blind|stupid|dumb|thick|an\\s+idiot|brain\\s*-?dead|kidding\\s+me|kidding|insane|mental|for\\s+real|serious\\s+right\\s+now)${E}`,
    ),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'do-you-even',
    kind: 'contempt',
    needs: ['even'],
    pattern: rx(
      `${B}(?:do|did|can|could|would)\\s+${you}\\s+even\\s+(?:listen|care|hear|know|think|notice|try|remember|love|want|see|realise|realize|understand|read|look|check|bother|like)${E}`,
    ),
    hint: '"Do you even…" mocks rather than asks. Try asking the real question, or saying what you need.',
  },
  {
    id: 'like-you-care',
    kind: 'contempt',
    needs: ['like', 'if'],
    pattern: rx(
      `(?:${CS}|(?<=${B}(?:yeah|yeah\\s+right|oh|sure|right|and|cos|because|lol)[,.]?\\s+))(?:like|as\\s+if)\\s+${you}(?!\\s+(?:said|say|asked|suggested|mentioned|told|do\\s+with|to\\s+)${E})(?=[\\s']|$)`,
    ),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'not-that-you-care',
    kind: 'contempt',
    needs: ['not'],
    pattern: rx(
      `${B}not\\s+that\\s+${you}(?:'d|\\s+would)?\\s+(?:even\\s+|ever\\s+)?(?:care|cared|notice|noticed|listen|help|know|remember)${E}`,
    ),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'its-not-like',
    kind: 'contempt',
    needs: ['like'],
    pattern: rx(`${B}(?:it's|it\\s+is|its)\\s+not\\s+like\\s+(?:${you}(?!\\s+to${E})|i'm|i\\s+am|my\\s+[a-z]+\\s+(?:matters?|counts?))${E}`),
    hint: 'Sarcasm hides what you actually want. Try asking for it directly.',
  },
  {
    id: 'eye-roll',
    kind: 'contempt',
    pattern: rx(
      `\\*\\s*(?:eye\\s*-?\\s*rolls?|eyeroll(?:s|ing)?|rolls?\\s+(?:my\\s+|his\\s+|her\\s+)?eyes|rolling\\s+(?:my\\s+)?eyes|sighs?|scoffs?|smirks?|snorts?)\\s*\\*|${B}eye\\s*-?\\s*roll${E}|\\ud83d\\ude44|\\ud83d\\ude12|\\ud83d\\udd95`,
    ),
    hint: EYE_ROLL_HINT,
  },
  {
    id: 'sarcastic-phrase',
    kind: 'contempt',
    needs: firstWords(CONTEMPT_PHRASES),
    pattern: rx(`${B}${phraseAlt(CONTEMPT_PHRASES)}${E}`),
    hint: CONTEMPT_HINT,
  },
  {
    // Sarcastic envy opens a sentence ("Must be nice to sleep in"); "the office must be nice" is not it.
    id: 'must-be-nice',
    kind: 'contempt',
    needs: ['nice'],
    pattern: rx(`(?:${CS}|(?<=${B}(?:it|that|sure|wow|oh)[,.]?\\s+))must\\s+be\\s+nice${E}`),
    hint: 'Envy wrapped in sarcasm stings. Try saying what you wish you had, e.g. "I\'d love a lie-in too."',
  },
  {
    id: 'very-funny',
    kind: 'contempt',
    needs: ['funny'],
    pattern: rx(`${CS}(?:ha\\s*,?\\s*ha\\s*,?\\s*)?very\\s+funny${CE}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'grow-up',
    kind: 'contempt',
    needs: ['grow'],
    pattern: rx(`${CS}(?:oh\\s+|just\\s+)?grow\\s+up${CE}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'happy-now',
    kind: 'contempt',
    needs: ['happy'],
    pattern: rx(`${B}(?:are\\s+you\\s+)?happy\\s+now\\s*\\?`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'mock-address',
    kind: 'contempt',
    needs: [...firstWords(MOCK_ADDRESS), 'mr', 'miss', 'captain', 'your'],
    pattern: rx(
      `(?<=,\\s*|\\bfrom\\s+|\\bthanks\\s+|\\bwell\\s+done\\s+)${alt(MOCK_ADDRESS)}${E}|${B}(?:mr\\.?\\s+perfect|miss\\s+perfect|captain\\s+obvious|your\\s+(?:royal\\s+)?(?:highness|majesty))${E}`,
    ),
    hint: 'Calling them "genius" this way is mockery. Try saying what went wrong and what you need.',
  },
  {
    id: 'oh-great',
    kind: 'contempt',
    needs: ['oh'],
    pattern: rx(`${B}oh,?\\s+(?:great|wonderful|brilliant|perfect|fantastic|lovely|marvellous|marvelous)${E}`),
    accept: (c) => /\b(?:again|another|late|forgot|broke|ruined|here\s+we\s+go|now)\b/.test(wordsAfter(c.text, c.end, 6)),
    hint: 'Sarcasm hides what you actually want. Try saying it straight.',
  },
  {
    id: 'just-great',
    kind: 'contempt',
    needs: ['just'],
    pattern: rx(`${B}(?:great|perfect|brilliant|wonderful|fantastic),?\\s+just\\s+(?:great|perfect|brilliant|wonderful|fantastic)${E}`),
    hint: 'Sarcasm hides what you actually want. Try saying it straight.',
  },
  {
    id: 'scare-quotes',
    kind: 'contempt',
    needs: ['"'],
    unmasked: true,
    pattern: rx(`${B}(?:${youAreNotYour}|your|so-called|so\\s+called)(?:\\s+${intens}){0,2}\\s+"[a-z' -]{1,24}"`),
    hint: 'Quote marks around their words can read as mockery. Try saying what you doubt, kindly.',
  },
  {
    id: 'lol-you-think',
    kind: 'contempt',
    needs: ['lol', 'lmao', 'haha', 'hahaha', 'ha'],
    pattern: rx(`${B}(?:lol|lmao|haha|hahaha|ha)\\s+${you}\\s+(?:think|thought|really\\s+think)${E}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'seriously-who',
    kind: 'contempt',
    needs: ['seriously'],
    pattern: rx(`${B}seriously,?\\s+who${E}`),
    hint: 'A rhetorical question mocks rather than asks. Try naming what happened and what you need.',
  },
  {
    id: 'so-now-you-want',
    kind: 'contempt',
    needs: ['now'],
    pattern: rx(`${B}(?:so|oh)\\s*,?\\s+now\\s+${you}\\s+(?:want|wanna|decide|care|feel\\s+like|remember)${E}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'wow-you-actually',
    kind: 'contempt',
    needs: ['congratulations', 'congrats', 'wow'],
    pattern: rx(`${B}(?:congratulations|congrats|wow),?\\s+${you}\\s+(?:actually|finally|managed)${E}`),
    accept: (c) => !positiveRe.test(restOfSentence(c)) && !/\b(?:proud|so\s+happy|thank)/.test(c.text.slice(c.end, c.end + 300)),
    hint: 'Praise with a sting in it is still a put-down. If you want to thank them, thank them plainly.',
  },
  {
    id: 'sorry-im-not-perfect',
    kind: 'contempt',
    needs: ['sorry'],
    pattern: rx(`${B}(?:i'm|i\\s+am)\\s+sorry\\s+(?:i'm|i\\s+am)\\s+not\\s+(?:perfect|good\\s+enough)(?:\\s+like\\s+${you})?${E}`),
    hint: 'This sounds like an apology but lands as sarcasm. Try saying what hurt.',
  },
  {
    id: 'sure-because',
    kind: 'contempt',
    needs: ['because'],
    pattern: rx(`${B}(?:oh\\s+sure|yeah\\s+sure|oh\\s+yeah|yeah\\s+right|sure),?\\s+because\\s+${you}${E}`),
    hint: CONTEMPT_HINT,
  },
  {
    id: 'brain',
    kind: 'contempt',
    needs: ['brain', 'even'],
    pattern: rx(`${B}(?:did|has)\\s+your\\s+brain${E}|${B}so\\s+even\\s+${you}\\s+(?:can|could|would)\\s+(?:understand|get|follow)${E}`),
    hint: CONTEMPT_HINT,
  },
];

// ── Blame ────────────────────────────────────────────────────────────────────
// Blame assigns the whole problem to the partner. It invites defensiveness, the
// next horseman, instead of a shared look at what happened.

const BLAME_RULES: Rule[] = [
  {
    id: 'your-fault',
    kind: 'blame',
    needs: ['fault'],
    pattern: rx(`${B}(?:your|ur|yr)(?:\\s+own)?\\s+fault${E}`),
    accept: notNegated,
  },
  {
    id: 'because-of-you',
    kind: 'blame',
    needs: ['because'],
    pattern: rx(`${B}because\\s+of\\s+${you}${E}`),
    accept: noPositiveAfter,
  },
  {
    id: 'thanks-to-you',
    kind: 'blame',
    needs: ['thanks'],
    pattern: rx(`${B}thanks\\s+to\\s+${you}${E}`),
    accept: (c) => harmRe.test(restOfSentence(c)),
  },
  {
    id: 'you-made-me',
    kind: 'blame',
    needs: ['made', 'make', 'making'],
    pattern: rx(
      `${B}${you}\\s+(?:made|make|are\\s+making|'re\\s+making|keep\\s+making|always\\s+make|just\\s+made)\\s+me\\s+(?:so\\s+|really\\s+|feel\\s+(?:so\\s+|really\\s+)?)?(?:${alt(BAD_FEELINGS)}|do(?:\\s+(?:it|this|that))?|say\\s+(?:it|that|this)|act|yell|shout|scream|snap|lose|miss|wait|late|look|cry|hate|want\\s+to\\s+(?:scream|cry|leave|give\\s+up)|this\\s+way|like\\s+this|go\\s+crazy)${E}`,
    ),
    hint: 'Saying they made you feel or act a certain way hands them all of it. Try "I felt … when …".',
  },
  {
    id: 'you-ruined',
    kind: 'blame',
    needs: RUIN_WORDS,
    pattern: rx(
      `${B}(?:${you}(?:'ve|\\s+have|\\s+had)?(?:\\s+(?:totally|completely|just|really|always|literally|basically|officially))?\\s+(?:ruin|ruined|ruins|wreck|wrecked|wrecks|destroy|destroyed|destroys|screwed\\s+up|screw\\s+up|screws\\s+up|messed\\s+up|mess\\s+up|messes\\s+up|blew\\s+it|blown\\s+it|sabotaged)|${youAreNotYour}\\s+(?:ruining|wrecking|destroying|spoiling))${E}`,
    ),
    hint: 'Try describing what happened and how it affected you, without the verdict.',
  },
  {
    id: 'look-what-you-did',
    kind: 'blame',
    needs: ['what'],
    pattern: rx(`${B}(?:look|see)\\s+(?:at\\s+)?what\\s+${you}(?:'ve|\\s+have)?\\s+(?:did|done|made|make|caused|started)${E}`),
  },
  {
    id: 'none-of-this-if-you',
    kind: 'blame',
    needs: ['none'],
    pattern: rx(`${B}none\\s+of\\s+this\\s+would(?:'ve|\\s+have)?\\s+(?:happened|be\\s+happening)\\s+if\\s+${you}${E}`),
  },
  {
    id: 'if-you-had-just',
    kind: 'blame',
    needs: ['if'],
    pattern: rx(`${B}if\\s+(?:only\\s+)?${you}(?:'d|\\s+had|\\s+hadn't|\\s+had\\s+not|\\s+would\\s+have)(?:\\s+just|\\s+only|\\s+actually)?${E}`),
    accept: (c) => {
      const sentence = c.text.slice(sentenceStart(c.text, c.start), sentenceEnd(c.text, c.end));
      return /\b(?:none\s+of\s+this|this\s+wouldn't|we\s+wouldn't|we'd\s+not|wouldn't\s+be\s+(?:here|in\s+this)|would\s+never\s+have)\b/.test(sentence);
    },
  },
  {
    id: 'you-are-the-reason',
    kind: 'blame',
    needs: ['reason', 'one', 'blame'],
    pattern: rx(`${B}${youAreNotYour}\\s+(?:the\\s+)?(?:reason|one\\s+who|one\\s+that|to\\s+blame)${E}`),
    accept: noPositiveAfter,
  },
  {
    id: 'you-started-it',
    kind: 'blame',
    needs: ['started', 'caused', 'did', 'on', 'yourself'],
    pattern: rx(
      `${B}(?:${you}\\s+(?:started|caused)\\s+(?:it|this|that|all\\s+this|the\\s+(?:fight|argument|whole\\s+thing))|${you}\\s+did\\s+this${CE}|(?:that's|that\\s+is|this\\s+is|it's|it\\s+is)\\s+(?:all\\s+)?on\\s+${you}${CE}|(?:have|got)\\s+(?:only\\s+)?yourself\\s+to\\s+blame|${you}\\s+brought\\s+this\\s+on\\s+yourself)${E}`,
    ),
  },
];

// ── Defensiveness ────────────────────────────────────────────────────────────
// Denying any part, excuses, counter-complaints ("what about you") and playing
// the innocent victim. Gottman's antidote is to accept even a small part of
// the responsibility.

const DEFENSIVENESS_RULES: Rule[] = [
  {
    id: 'not-my-fault',
    kind: 'defensiveness',
    needs: ['fault'],
    pattern: rx(
      `${B}(?:(?:not|isn't|wasn't|never|ain't)\\s+(?:all\\s+|even\\s+|really\\s+|entirely\\s+|exactly\\s+)?my\\s+fault|(?:how|why)(?:'s|\\s+is|\\s+was)\\s+(?:this|that|it|everything)\\s+(?:always\\s+)?my\\s+fault)${E}`,
    ),
  },
  {
    id: 'dont-blame-me',
    kind: 'defensiveness',
    needs: ['blame', 'blaming', 'put', 'pin', 'turn', 'twist', 'make', 'attacking'],
    pattern: rx(
      `${B}(?:(?:don't|do\\s+not|dont|stop|quit|why\\s+are\\s+you|you\\s+can't|you\\s+cannot)\\s+(?:blame|blaming)\\s+(?:me|this\\s+on\\s+me|it\\s+on\\s+me)|don't\\s+(?:put|pin)\\s+(?:this|that|it)\\s+on\\s+me|don't\\s+(?:turn|twist)\\s+(?:this|it|that)\\s+(?:around\\s+)?(?:on|onto)\\s+me|don't\\s+make\\s+this\\s+about\\s+me|(?:stop|quit|why\\s+are\\s+you)\\s+attacking\\s+me)${E}`,
    ),
  },
  {
    id: 'only-did-it-because-you',
    kind: 'defensiveness',
    needs: ['because'],
    pattern: rx(
      `${B}i\\s+(?:only\\s+[a-z']+${E}[^.!?]{0,25}?|just\\s+(?:did|said|yelled|shouted|snapped|left|went|lied|got\\s+angry|reacted)${E}[^.!?]{0,25}?|(?:did|said)\\s+(?:it|that|this)\\s+)because\\s+${you}${E}`,
    ),
    hint: 'Explaining why it was their doing keeps the argument going. Is there a small part you can own?',
  },
  {
    id: 'what-about-you',
    kind: 'defensiveness',
    needs: ['about'],
    pattern: rx(
      `${B}what\\s+about\\s+(?:${you}(?=\\s*(?:$|[?!.])|\\s+(?:though|then|huh|hey)${E})|(?:when|the\\s+time|that\\s+time|all\\s+the\\s+times?)\\s+${you}${E})`,
    ),
    accept: (c) => !/,\s*$/.test(c.text.slice(Math.max(0, c.start - 20), c.start)),
    hint: 'Answering a complaint with one of your own is a counter-attack. Try hearing theirs out first; yours can come next.',
  },
  {
    id: 'wouldnt-have-if-you',
    kind: 'defensiveness',
    needs: ['if'],
    pattern: rx(`${B}i\\s+(?:wouldn't|would\\s+not|would\\s+never|never\\s+would)\\s+have\\s+[a-z]+${E}[^.!?]{0,30}?\\bif\\s+${you}${E}`),
  },
  {
    id: 'counter-complaint',
    kind: 'defensiveness',
    needs: ['but', 'same', 'too', 'one', 'better', 'perfect', 'talking', 'kettle'],
    pattern: rx(
      `${B}(?:(?:yes|yeah|yea|well),?\\s+but\\s+${you}|${you}\\s+(?:do|did)\\s+(?:the\\s+same(?:\\s+thing)?|it\\s+too|that\\s+too)|${youAreNotYour}\\s+(?:one\\s+to\\s+talk|no\\s+better|not\\s+(?:so\\s+)?perfect\\s+either)|look\\s+who's\\s+talking|pot,?\\s+kettle)${E}`,
    ),
    hint: 'Answering a complaint with one of your own is a counter-attack. Try hearing theirs out first; yours can come next.',
  },
  {
    id: 'did-nothing-wrong',
    kind: 'defensiveness',
    needs: ['anything', 'nothing', 'now', 'even', 'time'],
    pattern: rx(
      `${B}(?:i\\s+(?:didn't|did\\s+not|haven't|have\\s+not)\\s+(?:do|done)\\s+anything(?:\\s+wrong${E}|${CE})|i\\s+did\\s+nothing\\s+wrong${E}|what\\s+(?:did|have)\\s+i\\s+(?:even\\s+)?(?:do|done)\\s+(?:now|this\\s+time)${E}|what\\s+did\\s+i\\s+even\\s+do${E})`,
    ),
  },
  {
    id: 'just-joking',
    kind: 'defensiveness',
    needs: ['joking', 'kidding', 'teasing', 'messing', 'joke', 'calm', 'chill'],
    pattern: rx(
      `${B}(?:i\\s+was\\s+(?:just|only)\\s+(?:joking|kidding|teasing|messing)|it\\s+was\\s+(?:just|only)\\s+a\\s+joke|can't\\s+${you}\\s+take\\s+a\\s+joke)${E}|${CS}(?:just\\s+|oh\\s+)?(?:calm|chill)\\s+(?:down|out)${CE}`,
    ),
    hint: 'Brushing it off as a joke tells them their hurt is wrong. Try "I didn\'t mean it that way, and I\'m sorry it hurt."',
  },
  {
    id: 'at-least-i',
    kind: 'defensiveness',
    needs: ['least'],
    pattern: rx(`${B}at\\s+least\\s+i(?:\\s+|'m\\s+|\\s+am\\s+)(?:don't|didn't|do|not|never|wasn't|haven't|try|tried|bother|actually)${E}`),
  },
  {
    id: 'innocent-victim',
    kind: 'defensiveness',
    needs: ['existing', 'breathing', 'living', 'alive', 'opinion', 'feelings', 'guess', 'problem', 'one'],
    pattern: rx(
      `${B}(?:(?:sorry|excuse\\s+me|pardon\\s+me)\\s+for\\s+(?:existing|breathing|living|being\\s+alive|having\\s+(?:an\\s+opinion|feelings))|i\\s+guess\\s+i'm\\s+(?:just\\s+)?(?:a\\s+)?(?:terrible|horrible|awful|bad|the\\s+worst)|(?:i'm|i\\s+am)\\s+not\\s+the\\s+(?:problem|one\\s+(?:with\\s+the\\s+problem|who|that))|the\\s+problem\\s+(?:isn't|is\\s+not)\\s+me)${E}`,
    ),
  },
];

// ── Stonewalling ─────────────────────────────────────────────────────────────
// Shutting the conversation down or withdrawing. Gottman links it to
// physiological flooding; the healthy version is a break with a time to come
// back, so a message that promises to return is not flagged.

const STONEWALL_HINT = "Shutting down ends the talk. If you're overwhelmed, ask for a break and say when you'll come back.";

const STONEWALLING_RULES: Rule[] = [
  {
    id: 'whatever',
    kind: 'stonewalling',
    needs: ['whatever'],
    pattern: rx(
      `(?:${CS}|(?<=${B}(?:ok|okay|k|fine|yeah|sure|oh|well|so|yea|yep|meh|ugh)[,.]?\\s+))whatever(?=\\s*(?:$|[.!?,;\\u2026]|\\ud83d\\ude44)|\\s+(?:then|dude|man|i\\s+don't\\s+care|do\\s+what)${E})`,
    ),
    hint: '"Whatever" closes the door on the conversation. If you need a pause, say so and say when you\'ll be back.',
  },
  {
    id: 'im-done',
    kind: 'stonewalling',
    needs: ['done'],
    pattern: rx(
      `${B}(?:i'm|im|i\\s+am)\\s+(?:so\\s+|just\\s+|completely\\s+|totally\\s+|officially\\s+)?done(?:\\s+(?:talking|arguing|discussing|explaining|trying|listening)${E}|\\s+with\\s+(?:this\\s+conversation|this\\s+discussion|this\\s+argument|this\\s+relationship|this\\s+nonsense|this\\s+crap|all\\s+of\\s+this|all\\s+this|you|us|this|it)${CE})`,
    ),
    accept: notComingBack,
  },
  {
    id: 'im-done-bare',
    kind: 'stonewalling',
    needs: ['done'],
    pattern: rx(`${B}(?:i'm|im|i\\s+am)\\s+(?:so\\s+|just\\s+)?done(?=\\s*(?:$|[.!\\u2026]|\\ud83d\\ude44))`),
    accept: (c) => notComingBack(c) && !/finish|finally|yay|woo|\ud83c\udf89|\u2705|report|work|home/.test(c.text.slice(c.end, c.end + 300)),
  },
  {
    id: 'leave-me-alone',
    kind: 'stonewalling',
    needs: ['alone', 'hand', 'talking', 'speaking', 'talk', 'speak', 'la', 'ignoring', 'face', 'sight', 'end', 'over', 'done', 'care', 'yourself', 'nothing'],
    pattern: rx(
      `${B}(?:leave\\s+me\\s+alone|talk\\s+to\\s+the\\s+hand|i'm\\s+not\\s+(?:talking|speaking)\\s+to\\s+${you}|don't\\s+(?:talk|speak)\\s+to\\s+me(?!\\s+(?:like|in\\s+that|that\\s+way)${E})|la\\s+la\\s+la|i'm\\s+ignoring\\s+you|get\\s+out\\s+of\\s+my\\s+(?:face|sight)|end\\s+of\\s+(?:discussion|story|conversation)|(?:this|the)\\s+(?:conversation|discussion)\\s+is\\s+over|conversation\\s+over|(?:we're|we\\s+are)\\s+done\\s+here|i\\s+(?:couldn't|could)\\s+care\\s+less|talk\\s+to\\s+yourself|i\\s+have\\s+nothing\\s+(?:more\\s+)?to\\s+say(?:\\s+to\\s+${you})?|(?:there's|there\\s+is)\\s+nothing\\s+to\\s+(?:talk\\s+about|discuss)|nothing\\s+to\\s+discuss)${E}`,
    ),
    accept: notComingBack,
  },
  {
    id: 'im-not-listening',
    kind: 'stonewalling',
    needs: ['listening'],
    pattern: rx(`${B}i'm\\s+not\\s+listening${CE}`),
    accept: notComingBack,
  },
  {
    id: 'i-dont-care',
    kind: 'stonewalling',
    needs: ['care', 'cares'],
    pattern: rx(
      `${B}i\\s+(?:don't|do\\s+not|dont)\\s+(?:even\\s+)?care(?:\\s+(?:anymore|any\\s+more|what\\s+${you}\\s+(?:think|say|do|want|feel))${E}|${CE})|${B}who\\s+cares${CE}`,
    ),
    accept: (c) => !/^\s*,?\s*(?:either\s+way|really|honestly)/.test(c.text.slice(c.end, c.end + 30)),
    hint: '"I don\'t care" shuts them out. If you\'re worn out, say that instead; it invites care rather than distance.',
  },
  {
    id: 'forget-it',
    kind: 'stonewalling',
    needs: ['forget', 'away', 'bother', 'whatever', 'what'],
    pattern: rx(
      `${CS}(?:(?:just\\s+|oh,?\\s+|ugh,?\\s+)?forget\\s+it${E}|(?:just\\s+)?go\\s+away${CE}|(?:just\\s+|oh,?\\s+)?don't\\s+bother${CE}|(?:just\\s+|fine,?\\s+|go\\s+ahead,?\\s+(?:and\\s+)?)?do\\s+(?:whatever|what)\\s+${you}\\s+(?:want|like)${CE})`,
    ),
    accept: notComingBack,
  },
  {
    id: 'not-discussing-this',
    kind: 'stonewalling',
    needs: ['discussing', 'talking', 'talk', 'discuss', 'doing', 'having', 'hear', 'gonna'],
    pattern: rx(
      `${B}(?:(?:i'm|i\\s+am)\\s+not\\s+(?:discussing|talking\\s+about|going\\s+to\\s+(?:talk\\s+about|discuss)|gonna\\s+(?:talk\\s+about|discuss)|doing\\s+this|having\\s+this\\s+(?:conversation|discussion|argument))|i\\s+(?:don't|do\\s+not|dont)\\s+want\\s+to\\s+(?:talk|discuss|hear)(?:\\s+about)?|i\\s+(?:won't|will\\s+not)\\s+(?:talk|discuss))(?:\\s+(?:it|this|that))?${E}`,
    ),
    accept: notComingBack,
  },
  {
    id: 'i-give-up',
    kind: 'stonewalling',
    needs: ['give'],
    pattern: rx(`${B}i\\s+give\\s+up(?:${CE}|\\s+on\\s+(?:you|us|this|trying)${E})`),
    accept: notComingBack,
  },
];

export const RULES: readonly Rule[] = [
  ...CONTEMPT_RULES,
  ...CRITICISM_RULES,
  ...BLAME_RULES,
  ...DEFENSIVENESS_RULES,
  ...STONEWALLING_RULES,
  ...ABSOLUTE_RULES,
];

/** The hint shown when a rule has none of its own. */
export const DEFAULT_HINTS: Record<CoachMarkerKind, string> = {
  absolute: "'Always' and 'never' make it about who they are. Try naming one specific time.",
  criticism: CRITICISM_HINT,
  contempt: CONTEMPT_HINT,
  blame: 'Blame puts them on the defensive. Try saying how you felt and what you need.',
  defensiveness: 'Defending yourself can shut the talk down. Is there a small part of this you could own?',
  stonewalling: STONEWALL_HINT,
};
