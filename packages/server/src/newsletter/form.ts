import { html, type SafeHtml } from '../guides/html.ts';

/** Bots fill every field they find; people never see this one (hidden by the stylesheet). */
export const HONEYPOT_FIELD = 'website';

export type FormState = { readonly email?: string; readonly error?: string };

/**
 * The sign-up form, on the landing page, under every guide and on /newsletter.
 * A plain POST with a redirect, so it works with JavaScript off.
 */
export function subscribeForm(state: FormState = {}, headingLevel: 'h1' | 'h2' = 'h2'): SafeHtml {
  const heading = headingLevel === 'h1' ? html`<h1 id="newsletter-heading">The Hearth newsletter</h1>` : html`<h2 id="newsletter-heading">Get new guides by email</h2>`;
  const invalid = state.error !== undefined;
  return html`<section class="newsletter" aria-labelledby="newsletter-heading">
${heading}
<p>About one email a month with a new guide. We ask you to confirm first, and every email has a one-click unsubscribe link.</p>
<form class="subscribe" method="post" action="/newsletter/subscribe">
${invalid ? html`<p class="form-error" id="newsletter-error" role="alert">${state.error}</p>` : ''}
<label for="newsletter-email">Email address</label>
<div class="field-row">
<input id="newsletter-email" name="email" type="email" inputmode="email" autocomplete="email" required maxlength="254" value="${state.email ?? ''}"${invalid ? html` aria-invalid="true" aria-describedby="newsletter-error"` : ''}>
<button type="submit">Subscribe</button>
</div>
<div class="hp" aria-hidden="true">
<label for="newsletter-${HONEYPOT_FIELD}">Leave this field empty</label>
<input id="newsletter-${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off">
</div>
<p class="status" role="status" aria-live="polite"></p>
</form>
</section>`;
}
