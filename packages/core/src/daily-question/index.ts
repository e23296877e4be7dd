export * from './catalog.ts';
export * from './bodies.ts';
export * from './selection.ts';
export * from './day.ts';
export * from './state.ts';
