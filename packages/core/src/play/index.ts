export * from './levels.ts';
export * from './bodies.ts';
export * from './know-me-catalog.ts';
export * from './this-or-that-catalog.ts';
export * from './round-state.ts';
export * from './rounds.ts';
