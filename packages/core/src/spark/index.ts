/** Spark: consent-first intimacy features (issue #8). */
export * from './consent.ts';
export * from './desires.ts';
export * from './rhythm.ts';
export * from './prompts.ts';
export * from './suggest.ts';
export * from './bodies.ts';
