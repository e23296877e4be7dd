import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility.ts';
import { openBrowser, signUp } from './support/couple.ts';
import { useHearthServer } from './support/use-hearth.ts';
import { goTo, openTool } from './support/nav.ts';

/**
 * Sam turns on notifications for this device in Settings. Headless Chromium has no push
 * service to register with (no network, no vendor keys), so either the subscription is
 * stored, or the page says clearly why it could not be made; both are checked. Then a
 * push is handed to the service worker directly (DevTools protocol, as a push service
 * would) and it shows a discreet notification tagged with the notification id.
 */

const sam = { email: 'sam.push@example.com', password: 'rain on the tin roof', name: 'Sam' };
const server = useHearthServer();
const problems: string[] = [];

test('a device turns on notifications in Settings, and its service worker shows a push', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server, problems);
  await context.grantPermissions(['notifications'], { origin: server.url });
  await page.goto('/app/sign-up');
  await signUp(page, sam);

  const section = page.getByRole('form', { name: 'Notifications on this device' });
  await test.step('Settings shows the device choices, discreet by default', async () => {
    await goTo(page, 'Settings');
    await openTool(page, 'This device');
    await expect(section.getByTestId('push-status')).toHaveText('Off for this device.');
    await expect(section.getByRole('checkbox', { name: 'Discreet titles' })).toBeChecked();
    await expect(section.getByRole('checkbox', { name: 'Show previews' })).not.toBeChecked();
    await expectAccessible(page, 'settings with notifications');
  });

  await test.step('Turning them on stores the subscription, or says plainly why it cannot', async () => {
    await section.getByRole('textbox', { name: 'Name for this device' }).fill('Test laptop');
    await section.getByRole('button', { name: 'Turn on notifications' }).click();
    const on = section.getByTestId('push-status').filter({ hasText: 'On for this device.' });
    const refused = section.getByRole('alert').filter({ hasText: "couldn't register with its push service" });
    await expect(on.or(refused)).toBeVisible({ timeout: 30_000 });
    const devices: unknown = await (await page.request.get('/api/push/subscriptions')).json();
    if (await on.isVisible()) {
      expect(devices).toMatchObject({ devices: [{ label: 'Test laptop', previews: false, discreet: true }] });
    } else {
      test.info().annotations.push({ type: 'push', description: `no push service in headless Chromium: ${await refused.innerText()}` });
      expect(devices).toEqual({ devices: [] });
      await expect(refused).toContainText('notification center');
    }
    await expectAccessible(page, 'settings after turning notifications on');
  });

  await test.step('A push reaches the service worker, which shows it discreetly under the notification id', async () => {
    const cdp = await context.newCDPSession(page);
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === `${server.url}/app/` && !r.isDeleted);
        if (ours !== undefined) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registered;
    const id = randomUUID();
    const payload = { v: 1, id, title: 'Something new in Hearth', event: 'nudge', itemKind: null, preview: null };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data: JSON.stringify(payload) });
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const reg = await navigator.serviceWorker.ready;
            return (await reg.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
          }),
        { timeout: 15_000 },
      )
      .toEqual([{ title: 'Something new in Hearth', body: 'Open Hearth to see it.', tag: id }]);
    // The same notification pushed again (a retried delivery) replaces it: still one.
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data: JSON.stringify(payload) });
    await page.waitForTimeout(500);
    const shown = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).length);
    expect(shown).toBe(1);
  });

  expect(problems).toEqual([]);
});
