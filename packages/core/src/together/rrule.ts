import * as rruleModule from 'rrule';

/**
 * The `rrule` library's RRule class, however it was loaded. rrule ships an ES build for
 * bundlers (the web app, vitest) and a webpack CommonJS build for Node, whose names Node
 * cannot see statically: under Node's ESM loader they sit on the default export only.
 */
function loadRRule(): typeof rruleModule.RRule {
  // Under Node the named export is missing at run time, whatever the types say.
  const named: unknown = Reflect.get(rruleModule, 'RRule');
  if (typeof named === 'function') return rruleModule.RRule;
  const commonJs: unknown = Reflect.get(rruleModule, 'default');
  const fromDefault: typeof rruleModule.RRule | undefined = typeof commonJs === 'object' && commonJs !== null ? Reflect.get(commonJs, 'RRule') : undefined;
  if (typeof fromDefault !== 'function') throw new Error('The rrule library did not load.');
  return fromDefault;
}

export const RRule = loadRRule();
export type RRule = rruleModule.RRule;
