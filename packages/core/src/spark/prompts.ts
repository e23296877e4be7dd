import type { SparkLevel } from './consent.ts';

/**
 * Flirty message prompts, written for Hearth. Each is a starting point the sender can
 * send as is or make their own; none assumes gender, bodies, living together or who
 * does what. Spicy ones are openly desiring but never graphic, and never pressure:
 * they invite, and "not tonight" is always a fine answer.
 *
 * Each prompt has a comfort level (never suggested above the couple's effective level)
 * and a kind, which is what "not my thing" steers away from (decision 0034).
 *
 * Versioned data: an id keeps its meaning for ever (a sent message records which
 * prompt it came from), so prompts are only added or lightly reworded, never renumbered.
 * Bump SPARK_PROMPTS_VERSION on any change.
 */
export const SPARK_PROMPTS_VERSION = 1;

export const SPARK_PROMPT_KINDS = ['compliment', 'memory', 'missing-you', 'playful', 'anticipation', 'invitation', 'desire'] as const;
export type SparkPromptKind = (typeof SPARK_PROMPT_KINDS)[number];

export const SPARK_PROMPT_KIND_LABELS: Readonly<Record<SparkPromptKind, string>> = {
  compliment: 'A compliment',
  memory: 'A memory',
  'missing-you': 'Missing you',
  playful: 'Playful',
  anticipation: 'Something to look forward to',
  invitation: 'An invitation',
  desire: 'Desire',
};

export type SparkPrompt = {
  readonly id: string;
  readonly level: SparkLevel;
  readonly kind: SparkPromptKind;
  readonly text: string;
};

type Row = readonly [id: string, kind: SparkPromptKind, text: string];

const SWEET: readonly Row[] = [
  ['sweet-smile-today', 'compliment', 'I caught myself smiling about you in the middle of something completely boring.'],
  ['sweet-laugh', 'compliment', 'Your laugh is still my favourite sound. Just so you know.'],
  ['sweet-kind-thing', 'compliment', 'I keep thinking about how kind you were when… (fill in a small moment from this week)'],
  ['sweet-proud', 'compliment', "I'm quietly proud of you today, for reasons you probably didn't notice."],
  ['sweet-looked-good', 'compliment', 'You looked really good this morning. I should have said it out loud.'],
  ['sweet-safe', 'compliment', 'Being around you makes the day feel lighter.'],
  ['sweet-lucky', 'compliment', 'Random thought: I got lucky with you.'],
  ['sweet-hands', 'compliment', 'I like your hands. That is the whole message.'],
  ['sweet-first-noticed', 'memory', 'Do you remember the first thing you noticed about me? I remember mine about you.'],
  ['sweet-first-date', 'memory', 'I was thinking about our first proper date and how nervous I was.'],
  ['sweet-that-trip', 'memory', 'That trip when everything went wrong and we still laughed the whole way home: one of my favourites.'],
  ['sweet-song', 'memory', 'A song came on that reminded me of you. Guess which one.'],
  ['sweet-photo', 'memory', 'Found an old photo of us in my head today. We looked so young and so sure.'],
  ['sweet-first-kiss', 'memory', 'Our first kiss crossed my mind today. I still remember where we were standing.'],
  ['sweet-thinking', 'missing-you', 'Thinking of you. No reason, no agenda.'],
  ['sweet-miss-voice', 'missing-you', 'I miss your voice. Tell me one thing about your day tonight?'],
  ['sweet-come-home', 'missing-you', 'Counting down until I see you again.'],
  ['sweet-seat', 'missing-you', 'There is a seat next to me that is clearly meant for you.'],
  ['sweet-wish-here', 'missing-you', 'Saw something today you would have loved. Wished you were here to see it.'],
  ['sweet-emoji-hug', 'playful', 'This message is a hug. You may collect it in person later.'],
  ['sweet-coupon', 'playful', 'Redeemable tonight: one foot rub, no questions asked.'],
  ['sweet-rate', 'playful', 'On a scale from one to you, how is your day going?'],
  ['sweet-guess', 'playful', 'Guess what I am thinking about. (Hint: it is you.)'],
  ['sweet-nickname', 'playful', 'I have a new nickname for you. You will have to wait to hear it.'],
  ['sweet-tonight-tea', 'anticipation', 'Tonight: tea, blanket, you. That is the plan.'],
  ['sweet-weekend', 'anticipation', 'I am looking forward to doing absolutely nothing with you this weekend.'],
  ['sweet-hold-hands', 'anticipation', 'First thing when I see you: holding your hand. Consider yourself warned.'],
  ['sweet-cook', 'anticipation', "I'm making something nice tonight. Come hungry."],
  ['sweet-walk', 'invitation', 'Walk with me after dinner? Just us, no phones.'],
  ['sweet-dance', 'invitation', 'Kitchen dance later? I will pick the song.'],
  ['sweet-early-night', 'invitation', 'Early night together, just to talk and be close?'],
  ['sweet-breakfast', 'invitation', 'Breakfast in bed this weekend. You only need to say yes.'],
  ['sweet-close', 'desire', 'I want to be close to you tonight. Just close.'],
  ['sweet-kiss-later', 'desire', 'Saving a long kiss for you for later.'],
  ['sweet-arms', 'desire', 'I would really like to fall asleep in your arms tonight.'],
  ['sweet-cuddle', 'desire', 'Cuddle later? I have been thinking about it all afternoon.'],
];

