// End-to-end tests in real Chromium (Debian's, not a downloaded build) against
// the real HTTP host started per test (tests/e2e/fixtures.ts).
import { defineConfig } from '@playwright/test';
// The same flags as the Chromium that prints PDF reports: one list.
import { CHROMIUM_ARGS } from './electron/services/export/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  // Two cores: one host process and one browser per worker.
  workers: 2,
  // One retry in CI only: Playwright reports a test that needed it as "flaky", so it stays visible.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // scripts/test-all.mjs sets PLAYWRIGHT_JSON_OUTPUT_NAME to count the results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 860 },
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
