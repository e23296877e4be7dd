/**
 * Affection prompts for nudges, written for Hearth. Small, concrete and kind: a touch
 * that takes seconds, asks nothing back, and works for any couple (no assumptions
 * about gender, height, who leaves for work, or living together). Some are for
 * partners who are apart, because distance should not switch the practice off.
 *
 * Versioned data: an id keeps its meaning for ever (the app records which prompt a
 * nudge carried), so prompts are only added or lightly reworded, never renumbered.
 * Retire one by listing it in TOUCH_RETIRED_IDS. Bump TOUCH_CATALOG_VERSION on any change.
 */

export const TOUCH_CATALOG_VERSION = 1;

/**
 * When a prompt fits: at the start of the day, in passing (the "on the way past" of
 * habit b1), in the evening together, or while apart.
 */
export const TOUCH_MOMENTS = ['morning', 'passing-by', 'evening', 'apart'] as const;
export type TouchMoment = (typeof TOUCH_MOMENTS)[number];

export type TouchPrompt = {
  readonly id: string;
  readonly moments: readonly TouchMoment[];
  readonly text: string;
};

/** Ids no longer offered (kept so an old nudge can still show its text). */
export const TOUCH_RETIRED_IDS: readonly string[] = [];

type Row = readonly [id: string, moments: readonly TouchMoment[], text: string];

const M = 'morning';
const P = 'passing-by';
const E = 'evening';
const A = 'apart';

