import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/open.ts';
import { createApp } from '../http/app.ts';
import { engines, testConfig } from '../test/harness.ts';
import { loadGuides, type GuideLibrary } from './load.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml-tree.ts';

const CONTENT = testConfig().contentDir;

async function library(dir = CONTENT): Promise<GuideLibrary> {
  const loaded = await loadGuides(dir);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value;
}

/** A throwaway content folder with the given guides and one image. */
async function contentWith(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hearth-content-'));
  await fs.mkdir(path.join(dir, 'guides', 'images'), { recursive: true });
  await fs.writeFile(path.join(dir, 'guides', 'images', 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, 'guides', name), text);
  return dir;
}

function guideFile(slug: string, title: string, body: string): string {
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `slug: ${slug}`,
    'summary: "A summary that is long enough to pass the check."',
    'published: 2025-05-01',
    'tags: [test]',
    'hero:',
    '  src: images/pic.svg',
    '  alt: A plain test picture with nothing on it at all',
    '---',
    '',
    body,
    '',
  ].join('\n');
}

function meta(page: string, attr: 'name' | 'property', key: string): string | undefined {
  return new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`).exec(page)?.[1];
}

describe('guide content', () => {
  it('has at least nine guides, each 500–900 words, with a hero image, alt text and "Try it in Hearth" links into the app', async () => {
    const lib = await library();
    expect(lib.guides.length).toBeGreaterThanOrEqual(9);
    for (const g of lib.guides) {
      const words = g.markdown.split(/\s+/).filter((w) => /\w/.test(w)).length;
      expect(words, g.slug).toBeGreaterThanOrEqual(500);
      expect(words, g.slug).toBeLessThanOrEqual(900);
      expect(g.markdown, g.slug).toContain('## Try it in Hearth');
      const tryIt = g.markdown.slice(g.markdown.indexOf('## Try it in Hearth'));
      expect(tryIt, g.slug).toMatch(/\]\(\/app\/(talk|together|touch|support|help|today)\)/);
      expect(lib.images.has(path.basename(g.hero.src)), g.slug).toBe(true);
    }
    // One per practice and habit, plus the overview.
    for (const link of ['/app/talk', '/app/together', '/app/touch', '/app/support', '/app/help']) {
      expect(lib.guides.some((g) => g.markdown.includes(`](${link})`)), link).toBe(true);
    }
    // Newest first.
    const times = lib.guides.map((g) => g.published.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('stops start-up with a message naming the file when front matter is wrong', async () => {
    const dir = await contentWith({ 'good.md': guideFile('good', 'Good guide', 'Hello.'), 'broken.md': '---\nslug: broken\ntags: []\n---\nText' });
    const loaded = await loadGuides(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.message).toContain(path.join(dir, 'guides', 'broken.md'));
      expect(loaded.message).toContain('title');
      expect(loaded.message).toContain('tags');
    }
    const mismatch = await loadGuides(await contentWith({ 'a.md': guideFile('b', 'Slug mismatch', 'Hi.') }));
    expect(mismatch.ok || mismatch.message).toMatch(/slug "b" must match/);
    const code = await loadGuides(await contentWith({ 'x.md': '---js\n{ title: (() => "evil")() }\n---\nText' }));
    expect(code.ok).toBe(false);
  });
});

describe.each(engines)('public pages on $name', (engine) => {
  let database: Database;
  let lib: GuideLibrary;
  let app: ReturnType<typeof createApp>;
  const dirs: string[] = [];

  beforeAll(async () => {
    database = await engine.open();
    lib = await library();
    app = createApp({ db: database.db, config: testConfig(), guides: lib });
  });
  afterAll(async () => {
    await database.close();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  const get = async (url: string) => {
    const res = await app.request(url);
    return { res, text: await res.text() };
  };

  it('serves the landing page with what Hearth is, the server table, a way into the app and the newsletter form', async () => {
    const { res, text } = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(text).toContain('<main id="main"');
    expect(text).toContain('What the server can and cannot see');
    expect(text).toContain('the text of any check-in, conversation, note, message, idea, memory, pulse answer, intimacy entry');
    expect(text).toContain('href="/app/"');
    expect(text).toMatch(/<form class="subscribe" method="post" action="\/newsletter\/subscribe">/);
    expect(text).toContain('name="website"');
    // No inline code anywhere: the CSP forbids it and the pages do not need it.
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(text).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('lists guides newest first with their tags, and filters by tag', async () => {
    const { text } = await get('/guides');
    const order = lib.guides.map((g) => text.indexOf(`href="/guides/${g.slug}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('href="/guides?tag=talk"');
    const filtered = await get('/guides?tag=talk');
    expect(filtered.text).toContain('href="/guides/talk-without-blame"');
    expect(filtered.text).not.toContain('href="/guides/supporting-each-other"');
  });

  it('gives every guide a title, description, canonical and Open Graph tags with absolute URLs from the request origin', async () => {
    for (const g of lib.guides) {
      const { res, text } = await get(`http://hearth.test/guides/${g.slug}`);
      expect(res.status).toBe(200);
      expect(text).toMatch(new RegExp(`<title>[^<]+ · Hearth</title>`));
      expect(meta(text, 'name', 'description')).toBeTruthy();
      expect(text).toContain(`<link rel="canonical" href="http://hearth.test/guides/${g.slug}">`);
      expect(meta(text, 'property', 'og:url')).toBe(`http://hearth.test/guides/${g.slug}`);
      expect(meta(text, 'property', 'og:type')).toBe('article');
      expect(meta(text, 'property', 'og:title')).toBeTruthy();
      expect(meta(text, 'property', 'og:description')).toBeTruthy();
      expect(meta(text, 'property', 'og:image')).toBe(`http://hearth.test/guides/${g.hero.src}`);
      expect(text).toMatch(/<img class="hero-image" src="\/guides\/images\/[a-z-]+\.svg" alt="[^"]{15,}"/);
      expect(text).toContain('action="/newsletter/subscribe"');
      expect(text).toContain('Try it in Hearth');
    }
  });

  it('uses PUBLIC_URL for absolute links when it is set', async () => {
    const withUrl = createApp({ db: database.db, config: testConfig({ publicUrl: new URL('https://hearth.example') }), guides: lib });
    const text = await (await withUrl.request('http://internal:3000/guides/talk-without-blame')).text();
    expect(text).toContain('<link rel="canonical" href="https://hearth.example/guides/talk-without-blame">');
  });

  it('sanitises rendered Markdown and escapes every interpolated value', async () => {
    const body = [
      'Before <script>alert("x")</script> after.',
      '<img src="/a.png" onerror="alert(1)">',
      '[click](javascript:alert(1)) and <a href="https://example.org">out</a>',
      '<iframe src="https://evil.example"></iframe><style>body{}</style>',
    ].join('\n\n');
    const dir = await contentWith({ 'tricky.md': guideFile('tricky', 'Fish <b>&</b> "chips"', body) });
    dirs.push(dir);
    const tricky = createApp({ db: database.db, config: testConfig(), guides: await library(dir) });
    const text = await (await tricky.request('/guides/tricky')).text();
    expect(text).not.toContain('alert');
    expect(text).not.toMatch(/onerror|javascript:|<iframe|<style/);
    expect(text).toContain('<title>Fish &lt;b&gt;&amp;&lt;/b&gt; &quot;chips&quot; · Hearth</title>');
    expect(text).toContain('<h1>Fish &lt;b&gt;&amp;&lt;/b&gt; &quot;chips&quot;</h1>');
    expect(text).toContain('href="https://example.org" rel="noopener noreferrer"');
    expect((await tricky.request('/guides/tricky')).status).toBe(200);
  });

  it('answers an unknown guide with an HTML 404 and serves images, the stylesheet and the script', async () => {
    const missing = await get('/guides/no-such-guide');
    expect(missing.res.status).toBe(404);
    expect(missing.text).toContain('Page not found');
    const image = await app.request('/guides/images/talk.svg');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect((await app.request('/guides/images/..%2F..%2Fpackage.json')).status).toBe(404);
    const css = await app.request('/public/site.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('prefers-color-scheme: dark');
    expect((await app.request('/public/site.js')).headers.get('content-type')).toContain('javascript');
  });

  it('publishes a well-formed Atom feed with the required elements', async () => {
    const { res, text } = await get('http://hearth.test/guides/feed.xml');
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseXml(text);
    expect(feed.name).toBe('feed');
    expect(feed.attrs['xmlns']).toBe('http://www.w3.org/2005/Atom');
    const one = (el: XmlElement, name: string) => {
      const found = childrenNamed(el, name);
      expect(found, `<${el.name}> has exactly one <${name}>`).toHaveLength(1);
      return found[0]!;
    };
    expect(one(feed, 'id').text).toBe('http://hearth.test/guides');
    expect(one(feed, 'title').text).toBe('Hearth guides');
    expect(Number.isNaN(Date.parse(one(feed, 'updated').text))).toBe(false);
    expect(childrenNamed(feed, 'link').some((l) => l.attrs['rel'] === 'self' && l.attrs['href'] === 'http://hearth.test/guides/feed.xml')).toBe(true);
    // An Atom feed needs an author on the feed or on every entry.
    expect(childrenNamed(feed, 'author').length).toBeGreaterThan(0);
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(lib.guides.length);
    for (const entry of entries) {
      expect(one(entry, 'id').text).toMatch(/^http:\/\/hearth\.test\/guides\/[a-z-]+$/);
      expect(one(entry, 'title').text.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(one(entry, 'updated').text))).toBe(false);
      expect(childrenNamed(entry, 'link').some((l) => l.attrs['href'] === one(entry, 'id').text)).toBe(true);
      expect(childrenNamed(entry, 'summary').length + childrenNamed(entry, 'content').length).toBeGreaterThan(0);
      // Links inside the content are absolute, so they work in a feed reader.
      expect(childrenNamed(entry, 'content')[0]?.text ?? '').not.toMatch(/href="\/(?!\/)/);
    }
  });

  it('serves a sitemap listing every guide, and robots.txt pointing at it', async () => {
    const sitemap = parseXml(await (await app.request('http://hearth.test/sitemap.xml')).text());
    const locs = sitemap.children.map((u) => childrenNamed(u, 'loc')[0]?.text);
    expect(locs).toContain('http://hearth.test/');
    for (const g of lib.guides) expect(locs).toContain(`http://hearth.test/guides/${g.slug}`);
    const robots = await (await app.request('http://hearth.test/robots.txt')).text();
    expect(robots).toContain('Sitemap: http://hearth.test/sitemap.xml');
    expect(robots).toContain('Disallow: /app/');
  });
});

describe('the XML checker itself', () => {
  it('refuses what is not well-formed', () => {
    for (const bad of ['<a><b></a></b>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a></a><b></b>', '<a>', 'text<a/>', '<a x=1/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?><a x="&amp;"><!-- c --><b>t &lt; u</b><![CDATA[<raw>]]></a>').children[0]?.text).toBe('t < u');
  });
});
