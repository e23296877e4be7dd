/** Spark: consent-first intimacy features (issue #8). */
export * from './consent.ts';
