import { html, type SafeHtml } from './html.ts';

export type PageMeta = {
  readonly title: string;
  readonly description: string;
  /** Path of this page (with query if it matters), made absolute for canonical and og:url. */
  readonly path: string;
  /** e.g. https://hearth.example — PUBLIC_URL when set, else the request's origin. */
  readonly origin: string;
  readonly type?: 'website' | 'article';
  /** Absolute or root-relative image for og:image. */
  readonly image?: { readonly src: string; readonly alt: string };
  readonly published?: Date;
  /** Pages that only make sense from an email link stay out of search engines. */
  readonly noindex?: boolean;
  /** Which nav entry is the current page. */
  readonly current?: 'home' | 'guides';
};

export const SITE_NAME = 'Hearth';

export function absolute(origin: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, origin + '/').href;
}

export function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Every public page: landmarks, a skip link, one stylesheet file and one optional
 * script file (the CSP allows no inline code), and the tags search engines and
 * link previews read.
 */
export function page(meta: PageMeta, body: SafeHtml): string {
  const url = absolute(meta.origin, meta.path);
  const fullTitle = meta.title === SITE_NAME ? SITE_NAME : `${meta.title} · ${SITE_NAME}`;
  const current = (which: PageMeta['current']) => (meta.current === which ? html` aria-current="page"` : '');
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${url}">
${meta.noindex === true ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${url}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:locale" content="en_GB">
${meta.image === undefined ? '' : html`<meta property="og:image" content="${absolute(meta.origin, meta.image.src)}">
<meta property="og:image:alt" content="${meta.image.alt}">`}
${meta.published === undefined ? '' : html`<meta property="article:published_time" content="${meta.published.toISOString()}">`}
<meta name="twitter:card" content="summary">
<link rel="alternate" type="application/atom+xml" title="Hearth guides" href="${absolute(meta.origin, '/guides/feed.xml')}">
<link rel="icon" href="/app/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/public/site.css">
<script src="/public/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<nav aria-label="Site">
<a class="brand" href="/"${current('home')}>Hearth</a>
<ul>
<li><a href="/guides"${current('guides')}>Guides</a></li>
<li><a class="app-link" href="/app/">Open the app</a></li>
</ul>
</nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site-footer">
<p>Hearth is free, open-source software. What you write to each other is end-to-end encrypted.</p>
<p><a href="/guides">All guides</a> · <a href="/guides/feed.xml">Atom feed</a> · <a href="/newsletter">Newsletter</a></p>
</footer>
</body>
</html>`.value}\n`;
}
