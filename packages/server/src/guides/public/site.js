/* global document, fetch, URLSearchParams, FormData -- runs in the browser */
// Optional progressive enhancement for the newsletter form. Everything works without
// it: the form posts and the server redirects. With it, the reader stays on the page.
for (const form of document.querySelectorAll('form.subscribe')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = form.querySelector('.status');
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'text/html' },
      });
      if (response.ok && response.redirected && new URL(response.url).pathname === '/newsletter/check-your-inbox') {
        if (status) status.textContent = 'Thank you! Check your inbox for a confirmation link.';
        form.reset();
        if (button) button.disabled = false;
        return;
      }
    } catch {
      // Network trouble: the plain submit below shows the server's own page.
    }
    // Anything unexpected (a bad address, a rate limit): let the server render its page.
    form.submit();
  });
}
