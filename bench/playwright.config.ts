import { defineConfig } from '@playwright/test';

// `npm run bench`: measurements, not tests. Prints a table; see bench/bench.spec.ts.
export default defineConfig({
  testDir: '.',
  timeout: 180_000,
  workers: 1,
  reporter: [['list']],
});
