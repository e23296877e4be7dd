import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Each spec file starts its own server and database, so two files can run side by side,
  // overlapping one journey's waits (a nudge due in a minute or two, the worker's poll)
  // with another's work. On the 2-core machine the whole run took about as long either
  // way (CPU-bound), so this gains little there; E2E_WORKERS=1 runs them one at a time.
  workers: Number(process.env['E2E_WORKERS'] ?? 2),
  fullyParallel: false,
  // Journeys derive keys several times (Argon2id, 64 MiB) on a 2-core machine.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 390, height: 844 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
