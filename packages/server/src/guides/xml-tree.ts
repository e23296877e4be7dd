/**
 * A small, strict XML reader for tests: enough of XML 1.0's well-formedness rules
 * to catch what a feed generator or template could get wrong (unclosed or crossed
 * tags, bad attributes, a bare "&", text outside the root), returning a tree we
 * can check the Atom elements on. No package needed for that.
 */
export type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[]; text: string };

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function checkText(text: string, where: number): string {
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) throw new Error(`bare "&" or unknown entity near offset ${where + i}`);
  }
  if (text.includes('<')) throw new Error(`"<" in text near offset ${where}`);
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const rest = () => source.slice(pos);
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${pos}: ${JSON.stringify(source.slice(pos, pos + 40))}`);
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration');
    pos = end + 2;
  }
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    const top = stack.at(-1);
    if (top === undefined) {
      if (text.trim() !== '') fail('text outside the root element');
    } else {
      top.text += checkText(text, pos);
    }
    pos = textEnd;
    if (lt === -1) break;

    if (rest().startsWith('<!--')) {
      const end = source.indexOf('-->', pos);
      if (end === -1) fail('unterminated comment');
      pos = end + 3;
    } else if (rest().startsWith('<![CDATA[')) {
      const end = source.indexOf(']]>', pos);
      if (end === -1 || top === undefined) fail('bad CDATA section');
      if (top !== undefined) top.text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (rest().startsWith('<?')) {
      const end = source.indexOf('?>', pos);
      if (end === -1) fail('unterminated processing instruction');
      pos = end + 2;
    } else if (rest().startsWith('</')) {
      pos += 2;
      const name = NAME.exec(rest())?.[0] ?? fail('bad closing tag');
      pos += name.length;
      const close = /^\s*>/.exec(rest()) ?? fail('bad closing tag');
      pos += close[0].length;
      const open = stack.pop();
      if (open?.name !== name) fail(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
    } else {
      pos += 1;
      const name = NAME.exec(rest())?.[0] ?? fail('bad tag name');
      pos += name.length;
      const element: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (;;) {
        const end = /^\s*(\/?)>/.exec(rest());
        if (end !== null) {
          pos += end[0].length;
          if (stack.length === 0) {
            if (root !== undefined) fail('a second root element');
            root = element;
          } else {
            stack.at(-1)?.children.push(element);
          }
          if (end[1] !== '/') stack.push(element);
          break;
        }
        const attr = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(rest()) ?? fail(`bad attribute in <${name}>`);
        const attrName = attr[1] ?? '';
        if (attrName in element.attrs) fail(`duplicate attribute ${attrName}`);
        element.attrs[attrName] = checkText(attr[2] ?? attr[3] ?? '', pos);
        pos += attr[0].length;
      }
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)?.name ?? ''}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
