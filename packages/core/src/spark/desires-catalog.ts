import { SPARK_LEVELS, type SparkLevel } from './consent.ts';

/**
 * The desire list (DESIGN §2 habit b3): ideas written for Hearth, each in a category
 * and at a level. Every couple is different; a yes here is an invitation to talk, never
 * a promise, and only what both said yes or maybe to is ever shown (blind matching,
 * decision 0011). Ids are stable forever — answers and match tokens are keyed by
 * them — so an idea is never renumbered or reused; retire one by removing it and
 * bumping DESIRES_VERSION.
 *
 * Each category keeps at least ten ideas at every level it appears at (checked in the
 * tests): the 90% rule withholds a category from someone who says yes to more than nine
 * in ten of it, and a small category would leave no room for honest answers.
 */
export const DESIRES_VERSION = 1;

/** Ideas use the consent model's comfort levels, gentlest first. */
export const DESIRE_LEVELS = SPARK_LEVELS;
export type DesireLevel = SparkLevel;

export const DESIRE_CATEGORIES = [
  { id: 'closeness', label: 'Closeness and cuddles', blurb: 'Warm, unhurried ways of being near each other.' },
  { id: 'attention', label: 'Words and attention', blurb: 'Feeling seen, wanted and told so.' },
  { id: 'flirting', label: 'Flirting and teasing', blurb: 'Playful sparks through the day.' },
  { id: 'mood', label: 'Setting the mood', blurb: 'Making time and space for intimacy.' },
  { id: 'exploring', label: 'Exploring together', blurb: 'New ways to enjoy each other, at your own pace.' },
  { id: 'imagination', label: 'Play and imagination', blurb: 'Fantasies, games and stories — talked through first.' },
] as const;
export type DesireCategoryId = (typeof DESIRE_CATEGORIES)[number]['id'];

export type Desire = {
  readonly id: string;
  readonly category: DesireCategoryId;
  readonly level: DesireLevel;
  readonly text: string;
};

const d = (id: string, category: DesireCategoryId, level: DesireLevel, text: string): Desire => ({ id, category, level, text });

