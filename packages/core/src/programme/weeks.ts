/**
 * What each person does in the app, as far as the programme cares. `activityOf` reads
 * these from decrypted items; the touch screen's record adds `touch-done`.
 */
export const ACTIVITY_TYPES = [
  'checkin',
  'question-answer',
  'talk-side',
  'date-planned',
  'first-first',
  'plan-kept',
  'ritual-planned',
  'touch-on',
  'touch-done',
  'thanks',
  'plate',
  'win',
  'spark-message',
  'desires',
  'rhythm-band',
  'idea',
  'pulse',
  'pulse-shared',
  'shared-note',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type ExerciseRule = {
  /** Any of these counts. */
  readonly activities: readonly ActivityType[];
  /** How many are needed. */
  readonly count: number;
  /** Whether they must fall on different days (in the person's time zone). */
  readonly distinctDays?: boolean;
  /** A couple's act (a date they plan together): either partner's counts for both. */
  readonly eitherPartner?: boolean;
};

export type Exercise = {
  readonly id: string;
  readonly title: string;
  /** For someone whose partner has not joined Hearth yet. */
  readonly soloTitle: string;
  /** Where in the app it is done: one tap. */
  readonly href: string;
  readonly rule: ExerciseRule;
  /** The solo variant's rule, when it differs. */
  readonly soloRule?: ExerciseRule;
};

export type ProgrammeWeek = {
  readonly week: number;
  readonly title: string;
  readonly exercises: readonly [Exercise, Exercise, Exercise];
};

const once = (...activities: ActivityType[]): ExerciseRule => ({ activities, count: 1 });

/**
 * The method in order (DESIGN §2), one practice a week. Exercises use the modules that
 * exist, and each completes itself when the couple's items show it happened.
 */
export const PROGRAMME_WEEKS: readonly ProgrammeWeek[] = [
  {
    week: 1,
    title: 'Talk without blame',
    exercises: [
      { id: 'w1-checkin', title: 'Check in with how you are', soloTitle: 'Check in with how you are', href: '/app/talk/check-in', rule: once('checkin') },
      { id: 'w1-question', title: 'Answer the daily question', soloTitle: 'Answer the daily question for yourself', href: '/app/talk/question', rule: once('question-answer') },
      { id: 'w1-talk', title: 'Talk one small topic through', soloTitle: 'Write your side of one small topic', href: '/app/talk/topics', rule: once('talk-side') },
    ],
  },
  {
    week: 2,
    title: 'Time together and first firsts',
    exercises: [
      { id: 'w2-date', title: 'Plan one date', soloTitle: 'Plan a date to suggest', href: '/app/together/dates/new', rule: { ...once('date-planned'), eitherPartner: true } },
      { id: 'w2-first', title: 'Try one first first', soloTitle: 'Note a first first you would like to try', href: '/app/together/firsts', rule: { ...once('first-first'), eitherPartner: true } },
      {
        id: 'w2-ritual',
        title: 'Keep your ritual once',
        soloTitle: 'Plan a small ritual',
        href: '/app/together',
        rule: { ...once('plan-kept'), eitherPartner: true },
        soloRule: once('ritual-planned', 'plan-kept'),
      },
    ],
  },
  {
    week: 3,
    title: 'Touch through the day',
    exercises: [
      { id: 'w3-nudges-on', title: 'Turn on touch nudges', soloTitle: 'Turn on touch nudges', href: '/app/touch', rule: once('touch-on') },
      { id: 'w3-three-days', title: 'Act on a nudge on three days', soloTitle: 'Act on a nudge on three days', href: '/app/touch', rule: { activities: ['touch-done'], count: 3, distinctDays: true } },
      { id: 'w3-say-it', title: 'Say in a check-in what touch you would like more of', soloTitle: 'Note in a check-in what touch you would like more of', href: '/app/talk/check-in', rule: once('checkin') },
    ],
  },
  {
    week: 4,
    title: 'Support and appreciation',
    exercises: [
      { id: 'w4-thanks', title: 'Say thank you three times', soloTitle: 'Write down three thank-yous', href: '/app/support/thanks', rule: { activities: ['thanks'], count: 3 } },
      { id: 'w4-plate', title: "Share what's on your plate", soloTitle: "Write down what's on your plate", href: '/app/support/plate', rule: once('plate') },
      { id: 'w4-win', title: "Share a win or celebrate your partner's", soloTitle: 'Note one win of your week', href: '/app/support/wins', rule: once('win') },
    ],
  },
  {
    week: 5,
    title: 'Desire and flirting',
    exercises: [
      { id: 'w5-message', title: 'Send one flirty message', soloTitle: 'Send one flirty message', href: '/app/spark', rule: once('spark-message') },
      { id: 'w5-desires', title: 'Fill in your private desire list', soloTitle: 'Fill in your private desire list', href: '/app/spark', rule: once('desires') },
      { id: 'w5-rhythm', title: 'Share your wished rhythm', soloTitle: 'Share your wished rhythm', href: '/app/spark', rule: once('rhythm-band') },
    ],
  },
  {
    week: 6,
    title: 'Check-up and when to get help',
    exercises: [
      { id: 'w6-pulse', title: 'Take the pulse again', soloTitle: 'Take the pulse again', href: '/app/help/pulse', rule: once('pulse') },
      { id: 'w6-share', title: 'Share your score if you want to', soloTitle: 'Look at your two scores side by side', href: '/app/help', rule: once('pulse-shared'), soloRule: once('pulse') },
      { id: 'w6-keep', title: 'Write down what you will keep doing', soloTitle: 'Write down what you will keep doing', href: '/app/help/reconnect', rule: once('shared-note') },
    ],
  },
];

/** Week 5 for a couple with Spark off: closeness without pressure. */
export const GENTLE_WEEK_5: ProgrammeWeek = {
  week: 5,
  title: 'Closeness without pressure',
  exercises: [
    { id: 'w5g-touch', title: 'Act on a touch nudge on two days', soloTitle: 'Act on a touch nudge on two days', href: '/app/touch', rule: { activities: ['touch-done'], count: 2, distinctDays: true } },
    { id: 'w5g-idea', title: 'Add one cosy idea to your ideas deck', soloTitle: 'Add one cosy idea to your ideas deck', href: '/app/together/ideas', rule: once('idea') },
    { id: 'w5g-closeness', title: 'Check in about what closeness means to you', soloTitle: 'Check in about what closeness means to you', href: '/app/talk/check-in', rule: once('checkin') },
  ],
};

export const PROGRAMME_LENGTH = 6;

/** The weeks as this couple gets them: week 5 follows Spark (on for both, or the gentle week). */
export function programmeWeeks(sparkOnForBoth: boolean): readonly ProgrammeWeek[] {
  return PROGRAMME_WEEKS.map((w) => (w.week === 5 && !sparkOnForBoth ? GENTLE_WEEK_5 : w));
}
