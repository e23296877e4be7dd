import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 19: "a newcomer can find the one file that sets a colour". Every stylesheet but
// tokens.css takes its colours, type sizes, radii and shadows from the tokens.
const SRC = join(import.meta.dirname, '..');
const TOKENS = join(SRC, 'ui', 'tokens.css');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return stylesheets(path);
    return e.name.endsWith('.css') ? [path] : [];
  });
}

/** Declarations that set a value the tokens should own, as "file:line  declaration". */
function strayValues(css: string, file: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  text.split('\n').forEach((line, i) => {
    const decl = /^\s*([a-z-]+)\s*:\s*([^;]+);?/.exec(line);
    if (!decl) return;
    const [, prop = '', value = ''] = decl;
    if (prop.startsWith('--')) return;
    const colour = /#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla|oklch|lab)\(/i.test(value);
    const namedColour = /^(color|background|background-color|border-color|fill|stroke|outline-color)$/.test(prop) && /^(white|black|red|blue|green|gray|grey)$/i.test(value.trim());
    const size = prop === 'font-size' && !/^var\(--[a-z0-9-]+\)$|^inherit$|^smaller$/.test(value.trim());
    const radius = prop === 'border-radius' && !value.split(/\s+/).every((v) => /^var\(--radius[a-z0-9-]*\)$|^0$|^50%$/.test(v));
    const shadow = prop === 'box-shadow' && !/^var\(--[a-z-]+\)$|^none$/.test(value.trim());
    if (colour || namedColour || size || radius || shadow) found.push(`${relative(SRC, file)}:${i + 1}  ${prop}: ${value.trim()}`);
  });
  return found;
}

describe('design tokens', () => {
  const files = stylesheets(SRC).filter((f) => f !== TOKENS);

  it('finds the stylesheets it checks', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('leaves colours, type sizes, radii and shadows to tokens.css', () => {
    const stray = files.flatMap((f) => strayValues(readFileSync(f, 'utf8'), f));
    expect(stray).toEqual([]);
  });

  it('catches a stray value when there is one', () => {
    expect(strayValues('.x {\n  color: #fff;\n  font-size: 13px;\n  border-radius: 3px;\n  box-shadow: 0 0 2px;\n}', 'x.css')).toHaveLength(4);
  });

  it('defines every token a stylesheet uses', () => {
    const tokens = readFileSync(TOKENS, 'utf8');
    const defined = new Set([...tokens.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(--[a-z0-9-]+)\s*:/g)) defined.add(m[1]);
    }
    const missing = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/var\((--[a-z0-9-]+)\)/g)].map((m) => m[1]).filter((t) => !defined.has(t)).map((t) => `${relative(SRC, f)} ${t}`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });
});