const FLIRTY: readonly Row[] = [
  ['flirty-distracting', 'compliment', 'You are very distracting, even when you are not here.'],
  ['flirty-that-look', 'compliment', 'That look you gave me this morning? It is still working.'],
  ['flirty-outfit', 'compliment', 'Whatever you wore today, it should be illegal to look that good at a normal time of day.'],
  ['flirty-voice', 'compliment', 'Your voice on the phone earlier did something to me.'],
  ['flirty-attractive', 'compliment', 'Just a reminder that I find you ridiculously attractive.'],
  ['flirty-confident', 'compliment', 'There is something about you when you are confident. I noticed. I am still noticing.'],
  ['flirty-that-night', 'memory', 'I keep replaying a certain evening of ours. You know the one.'],
  ['flirty-first-touch', 'memory', 'I still remember the first time you touched my hand on purpose.'],
  ['flirty-almost-missed', 'memory', 'Remember when we almost missed the train because we could not stop kissing?'],
  ['flirty-caught-looking', 'memory', 'Remember when I caught you looking at me across the room? I liked it then and I like it now.'],
  ['flirty-miss-you-close', 'missing-you', 'I miss you in the specific way where I want you right next to me.'],
  ['flirty-counting', 'missing-you', 'Counting the hours. It is more than I would like.'],
  ['flirty-bed-cold', 'missing-you', 'The bed is far too big without you in it.'],
  ['flirty-cant-focus', 'missing-you', 'Trying to focus. Failing. You are to blame.'],
  ['flirty-wink', 'playful', 'I had a thought about you just now and I am not telling you what it was. Yet.'],
  ['flirty-secret', 'playful', 'I have a secret plan for tonight. Clues will be given in person.'],
  ['flirty-dare', 'playful', 'Dare: kiss me the second you walk in, before saying hello.'],
  ['flirty-three-words', 'playful', 'Describe tonight in three words. I will go first: you, me, slow.'],
  ['flirty-trouble', 'playful', 'Warning: I am in a flirty mood and you are the only target.'],
  ['flirty-question', 'playful', 'I have a question for you tonight, and the right answer is a kiss.'],
  ['flirty-later', 'anticipation', 'Later, I am going to kiss you like we have nowhere to be.'],
  ['flirty-door', 'anticipation', 'When you get home, do not take your coat off too quickly. I want to do it.'],
  ['flirty-tonight-you', 'anticipation', 'Tonight I would like your full attention. I will make it worth it.'],
  ['flirty-shower', 'anticipation', 'Thinking about a long shower later. Room for two.'],
  ['flirty-date-night', 'invitation', 'Date night, just us. Dress up a little? I will too.'],
  ['flirty-massage', 'invitation', 'Offer of the day: a proper massage tonight. Take your time saying yes.'],
  ['flirty-bath', 'invitation', 'Run a bath with me tonight? Candles optional, you mandatory.'],
  ['flirty-stay-in', 'invitation', 'Let us cancel the evening and stay in. I have ideas.'],
  ['flirty-kiss-neck', 'desire', 'I keep thinking about kissing your neck.'],
  ['flirty-pull-close', 'desire', 'I want to pull you close and not let go for a while.'],
  ['flirty-want-you', 'desire', 'Honestly? I want you. That is the message.'],
  ['flirty-your-lips', 'desire', 'Your lips have been on my mind all afternoon.'],
];

