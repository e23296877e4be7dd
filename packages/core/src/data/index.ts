export * from './export-format.ts';
export * from './export-html.ts';
export * from './import-plan.ts';
export * from './former-member.ts';
