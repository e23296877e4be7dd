/**
 * Runs the browser journeys, or says loudly why it did not. A machine without
 * Chromium skips them (so `npm test` works on a laptop without it); CI sets
 * REQUIRE_E2E=1 so a missing browser fails the run instead of passing quietly.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { CHROMIUM_PATH } from './support/browser.ts';

if (!existsSync(CHROMIUM_PATH)) {
  const line = '='.repeat(78);
  const message = `E2E SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`;
  if (process.env.REQUIRE_E2E === '1') {
    console.error(`${line}\n${message}\nREQUIRE_E2E=1 is set, so this run fails.\n${line}`);
    process.exit(1);
  }
  console.warn(`${line}\n${message}\n${line}`);
  process.exit(0);
}

const result = spawnSync('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