const SPICY: readonly Row[] = [
  ['spicy-effect', 'compliment', 'You have no idea what you do to me. Or maybe you do.'],
  ['spicy-body', 'compliment', 'I love your body, every part of it, and I would like to tell you so in person.'],
  ['spicy-when-you-want', 'compliment', 'Nothing is as attractive as you when you know exactly what you want.'],
  ['spicy-irresistible', 'compliment', 'You were irresistible last time and I have been thinking about it since.'],
  ['spicy-last-time', 'memory', 'I keep remembering last time. The details are not safe for this message.'],
  ['spicy-that-thing', 'memory', 'That thing you did last time? Do it again. Soon.'],
  ['spicy-best-night', 'memory', 'Our best night together has competition. I would like to try for a new record.'],
  ['spicy-morning-memory', 'memory', 'That lazy morning when neither of us got up until noon: I want another one.'],
  ['spicy-ache', 'missing-you', 'I miss you in a way that is very much not just emotional.'],
  ['spicy-hands-on-you', 'missing-you', 'I miss having my hands on you.'],
  ['spicy-restless', 'missing-you', 'Restless without you tonight. You know what I am thinking about.'],
  ['spicy-naughty-list', 'playful', 'I am writing a list of things I want to do to you tonight. It is getting long.'],
  ['spicy-guess-plans', 'playful', 'Guess what I am planning for later. You get three guesses and one of them is right.'],
  ['spicy-rules', 'playful', 'New rule for tonight: you are not allowed to rush.'],
  ['spicy-choose', 'playful', 'Tonight you choose: slow or not-so-slow. Either way, you win.'],
  ['spicy-blush', 'playful', 'I would tell you what I am thinking, but you would blush in public.'],
  ['spicy-tonight-mine', 'anticipation', 'Tonight you are mine. Clear your evening.'],
  ['spicy-undress', 'anticipation', 'I am looking forward to undressing you, one thing at a time.'],
  ['spicy-all-day', 'anticipation', 'I have been thinking about tonight since this morning. Get home safe and soon.'],
  ['spicy-take-time', 'anticipation', 'Later I want to take my time with you. All of it.'],
  ['spicy-bedroom', 'invitation', 'Meet me in the bedroom at nine? Bring nothing but yourself.'],
  ['spicy-try-new', 'invitation', 'There is something new I would like to try with you. Can I tell you about it tonight?'],
  ['spicy-your-turn', 'invitation', 'Tonight is about you. Tell me what you want and I will listen.'],
  ['spicy-no-sleep', 'invitation', 'Fancy an early night where we do not get much sleep?'],
  ['spicy-want-you-now', 'desire', 'I want you. Not later. Well, later is fine. But I want you.'],
  ['spicy-touch', 'desire', 'I cannot stop thinking about touching you.'],
  ['spicy-taste', 'desire', 'I am thinking about kissing you everywhere I am allowed to.'],
  ['spicy-tell-me', 'desire', 'Tell me one thing you want tonight, and I will tell you one of mine.'],
];

const build = (level: SparkLevel, rows: readonly Row[]): SparkPrompt[] => rows.map(([id, kind, text]) => ({ id, level, kind, text }));

export const SPARK_PROMPTS: readonly SparkPrompt[] = [...build('sweet', SWEET), ...build('flirty', FLIRTY), ...build('spicy', SPICY)];

const BY_ID = new Map(SPARK_PROMPTS.map((p) => [p.id, p]));

export function sparkPromptById(id: string): SparkPrompt | undefined {
  return BY_ID.get(id);
}
