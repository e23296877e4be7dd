export * from './outbox.ts';
export * from './merge.ts';
export * from './conflict.ts';
