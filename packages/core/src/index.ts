export * from './result.ts';
export * from './bytes.ts';
export * from './items/kinds.ts';
export * from './passwords/check-password.ts';
