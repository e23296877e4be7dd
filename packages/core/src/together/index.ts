export * from './ideas.ts';
export * from './bodies.ts';
export * from './schedule.ts';
export * from './streak.ts';
export * from './calendar.ts';
