import { Feed } from 'feed';
import { escapeHtml } from './html.ts';
import { absolute } from './layout.ts';
import type { GuideLibrary } from './load.ts';

/** Atom 1.0: ids are the guides' permanent URLs, so readers never see an entry twice. */
export function atomFeed(library: GuideLibrary, origin: string): string {
  const newest = library.guides[0]?.published ?? new Date(0);
  const feed = new Feed({
    id: absolute(origin, '/guides'),
    title: 'Hearth guides',
    description: 'Practical guides for couples who want to feel close again.',
    link: absolute(origin, '/guides'),
    language: 'en',
    updated: newest,
    generator: 'Hearth',
    copyright: 'Hearth contributors',
    feedLinks: { atom: absolute(origin, '/guides/feed.xml') },
    author: { name: 'Hearth', link: absolute(origin, '/') },
  });
  for (const g of library.guides) {
    const url = absolute(origin, `/guides/${g.slug}`);
    feed.addItem({
      id: url,
      link: url,
      title: g.title,
      date: g.published,
      published: g.published,
      description: g.summary,
      // Relative links would resolve against the reader's app, not our site.
      content: absolutiseHtml(g.html, origin),
      category: g.tags.map((t) => ({ name: t, term: t })),
      author: [{ name: 'Hearth' }],
    });
  }
  return feed.atom1();
}

/** Makes root-relative href/src in sanitised HTML absolute, for feeds and emails. */
export function absolutiseHtml(sanitised: string, origin: string): string {
  return sanitised.replace(/\b(href|src)="(\/[^"/][^"]*|\/)"/g, (_m, attr: string, value: string) => `${attr}="${escapeHtml(absolute(origin, value.replaceAll('&amp;', '&')))}"`);
}

export function sitemap(library: GuideLibrary, origin: string): string {
  const entry = (path: string, lastmod?: Date) =>
    `  <url><loc>${escapeHtml(absolute(origin, path))}</loc>${lastmod === undefined ? '' : `<lastmod>${lastmod.toISOString().slice(0, 10)}</lastmod>`}</url>`;
  const newest = library.guides[0]?.published;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    entry('/', newest),
    entry('/guides', newest),
    ...library.guides.map((g) => entry(`/guides/${g.slug}`, g.published)),
    '</urlset>',
    '',
  ].join('\n');
}

export function robots(origin: string): string {
  // The app and the API hold nothing for search engines; the email-link pages must not be indexed.
  return ['User-agent: *', 'Disallow: /app/', 'Disallow: /api/', 'Disallow: /join/', 'Disallow: /newsletter/', 'Allow: /', '', `Sitemap: ${absolute(origin, '/sitemap.xml')}`, ''].join('\n');
}
