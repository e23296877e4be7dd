import type { PlateArea, SupportWish } from './bodies.ts';

/** Words for the screens, kept next to the rules so both partners' apps say the same. Written for Hearth. */

export const PLATE_AREA_LABEL: Record<PlateArea, string> = {
  work: 'Work',
  health: 'Health',
  family: 'Family',
  loss: 'Loss',
  other: 'Something else',
};

export const SUPPORT_WISH_LABEL: Record<SupportWish, string> = {
  comfort: 'Comfort (just listen)',
  encouragement: 'Encouragement',
  advice: 'Advice',
  practical: 'Practical help',
};

/** How the partner is told what is wished for: a short, plain request. */
export const SUPPORT_WISH_ASK: Record<SupportWish, string> = {
  comfort: 'just listen and be there',
  encouragement: 'some encouragement',
  advice: 'your thoughts on what to do',
  practical: 'a hand with something practical',
};

export const WEIGHT_LABEL: Record<number, string> = {
  1: 'Light',
  2: 'Noticeable',
  3: 'Heavy',
  4: 'Very heavy',
  5: 'Overwhelming',
};

/** Starting points for a thank-you, for the days the words won't come. */
export const THANKS_STARTERS = [
  'Thank you for making me laugh when',
  'Thank you for taking care of',
  'Thank you for listening when',
  'Thank you for noticing',
  'Thank you for being patient with me about',
  'Thank you for the little thing you did:',
] as const;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const WEEKLY_PROMPT = 'What did they do this week that you appreciated?';
