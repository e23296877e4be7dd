export * from './common.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './settings.ts';
export * from './space.ts';
export * from './items.ts';
export * from './matching.ts';
export * from './notifications.ts';
