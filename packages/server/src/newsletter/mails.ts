import type { Guide } from '../guides/load.ts';
import { absolutiseHtml } from '../guides/feed.ts';
import { html, trusted, type SafeHtml } from '../guides/html.ts';
import { absolute } from '../guides/layout.ts';
import type { OutgoingMail } from '../mail/mailer.ts';

/** Absolute links a mail needs, made by the caller from PUBLIC_URL or the request origin. */
export type MailLinks = { readonly origin: string; readonly unsubscribeToken: string };

export function unsubscribeUrl(links: MailLinks): string {
  return absolute(links.origin, `/newsletter/unsubscribe?token=${encodeURIComponent(links.unsubscribeToken)}`);
}

/** RFC 2369 + RFC 8058: mail providers show an "unsubscribe" button that POSTs to this URL. */
function listHeaders(links: MailLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(links)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function emailHtml(title: string, body: SafeHtml, links: MailLinks): string {
  // Mail clients ignore stylesheets and strip <style> unevenly; a few inline styles are the portable way.
  return `<!doctype html>\n${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:16px;background:#fffaf5;color:#2b2118;font-family:system-ui,sans-serif;line-height:1.6">
<div style="max-width:40rem;margin:0 auto">
${body}
<hr style="border:0;border-top:1px solid #e3d6c9;margin:2rem 0 1rem">
<p style="font-size:0.9rem;color:#5c4b3d">You get this because you subscribed to the Hearth newsletter. <a href="${unsubscribeUrl(links)}" style="color:#a3361f">Unsubscribe with one click</a>.</p>
</div></body></html>`.value}\n`;
}

export function confirmationMail(to: string, confirmUrl: string, links: MailLinks): OutgoingMail {
  const text = [
    'Hello,',
    '',
    'Someone, hopefully you, asked to get the Hearth newsletter at this address.',
    'To confirm, open this link and press "Confirm". It works for 48 hours:',
    '',
    confirmUrl,
    '',
    "If it wasn't you, ignore this email: you won't hear from us again.",
    '',
    `Unsubscribe: ${unsubscribeUrl(links)}`,
    '',
  ].join('\n');
  const body = html`<h1 style="font-size:1.4rem">Confirm your subscription</h1>
<p>Someone, hopefully you, asked to get the Hearth newsletter at this address. To confirm, open the link and press “Confirm”. It works for 48 hours.</p>
<p><a href="${confirmUrl}" style="display:inline-block;padding:10px 16px;background:#a3361f;color:#ffffff;border-radius:8px;text-decoration:none">Confirm my subscription</a></p>
<p style="font-size:0.9rem">Or copy this address into your browser: ${confirmUrl}</p>
<p>If it wasn’t you, ignore this email: you won’t hear from us again.</p>`;
  return { to, subject: 'Confirm your Hearth newsletter subscription', text, html: emailHtml('Confirm your subscription', body, links), headers: listHeaders(links) };
}

/** Markdown is already readable as text; links become "text (https://…)" so they still work. */
export function markdownToText(markdown: string, origin: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, alt: string) => `[${alt}]`)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) => `${label} (${href.startsWith('/') ? absolute(origin, href) : href})`)
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\W)_([^_]+)_(?=\W|$)/g, '$1$2');
}

export function issueMail(to: string, guide: Guide, links: MailLinks): OutgoingMail {
  const webUrl = absolute(links.origin, `/guides/${guide.slug}`);
  const text = [
    guide.title,
    '='.repeat(Math.min(guide.title.length, 72)),
    '',
    guide.summary,
    '',
    markdownToText(guide.markdown, links.origin),
    '',
    `Read it on the web: ${webUrl}`,
    '',
    '--',
    `You get this because you subscribed to the Hearth newsletter. Unsubscribe with one click: ${unsubscribeUrl(links)}`,
    '',
  ].join('\n');
  const body = html`<p style="font-size:0.9rem;color:#5c4b3d">The Hearth newsletter · <a href="${webUrl}" style="color:#a3361f">read it on the web</a></p>
<h1 style="font-size:1.6rem;line-height:1.25">${guide.title}</h1>
<p><strong>${guide.summary}</strong></p>
<img src="${absolute(links.origin, `/guides/${guide.hero.src}`)}" alt="${guide.hero.alt}" width="600" style="max-width:100%;height:auto;border-radius:12px">
${trusted(absolutiseHtml(guide.html, links.origin))}`;
  return { to, subject: guide.title, text, html: emailHtml(guide.title, body, links), headers: listHeaders(links) };
}
