/**
 * A tiny HTML template tag that escapes every interpolated value unless it is
 * already `SafeHtml` (made by this tag or by `trusted` for sanitised Markdown).
 * Escaping by default means a forgotten call cannot become an injection.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | false | null | undefined | readonly Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.value;
  if (part === false || part === null || part === undefined) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Only for HTML that has been through sanitize-html (rendered guides). */
export function trusted(sanitised: string): SafeHtml {
  return new SafeHtml(sanitised);
}
