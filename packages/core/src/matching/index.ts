/** Blind matching for the ideas deck and the desire list (DESIGN §5.4, decision 0011). */
export * from './tokens.ts';
export * from './yes-rate.ts';
export * from './upload.ts';
export * from './matches.ts';
