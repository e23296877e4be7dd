import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Config } from '../config/env.ts';
import type { AppEnv } from '../http/context.ts';
import { atomFeed, robots, sitemap } from './feed.ts';
import type { GuideLibrary } from './load.ts';
import { guideListPage, guidePage, landingPage, notFoundPage } from './pages.ts';

/** Read once when the server starts: small files that ship with the server. */
const SITE_CSS = readFileSync(new URL('./public/site.css', import.meta.url));
const SITE_JS = readFileSync(new URL('./public/site.js', import.meta.url));

/** Public pages change only on a deploy; a short cache spares the server without hiding a fix for long. */
const PUBLIC_CACHE = 'public, max-age=300';

/** PUBLIC_URL when set (canonical links must not depend on how a proxy spoke to us), else the request's own origin. */
export function siteOrigin(c: Context, config: Config): string {
  return config.publicUrl?.origin ?? new URL(c.req.url).origin;
}

const tagQuery = z.object({ tag: z.string().trim().min(1).max(30).optional() });

export function guideRoutes(library: GuideLibrary, config: Config): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const htmlPage = (c: Context, body: string, status: 200 | 404 = 200) =>
    c.body(body, status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': status === 200 ? PUBLIC_CACHE : 'no-cache' });

  app.get('/', (c) => htmlPage(c, landingPage(library, siteOrigin(c, config))));
  app.get('/guides', (c) => {
    const query = tagQuery.safeParse(c.req.query());
    return htmlPage(c, guideListPage(library, siteOrigin(c, config), query.success ? query.data.tag : undefined));
  });
  app.get('/guides/', (c) => c.redirect('/guides', 301));
  app.get('/guides/feed.xml', (c) => c.body(atomFeed(library, siteOrigin(c, config)), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': PUBLIC_CACHE }));
  app.get('/guides/images/:name', (c) => {
    // Only names loaded at start-up: no file system access per request, so no path tricks.
    const image = library.images.get(c.req.param('name'));
    if (image === undefined) return c.text('Not found', 404);
    return c.body(image, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' });
  });
  app.get('/guides/:slug', (c) => {
    const guide = library.bySlug.get(c.req.param('slug'));
    const origin = siteOrigin(c, config);
    if (guide === undefined) return htmlPage(c, notFoundPage(origin, c.req.path), 404);
    return htmlPage(c, guidePage(library, guide, origin));
  });
  app.get('/sitemap.xml', (c) => c.body(sitemap(library, siteOrigin(c, config)), 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': PUBLIC_CACHE }));
  app.get('/robots.txt', (c) => c.text(robots(siteOrigin(c, config)), 200, { 'Cache-Control': PUBLIC_CACHE }));
  app.get('/public/site.css', (c) => c.body(new Uint8Array(SITE_CSS), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': PUBLIC_CACHE }));
  app.get('/public/site.js', (c) => c.body(new Uint8Array(SITE_JS), 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': PUBLIC_CACHE }));
  return app;
}
