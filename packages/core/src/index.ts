export * from './result.ts';
export * from './bytes.ts';
export * from './items/kinds.ts';
export * from './passwords/check-password.ts';
export * from './talk/checkin.ts';
export * from './talk/conversation.ts';
