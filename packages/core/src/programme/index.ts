export * from './bodies.ts';
export * from './weeks.ts';
export * from './activity.ts';
export * from './progress.ts';
export * from './hours.ts';
