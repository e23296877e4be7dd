import fs from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { err, ok, type Result } from '@hearth/core';
import { frontMatter, type FrontMatter } from './front-matter.ts';

export type Guide = FrontMatter & {
  /** Path relative to the content folder, for messages. */
  readonly file: string;
  /** The Markdown body as written (the newsletter's plain-text part starts from it). */
  readonly markdown: string;
  /** Rendered and sanitised: safe to put on a page as is. */
  readonly html: string;
};

export type GuideLibrary = {
  /** Newest first. */
  readonly guides: readonly Guide[];
  readonly bySlug: ReadonlyMap<string, Guide>;
  /** File name (e.g. "talk.svg") → SVG text, served under /guides/images/. */
  readonly images: ReadonlyMap<string, string>;
};

export const EMPTY_LIBRARY: GuideLibrary = { guides: [], bySlug: new Map(), images: new Map() };

const marked = new Marked({ gfm: true, async: false });

/**
 * The guides are ours, but Markdown passes raw HTML through; sanitising means a
 * pasted <script> or onclick in a guide can never reach a reader (or the CSP).
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'code', 'pre', 'hr', 'br', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page's title is the only h1; a "# heading" in the body becomes a section heading.
    h1: 'h2',
    a: (tagName, attribs) => {
      const href = attribs['href'] ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
};

export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false }), SANITIZE);
}

/** gray-matter would eval a `---js` block; front matter is data, never code. */
function refuseCode(): never {
  throw new Error('front matter must be YAML, not JavaScript');
}

export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One content file's front matter and body, or the start-up message saying what is wrong with it. */
export async function readMarkdownFile(where: string): Promise<Result<matter.GrayMatterFile<string>, 'invalid_content'>> {
  try {
    return ok(matter(await fs.readFile(where, 'utf8'), { engines: { js: refuseCode, javascript: refuseCode } }));
  } catch (e) {
    return err('invalid_content', `Hearth cannot start: ${where} has front matter that is not valid YAML: ${describe(e)}`);
  }
}

/** Reads and checks every guide once at start-up; the first problem stops start-up with the file's name. */
export async function loadGuides(contentDir: string): Promise<Result<GuideLibrary, 'invalid_content'>> {
  const dir = path.join(contentDir, 'guides');
  const fail = (message: string) => err('invalid_content', `Hearth cannot start: ${message}`);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (e) {
    return fail(`cannot read the guides folder ${dir} (set CONTENT_DIR): ${describe(e)}`);
  }

  const images = new Map<string, string>();
  try {
    for (const name of await fs.readdir(path.join(dir, 'images'))) {
      if (name.endsWith('.svg')) images.set(name, await fs.readFile(path.join(dir, 'images', name), 'utf8'));
    }
  } catch {
    // No images folder: any guide naming a hero image is refused below.
  }

  const guides: Guide[] = [];
  for (const name of names) {
    const file = path.join('guides', name);
    const where = path.join(dir, name);
    const read = await readMarkdownFile(where);
    if (!read.ok) return read;
    const parsed = read.value;
    const checked = frontMatter.safeParse(parsed.data);
    if (!checked.success) {
      const lines = checked.error.issues.map((i) => `  ${i.path.join('.') || '(front matter)'}: ${i.message}`);
      return fail(`${where} has invalid front matter:\n${lines.join('\n')}`);
    }
    const data = checked.data;
    if (`${data.slug}.md` !== name) return fail(`${where}: the slug "${data.slug}" must match the file name (${data.slug}.md).`);
    if (!images.has(path.basename(data.hero.src))) return fail(`${where}: the hero image ${data.hero.src} is not in ${path.join(dir, 'images')}.`);
    if (parsed.content.trim() === '') return fail(`${where} has no text after its front matter.`);
    guides.push({ ...data, file, markdown: parsed.content.trim(), html: renderMarkdown(parsed.content) });
  }
  guides.sort((a, b) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title));
  return ok({ guides, bySlug: new Map(guides.map((g) => [g.slug, g])), images });
}