const ROWS: readonly Row[] = [
  // Morning: the day's first contact sets its tone.
  ['hug-before-work', [M], 'A 20-second hug before the day pulls you apart. Long enough to feel it.'],
  ['good-morning-kiss', [M], 'A good-morning kiss before anyone looks at a phone.'],
  ['stay-one-more-minute', [M], 'Stay in bed one more minute, close, before getting up.'],
  ['hand-on-shoulder-coffee', [M], 'Bring them a drink and rest a hand on their shoulder as you put it down.'],
  ['forehead-kiss-goodbye', [M], 'A kiss on the forehead as one of you heads out.'],
  ['hold-hands-breakfast', [M], 'Hold hands across the table for a moment at breakfast.'],
  ['warm-hands', [M, E], 'Take their hands in yours and warm them up.'],
  ['doorway-hug', [M, E], 'Stop in the doorway for a hug, hello or goodbye.'],
  ['fix-their-collar', [M], 'Straighten their collar or hair, and let your hand stay a second longer.'],
  ['morning-back-rub', [M], 'A slow back rub while they wake up.'],
  ['wake-up-cuddle', [M], 'Wake them (or yourself) with a cuddle instead of an alarm tone.'],
  ['hug-from-behind-kitchen', [M, P], 'Wrap your arms around them from behind while they make something.'],
  ['goodbye-three-seconds', [M], 'Make the goodbye kiss last three seconds instead of one.'],
  ['hold-face', [M, E], 'Hold their face in both hands and say one kind thing.'],

  // Passing by: small touches on the way past (habit b1).
  ['small-of-back', [P], 'A hand on the small of their back as you pass.'],
  ['shoulder-squeeze', [P], 'Squeeze their shoulder on your way past.'],
  ['kiss-top-of-head', [P], 'A kiss on the top of their head while they sit.'],
  ['brush-hands', [P], 'Let your hand brush theirs when you hand something over.'],
  ['quick-squeeze-hand', [P], 'Find their hand and give it three quick squeezes.'],
  ['cheek-kiss-passing', [P], 'A kiss on the cheek, for no reason, on your way through.'],
  ['hand-on-arm-talking', [P], 'Rest a hand on their arm while you talk to them.'],
  ['hold-hands-walk', [P], 'Hold hands on the walk, even a short one.'],
  ['sit-touching', [P, E], 'Sit close enough that your shoulders or knees touch.'],
  ['hug-hello', [P], 'A proper hug when you see each other again, before anything else.'],
  ['neck-rub-thirty', [P], 'Thirty seconds of neck and shoulder rub while they work.'],
  ['hand-in-pocket', [P], 'Slip your hand into theirs (or their coat pocket) while you are out.'],
  ['twirl-kitchen', [P], 'Take their hand and turn them once around the kitchen.'],
  ['lean-on-them', [P], 'Lean into them for a moment while you stand together.'],
  ['high-five-hold', [P], 'A high five that turns into holding hands.'],
  ['fingers-through-hair', [P, E], 'Run your fingers through their hair for a moment.'],
  ['hug-while-cooking', [P, E], 'Step in for a hug while you cook or clean up.'],
  ['arm-around-waiting', [P], 'Put an arm around them while you wait somewhere together.'],
  ['slow-dance-ten', [P, E], 'Ten seconds of slow dance, music or not.'],
  ['tap-and-smile', [P], 'A tap on the arm and a smile across the room when they look up.'],
  ['gentle-touch-ask', [P, E], 'Ask what kind of touch they would like right now, and give them that.'],

  // Evening: winding down together.
  ['feet-in-lap', [E], 'Put their feet in your lap on the sofa, or ask for yours to be there.'],
  ['hand-massage', [E], 'Give them a two-minute hand massage, one palm at a time.'],
  ['hug-when-home', [E], 'A six-second hug when you are both home, before talking about the day.'],
  ['spoon-before-sleep', [E], 'A few minutes of lying close before you sleep, however you like to lie.'],
  ['head-on-shoulder', [E], 'Rest your head on their shoulder while you watch or read.'],
  ['scalp-rub', [E], 'A slow scalp rub while you talk about the day.'],
  ['goodnight-kiss-slow', [E], 'A slow goodnight kiss, not a quick one.'],
  ['hold-hands-falling-asleep', [E], 'Fall asleep holding hands, or with a hand on them.'],
  ['back-scratch', [E], 'Offer a back scratch. Ask where.'],
  ['blanket-share', [E], 'Share one blanket tonight.'],
  ['shoulder-rub-after-day', [E], 'Rub their shoulders after a long day, no questions asked.'],
  ['trace-letters', [E], 'Trace a word on their back with a finger; they guess it.'],
  ['breathing-together', [E], 'Lie close and breathe slowly together for a minute.'],
  ['hug-after-hard-talk', [E], 'After a hard conversation, a hug to say we are still us.'],
  ['bath-or-foot-soak', [E], 'Run them a warm bath or a foot soak, and sit with them a while.'],

  // Apart: affection across distance, with nothing explicit.
  ['send-hug-message', [A], 'Send a message that says: saving a long hug for when I see you.'],
  ['photo-of-your-hand', [A], 'Send a photo of your hand, open, waiting for theirs.'],
  ['voice-note-goodnight', [A, E], 'Send a short voice note to say goodnight.'],
  ['describe-the-hug', [A], 'Tell them exactly how you will hug them when you next meet.'],
  ['wear-their-sweater', [A], 'Wear something of theirs today and tell them.'],
  ['call-while-walking', [A], 'Call them on a walk so you are out together, in a way.'],
  ['same-song', [A], 'Send a song and listen to it at the same time.'],
  ['thinking-of-you-photo', [A, P], 'Send a photo of something that made you think of them.'],
  ['plan-first-touch', [A], 'Plan the first thing you will do together when you are back in one place.'],
  ['video-hand-to-screen', [A, E], 'On a video call, put your hand to the screen and let them match it.'],
  ['morning-message-touch', [A, M], 'Send a good-morning message naming where your hand would be: on theirs.'],
  ['note-for-later', [A, M], 'Leave a note in their bag or on their phone for later in the day.'],
  ['count-down-hug', [A], 'Tell them how many days until the next hug.'],
  ['share-your-view', [A, P], 'Send a photo of what you are looking at right now, with a wish they were there.'],
];

export const TOUCH_PROMPTS: readonly TouchPrompt[] = ROWS.map(([id, moments, text]) => ({ id, moments, text }));
