export * from './result.ts';
export * from './bytes.ts';
export * from './items/kinds.ts';
export * from './items/bodies.ts';
export * from './passwords/check-password.ts';
export * from './talk/checkin.ts';
export * from './talk/conversation.ts';
export * from './talk/feelings.ts';
export * from './talk/checkin-history.ts';
export * from './talk/conversation-state.ts';
export * from './talk/coach.ts';
export * from './daily-question/index.ts';
export * from './help/index.ts';
export * from './support/bodies.ts';
// Named, not `*`: the calendar helpers inside (addDays, weekdayOf…) would clash with other modules' own.
export {
  REMINDER_HOUR,
  dueKeyDate,
  nextKeyDateReminder,
  nextOccurrence as nextKeyDateOccurrence,
  occurrenceInYear,
  zonedInstant,
  daysBetween as daysBetweenDays,
  type DueKeyDate,
  type KeyDateSchedule,
  type Reminder as KeyDateReminder,
} from './support/key-dates.ts';
export { balanceNote, weekBalance, weeklyPromptDue, WARM_PER_HARD, type BalanceItem, type WeekBalance } from './support/balance.ts';
export * from './support/catalog.ts';
export * from './matching/index.ts';
export * from './together/index.ts';
export * from './touch/index.ts';
export * from './week/our-week.ts';
export * from './data/index.ts';
export * from './spark/index.ts';
export * from './programme/index.ts';
export * from './play/index.ts';
export * from './sync/index.ts';
