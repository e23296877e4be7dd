import { html, type SafeHtml } from '../guides/html.ts';
import { page } from '../guides/layout.ts';
import { subscribeForm, type FormState } from './form.ts';

type P = { readonly origin: string; readonly path: string };

/** Pages reached from an email link are personal: kept out of search engines. */
function personal(p: P, title: string, body: SafeHtml): string {
  return page({ title, description: 'The Hearth newsletter: new guides by email, with double opt-in and one-click unsubscribe.', path: p.path, origin: p.origin, noindex: true }, body);
}

export function subscribePage(p: P, state: FormState = {}): string {
  return page(
    {
      title: state.error === undefined ? 'Newsletter' : 'Newsletter: please check your email address',
      description: 'Get new Hearth guides by email. Confirm first; unsubscribe with one click.',
      path: '/newsletter',
      origin: p.origin,
    },
    subscribeForm(state, 'h1'),
  );
}

export function checkInboxPage(p: P): string {
  return personal(
    p,
    'Check your inbox',
    html`<h1>Check your inbox</h1>
<p>If the address is right, an email with a confirmation link is on its way. Open it and press “Confirm” to start getting new guides.</p>
<p>Nothing there after a few minutes? Look in your spam folder, or <a href="/newsletter">try again</a>.</p>
<p><a href="/guides">Back to the guides</a></p>`,
  );
}

export function confirmPage(p: P, token: string): string {
  return personal(
    p,
    'Confirm your subscription',
    html`<h1>Confirm your subscription</h1>
<p>Press the button to start getting new Hearth guides by email. You can unsubscribe with one click from any email.</p>
<form class="inline-form" method="post" action="/newsletter/confirm">
<input type="hidden" name="token" value="${token}">
<button type="submit">Confirm</button>
</form>`,
  );
}

export function confirmedPage(p: P, already: boolean): string {
  return personal(
    p,
    'Subscription confirmed',
    html`<h1>${already ? 'You were already subscribed' : 'You’re subscribed'}</h1>
<p>Thank you. You’ll get an email when there is a new guide — about once a month.</p>
<p><a href="/guides">Read the guides</a></p>`,
  );
}

export function unsubscribePage(p: P, token: string): string {
  return personal(
    p,
    'Unsubscribe',
    html`<h1>Unsubscribe from the Hearth newsletter</h1>
<p>Press the button and we will stop sending you emails. No sign-in needed.</p>
<form class="inline-form" method="post" action="/newsletter/unsubscribe?token=${encodeURIComponent(token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button>
</form>`,
  );
}

export function unsubscribedPage(p: P): string {
  return personal(
    p,
    'Unsubscribed',
    html`<h1>You’re unsubscribed</h1>
<p>We won’t send you the newsletter any more. Changed your mind? You can <a href="/newsletter">subscribe again</a> at any time.</p>`,
  );
}

/** Every refusal on these routes: a plain page with what to do next, never a JSON error body. */
export function problemPage(p: P, title: string, message: string): string {
  return personal(
    p,
    title,
    html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="/newsletter">Go to the newsletter page</a> · <a href="/guides">Read the guides</a></p>`,
  );
}
