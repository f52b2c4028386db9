import { defineConfig } from 'vitest/config';

// Real Firefox over WebDriver BiDi (see bidi.ts); `npm run test:firefox`, after `npm run build`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.test.ts'],
    // One Firefox at a time: each file starts its own, and the machine (like CI) has two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/firefox.json' },
  },
});
