import { subscribeForm } from '../newsletter/form.ts';
import { html, trusted, type SafeHtml } from './html.ts';
import { formatDate, isoDate, page } from './layout.ts';
import type { Guide, GuideLibrary } from './load.ts';

const heroSrc = (g: Guide) => `/guides/${g.hero.src}`;

function tagList(tags: readonly string[]): SafeHtml {
  return html`<ul class="tags" aria-label="Tags">${tags.map((t) => html`<li><a href="/guides?tag=${encodeURIComponent(t)}">${t}</a></li>`)}</ul>`;
}

function card(g: Guide, level: 'h2' | 'h3'): SafeHtml {
  const title = html`<a href="/guides/${g.slug}">${g.title}</a>`;
  return html`<li class="card">
<article>
${level === 'h2' ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p class="meta"><time datetime="${isoDate(g.published)}">${formatDate(g.published)}</time></p>
<p>${g.summary}</p>
${tagList(g.tags)}
</article>
</li>`;
}

/** DESIGN §4, the same table as the README: what Hearth's server can and cannot read. */
const SERVER_SEES: ReadonlyArray<readonly [string, string]> = [
  ['email, password verifier (not the password), salts, public keys, wrapped (encrypted) keys', 'passwords, private keys, space keys'],
  [
    'which space a user belongs to, item kinds, ids, authors, timestamps; push subscriptions per device; who opted in to the weekly email',
    'the text of any check-in, conversation, note, message, idea, memory, pulse answer, intimacy entry',
  ],
  ['times and recurrence of rituals, dates and reminders; nudge budgets, quiet hours, time zone, which public catalog prompt a nudge carried and the answer to it', 'titles and descriptions of those rituals and dates'],
  ['opaque match tokens for the desire list and the ideas deck', 'which ideas or desires they stand for'],
  [
    "who turned Spark on, each one's comfort level and pause; each Spark item's level tag",
    'the words of Spark messages and replies, which prompt they came from, "not my thing" marks, desire-list answers, intimacy log entries and wished frequencies',
  ],
  ['newsletter subscribers and public articles', ''],
];

const PRACTICES: ReadonlyArray<readonly [string, string]> = [
  ['Talk', 'Daily check-ins, and a calm way to talk one topic through — each of you writes your side before either reads the other.'],
  ['Together', 'Rituals you keep, dates you plan, and new things you try for the first time.'],
  ['Touch', 'A few gentle nudges a day to reach for each other, inside the hours you choose.'],
  ['Support', 'Say what is on your plate and how you want to be helped; celebrate wins; say thank you.'],
  ['Help', 'A private monthly check on how things are, and a shame-free path to a counselor when it would help.'],
];

export function landingPage(library: GuideLibrary, origin: string): string {
  const latest = library.guides.slice(0, 3);
  return page(
    {
      title: 'Hearth',
      description: 'A private, end-to-end encrypted space for two people who want to feel close again after a rough patch. Free and self-hostable.',
      path: '/',
      origin,
      current: 'home',
    },
    html`<section class="hero" aria-labelledby="intro-heading">
<h1 id="intro-heading">Feel close again, one small step a day</h1>
<p class="lead">Hearth is a private space for two people finding their way back to each other after a rough patch. It turns five practices into small things you actually do together — and it keeps what you write to each other readable by the two of you only.</p>
<p class="actions"><a class="button" href="/app/">Start your space</a> <a class="button secondary" href="/app/">Open the app</a></p>
<p class="note">Free, open source, and works even if only one of you starts.</p>
</section>

<section aria-labelledby="practices-heading">
<h2 id="practices-heading">Five practices</h2>
<ul class="practices">${PRACTICES.map(([name, text]) => html`<li><strong>${name}.</strong> ${text}</li>`)}</ul>
</section>

<section aria-labelledby="privacy-heading">
<h2 id="privacy-heading">What the server can and cannot see</h2>
<p>Everything you write is encrypted on your device before it is sent. Whoever runs the server — including us — stores only what it needs to deliver reminders.</p>
<div class="table-wrap">
<table>
<thead><tr><th scope="col">The server sees</th><th scope="col">The server never sees</th></tr></thead>
<tbody>${SERVER_SEES.map(([sees, never]) => html`<tr><td>${sees}</td><td>${never === '' ? html`<span class="muted">—</span>` : never}</td></tr>`)}</tbody>
</table>
</div>
</section>

${
  latest.length === 0
    ? ''
    : html`<section aria-labelledby="latest-heading">
<h2 id="latest-heading">Latest guides</h2>
<ul class="cards">${latest.map((g) => card(g, 'h3'))}</ul>
<p><a href="/guides">All guides</a></p>
</section>`
}

${subscribeForm()}`,
  );
}

export function guideListPage(library: GuideLibrary, origin: string, tag: string | undefined): string {
  const shown = tag === undefined ? library.guides : library.guides.filter((g) => g.tags.includes(tag));
  const title = tag === undefined ? 'Guides' : `Guides tagged “${tag}”`;
  return page(
    {
      title,
      description: 'Practical, warm guides for couples reconnecting after a rough patch: talking without blame, time together, touch, support, and getting help.',
      path: tag === undefined ? '/guides' : `/guides?tag=${encodeURIComponent(tag)}`,
      origin,
      current: 'guides',
    },
    html`<h1>${title}</h1>
<p class="lead">Short reads on the practices behind Hearth, newest first. <a href="/guides/feed.xml">Follow them with a feed reader</a>.</p>
${tag === undefined ? '' : html`<p><a href="/guides">Show all guides</a></p>`}
${shown.length === 0 ? html`<p>No guides have that tag yet.</p>` : html`<ul class="cards">${shown.map((g) => card(g, 'h2'))}</ul>`}
${subscribeForm()}`,
  );
}

export function guidePage(library: GuideLibrary, guide: Guide, origin: string): string {
  const more = library.guides.filter((g) => g.slug !== guide.slug).slice(0, 3);
  return page(
    {
      title: guide.title,
      description: guide.summary,
      path: `/guides/${guide.slug}`,
      origin,
      type: 'article',
      image: { src: heroSrc(guide), alt: guide.hero.alt },
      published: guide.published,
      current: 'guides',
    },
    html`<article class="guide">
<header>
<h1>${guide.title}</h1>
<p class="meta">Published <time datetime="${isoDate(guide.published)}">${formatDate(guide.published)}</time></p>
${tagList(guide.tags)}
</header>
<img class="hero-image" src="${heroSrc(guide)}" alt="${guide.hero.alt}" width="800" height="400">
<div class="prose">
${trusted(guide.html)}
</div>
</article>
${subscribeForm()}
${more.length === 0 ? '' : html`<nav class="more" aria-labelledby="more-heading"><h2 id="more-heading">More guides</h2><ul class="cards">${more.map((g) => card(g, 'h3'))}</ul></nav>`}`,
  );
}

export function notFoundPage(origin: string, path: string): string {
  return page(
    { title: 'Page not found', description: 'There is no page at this address.', path, origin, noindex: true },
    html`<h1>Page not found</h1><p>There is nothing at this address. The <a href="/guides">guides</a> may have what you were looking for.</p>`,
  );
}
