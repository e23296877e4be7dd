import type { BrowserContext, Page } from '@playwright/test';

/**
 * Fails the journey on anything a user should never meet: a console error, an
 * uncaught exception, or a request to any host other than Hearth's own.
 */
export function watchContext(context: BrowserContext, origin: string, problems: string[]): void {
  void context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`third-party request: ${url}`);
    return route.abort();
  });
  context.on('page', (page) => watchPage(page, problems));
  for (const page of context.pages()) watchPage(page, problems);
}

function watchPage(page: Page, problems: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The API answers expected failures (signed out, wrong password) with 4xx by
    // design and Chromium reports every such response as a console error; 5xx and
    // anything the app itself logs still fail the journey.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    // Chromium's own words when a test context (always incognito) asks for a push
    // subscription; the page handles the refusal and says so to the person.
    if (msg.text().includes('does not support the Push API in incognito mode')) return;
    // Chromium's report of a request that found no network or no server, or of a stream the
    // server dropped as it stopped: the offline journeys cause these on purpose, and the
    // app's own handling of them is what they check.
    if (/^Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|INCOMPLETE_CHUNKED_ENCODING)/.test(msg.text())) return;
    problems.push(`console.error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
}
