/**
 * The words a check-in is made of (DESIGN §2, practice 1): a five-point mood scale
 * with a word for each point, a catalog of feeling words grouped by family, and
 * suggestions for "I need…". Written for Hearth: plain, everyday words a tired
 * person can pick in a few seconds, pleasant and unpleasant alike, with no family
 * ranked above another.
 */

export type MoodLevel = 1 | 2 | 3 | 4 | 5;

export type Mood = {
  readonly value: MoodLevel;
  /** The word shown and read out; the emoji only decorates it. */
  readonly word: string;
  readonly emoji: string;
};

export const MOODS: readonly Mood[] = [
  { value: 1, word: 'Rough', emoji: '😣' },
  { value: 2, word: 'Low', emoji: '😔' },
  { value: 3, word: 'Okay', emoji: '😐' },
  { value: 4, word: 'Good', emoji: '🙂' },
  { value: 5, word: 'Great', emoji: '😄' },
];

/** The word for a mood value; numbers outside the scale get a neutral fallback rather than a crash. */
export function moodWord(value: number): string {
  return MOODS.find((m) => m.value === value)?.word ?? 'Unknown mood';
}

export function moodEmoji(value: number): string {
  return MOODS.find((m) => m.value === value)?.emoji ?? '';
}

export type FeelingFamily = {
  /** Stable key for ids and tests. */
  readonly id: string;
  /** Shown as the group's legend. */
  readonly name: string;
  readonly words: readonly string[];
};

export const FEELING_FAMILIES: readonly FeelingFamily[] = [
  { id: 'joy', name: 'Joy', words: ['happy', 'cheerful', 'playful', 'excited', 'proud', 'grateful', 'delighted'] },
  { id: 'calm', name: 'Calm', words: ['calm', 'relaxed', 'content', 'at ease', 'settled', 'relieved', 'safe'] },
  { id: 'love', name: 'Love', words: ['loving', 'close', 'tender', 'affectionate', 'appreciated', 'cared for', 'connected'] },
  { id: 'hope', name: 'Hope', words: ['hopeful', 'optimistic', 'encouraged', 'curious', 'motivated', 'inspired'] },
  { id: 'sadness', name: 'Sadness', words: ['sad', 'down', 'lonely', 'disappointed', 'homesick', 'heavy-hearted', 'grieving'] },
  { id: 'worry', name: 'Fear and worry', words: ['worried', 'anxious', 'nervous', 'scared', 'insecure', 'uneasy', 'on edge'] },
  { id: 'anger', name: 'Anger and frustration', words: ['frustrated', 'irritated', 'annoyed', 'angry', 'resentful', 'impatient', 'fed up'] },
  { id: 'hurt', name: 'Hurt', words: ['hurt', 'let down', 'left out', 'unappreciated', 'misunderstood', 'rejected', 'ignored'] },
  { id: 'tired', name: 'Tired', words: ['tired', 'drained', 'worn out', 'sleepy', 'burnt out', 'flat'] },
  { id: 'stress', name: 'Stress', words: ['stressed', 'overwhelmed', 'busy', 'pressured', 'scattered', 'stretched thin'] },
  { id: 'unsure', name: 'Unsure', words: ['confused', 'torn', 'restless', 'distracted', 'numb', 'unsure'] },
];

/** Every feeling word, in catalog order. */
export const FEELING_WORDS: readonly string[] = FEELING_FAMILIES.flatMap((f) => f.words);

/** The family a word belongs to, or null for a word not in the catalog (an older or edited check-in). */
export function familyOf(word: string): FeelingFamily | null {
  return FEELING_FAMILIES.find((f) => f.words.includes(word)) ?? null;
}

/**
 * The dozen words offered first once a mood is chosen (issue 19: a check-in in four
 * taps), the rest one tap away under "More feelings". Each list leans to the mood but
 * keeps a few words from the other side, because a good day can still be tiring and a
 * rough one can still hold something tender. Every word is from the catalog above.
 */
const FEELINGS_BY_MOOD: Readonly<Record<MoodLevel, readonly string[]>> = {
  1: ['overwhelmed', 'hurt', 'sad', 'anxious', 'frustrated', 'drained', 'lonely', 'let down', 'angry', 'numb', 'worn out', 'scared'],
  2: ['down', 'tired', 'sad', 'worried', 'disappointed', 'lonely', 'stressed', 'flat', 'misunderstood', 'irritated', 'unsure', 'heavy-hearted'],
  3: ['calm', 'tired', 'busy', 'content', 'distracted', 'restless', 'settled', 'curious', 'unsure', 'stretched thin', 'hopeful', 'relaxed'],
  4: ['content', 'calm', 'relaxed', 'hopeful', 'connected', 'grateful', 'close', 'happy', 'curious', 'relieved', 'appreciated', 'tired'],
  5: ['happy', 'excited', 'grateful', 'loving', 'close', 'proud', 'playful', 'delighted', 'connected', 'inspired', 'appreciated', 'safe'],
};

/** The words to offer first for a mood; any number off the scale gets the middle mood's. */
export function feelingsForMood(mood: number): readonly string[] {
  return mood === 1 || mood === 2 || mood === 3 || mood === 4 || mood === 5 ? FEELINGS_BY_MOOD[mood] : FEELINGS_BY_MOOD[3];
}

/** A check-in names one to three feelings. */
export const MAX_FEELINGS = 3;

/** Offered under "I need…"; each completes the sentence. The person can always write their own. */
export const NEED_SUGGESTIONS: readonly string[] = [
  'a hug',
  'time to talk',
  'some quiet',
  'a quiet evening',
  'an early night',
  'help with the chores',
  'help with dinner',
  'to be listened to, not fixed',
  'some encouragement',
  'time together',
  'time on my own',
  'a walk outside',
  'patience with me today',
  'nothing right now, just to say how I am',
];
