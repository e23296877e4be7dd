export * from './pulse.ts';
export * from './safety.ts';
export * from './records.ts';
export * from './resources.ts';
export * from './suggestion.ts';
