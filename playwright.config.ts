import { defineConfig } from '@playwright/test';

// End-to-end tests load the built extension (.output/chrome-mv3) into Debian's Chromium; see tests/e2e/fixtures.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  // Firefox runs in its own step (npm run test:firefox): Playwright cannot drive Debian's Firefox. Matched on
  // the absolute path: 'firefox/**' also ignored every test of a checkout in a folder named firefox.
  testIgnore: '**/tests/e2e/firefox/**',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
});