export const DESIRES: readonly Desire[] = [
  d('desire-001', 'closeness', 'sweet', 'Falling asleep holding each other, for as long as it stays comfy'),
  d('desire-002', 'closeness', 'sweet', 'A lazy weekend morning in bed with nowhere to be'),
  d('desire-003', 'closeness', 'sweet', 'Long hugs at the door — for hello and for goodbye'),
  d('desire-004', 'closeness', 'sweet', 'Holding hands when we are out together'),
  d('desire-005', 'closeness', 'sweet', 'A slow dance in the living room, for no reason at all'),
  d('desire-006', 'closeness', 'sweet', 'Gentle shoulder or back rubs after a long day'),
  d('desire-007', 'closeness', 'sweet', 'Cuddling on the sofa with our phones in another room'),
  d('desire-008', 'closeness', 'sweet', 'Forehead kisses and other small, soft touches in passing'),
  d('desire-009', 'closeness', 'sweet', 'A warm bath or shower together, simply to unwind'),
  d('desire-010', 'closeness', 'sweet', 'Lying side by side, heads close, talking until late'),
  d('desire-011', 'closeness', 'sweet', 'Taking turns being the big spoon and the little spoon'),

  d('desire-012', 'attention', 'sweet', 'Hearing what you find attractive about me, in plain words'),
  d('desire-013', 'attention', 'sweet', 'A little note left where I will find it later'),
  d('desire-014', 'attention', 'sweet', 'Being told “I missed you” when we see each other again'),
  d('desire-015', 'attention', 'sweet', 'Compliments on how I look, said out loud'),
  d('desire-016', 'attention', 'sweet', 'Remembering together our favourite moments with each other'),
  d('desire-017', 'attention', 'sweet', 'A long kiss that does not need to lead anywhere'),
  d('desire-018', 'attention', 'sweet', 'Telling each other what makes us feel most loved and wanted'),
  d('desire-019', 'attention', 'sweet', 'A message in the middle of the day that says I am on your mind'),
  d('desire-020', 'attention', 'sweet', 'Getting ready for a date side by side and admiring each other'),
  d('desire-021', 'attention', 'sweet', 'Saying thank you for small touches and kindnesses'),
  d('desire-022', 'attention', 'sweet', 'Asking each other “what would feel good right now?”'),

  d('desire-023', 'flirting', 'flirty', 'Flirting with me across a room as if we had only just met'),
  d('desire-024', 'flirting', 'flirty', 'Playful, teasing messages during the day'),
  d('desire-025', 'flirting', 'flirty', 'A wink or a secret signal only the two of us understand'),
  d('desire-026', 'flirting', 'flirty', 'Dressing up for each other, just to be looked at'),
  d('desire-027', 'flirting', 'flirty', 'A stolen kiss somewhere unexpected — a doorway, a lift, a quiet path'),
  d('desire-028', 'flirting', 'flirty', 'Hearing, in a little detail, what you are looking forward to later'),
  d('desire-029', 'flirting', 'flirty', 'Pretending to meet for the first time at a bar or café'),
  d('desire-030', 'flirting', 'flirty', 'Something flirty whispered in my ear when others are around'),
  d('desire-031', 'flirting', 'flirty', 'Swapping cheeky (not explicit) photos that stay between us'),
  d('desire-032', 'flirting', 'flirty', 'A long make-out session on the sofa, like teenagers'),
  d('desire-033', 'flirting', 'flirty', 'A playful chase around the house that ends in laughter'),

  d('desire-034', 'mood', 'flirty', 'Candles, music and a tidy bedroom, planned ahead'),
  d('desire-035', 'mood', 'flirty', 'A massage with warm oil, taking turns'),
  d('desire-036', 'mood', 'flirty', 'Putting an evening for us in the diary and looking forward to it all day'),
  d('desire-037', 'mood', 'flirty', 'A night away somewhere new, just the two of us'),
  d('desire-038', 'mood', 'flirty', 'Undressing each other slowly'),
  d('desire-039', 'mood', 'flirty', 'Showering together with the lights low'),
  d('desire-040', 'mood', 'flirty', 'Making a playlist together for our intimate time'),
  d('desire-041', 'mood', 'flirty', 'New nightwear or underwear, picked for how it feels'),
  d('desire-042', 'mood', 'flirty', 'Talking about what we would like more of, somewhere relaxed'),
  d('desire-043', 'mood', 'flirty', 'A no-phones, no-rush evening where anything or nothing can happen'),
  d('desire-044', 'mood', 'flirty', 'A long, slow build-up before anything else'),

  d('desire-045', 'exploring', 'spicy', 'Trying a new position together, and laughing if it does not work'),
  d('desire-046', 'exploring', 'spicy', 'Showing each other exactly how we like to be touched'),
  d('desire-047', 'exploring', 'spicy', 'A blindfold, and guessing what comes next'),
  d('desire-048', 'exploring', 'spicy', 'One of us taking the lead for a whole evening, then swapping'),
  d('desire-049', 'exploring', 'spicy', 'Intimacy in the morning before the day begins'),
  d('desire-050', 'exploring', 'spicy', 'Trying a toy that we choose together'),
  d('desire-051', 'exploring', 'spicy', 'Being intimate somewhere at home other than the bedroom'),
  d('desire-052', 'exploring', 'spicy', 'Taking turns where one of us only receives'),
  d('desire-053', 'exploring', 'spicy', 'Playing with sensations: ice, warmth, a feather'),
  d('desire-054', 'exploring', 'spicy', 'A quick, spontaneous moment when the timing is right'),
  d('desire-055', 'exploring', 'spicy', 'Saying out loud what feels good while it is happening'),

  d('desire-056', 'imagination', 'spicy', 'Sharing a fantasy out loud, with no obligation to act on it'),
  d('desire-057', 'imagination', 'spicy', 'Light role-play with characters we invent together'),
  d('desire-058', 'imagination', 'spicy', 'Gentle restraint, such as held wrists, with a safe word agreed first'),
  d('desire-059', 'imagination', 'spicy', 'Reading something sensual aloud to each other'),
  d('desire-060', 'imagination', 'spicy', 'A steamy message that says what I would like tonight'),
  d('desire-061', 'imagination', 'spicy', 'Watching something sensual together that we both chose'),
  d('desire-062', 'imagination', 'spicy', 'A game of dares where any dare can be skipped'),
  d('desire-063', 'imagination', 'spicy', 'Being teased and made to wait'),
  d('desire-064', 'imagination', 'spicy', 'Each writing a wish list for one night, and picking from the other’s'),
  d('desire-065', 'imagination', 'spicy', 'A hotel night with a plan we made together and keep to ourselves'),
  d('desire-066', 'imagination', 'spicy', 'Talking through limits and hopes before trying something new, and again after'),
];
