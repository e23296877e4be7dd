export * from './catalog.ts';
export * from './picker.ts';
export {
  DEFAULT_ACTIVE_HOURS,
  DEFAULT_NUDGE_BUDGET,
  DEFAULT_NUDGE_SPACING_MINUTES,
  MAX_NUDGE_BUDGET,
  planNudges,
  type HoursRange,
  type NudgePlanError,
  type NudgeSettings,
} from './planner.ts';
export { localDateOf, nextLocalMidnight, planNudgeDay, type PlannedNudge } from './day-plan.ts';
