// `npm test`: every check. Typecheck, lint (ESLint, Mozilla's web-ext lint, and scripts/check-sources.mjs:
// no copies of the platform/status lists, no casts of messages, no fixed sleeps in tests), the build, unit tests (vitest), end-to-end
// tests (Playwright, the built extension in Chromium), the journey in real Firefox (vitest over WebDriver
// BiDi) and `npm run demo`'s journey without a display. Ends with one line "N passed, N failed" that adds up
// all test results.
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureFirefox, ensureNodeModules, run } from './ensure.mjs';

ensureNodeModules();
const chromium = ensureChromium();
const firefox = ensureFirefox();

const problems = [];
const step = (name, command, env = {}) => {
  try {
    run(command, { env: { ...process.env, ...env } });
  } catch {
    problems.push(name);
  }
};

rmSync('reports', { recursive: true, force: true });
step('build', 'node scripts/build.mjs');
step('typecheck', 'npx tsc --noEmit');
step('lint', 'npx eslint .');
// Copies of the platform/status lists, casts of messages or answers, fixed sleeps in tests (see the script's head).
step('sources', 'node scripts/check-sources.mjs');
step('web-ext lint', 'npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --no-config-discovery');
step('unit tests', 'npx vitest run');
step('end-to-end tests', 'npx playwright test', { CHROMIUM_PATH: chromium });
step('Firefox tests', 'npx vitest run --config tests/e2e/firefox/vitest.config.ts', { FIREFOX_PATH: firefox });
// `npm run demo`'s journey without a display (the build above, DISPLAY cleared): it ends only once the history
// shows both demo accounts, so a demo that no longer logs in or fills fails here (it once did, unnoticed).
step('demo', 'npx jiti scripts/demo.ts', { CHROMIUM_PATH: chromium, DISPLAY: '' });

const count = (file, read) => {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
};
// A test step that failed without a failed test (e.g. a setup hook failed: Firefox did not start) still
// counts as a failure.
const atLeastOneIfFailed = (name, c) => (problems.includes(name) && c.failed === 0 ? { ...c, failed: 1 } : c);
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests });
const unit = atLeastOneIfFailed('unit tests', count('reports/vitest.json', vitestCounts));
const firefoxTests = atLeastOneIfFailed('Firefox tests', count('reports/firefox.json', vitestCounts));
const e2e = atLeastOneIfFailed(
  'end-to-end tests',
  count('reports/playwright.json', (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky })),
);
const passed = unit.passed + e2e.passed + firefoxTests.passed;
const failed = unit.failed + e2e.failed + firefoxTests.failed;
console.log(
  `\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed; ` +
    `Firefox: ${firefoxTests.passed} passed, ${firefoxTests.failed} failed`,
);
if (problems.length) console.log(`failed steps: ${problems.join(', ')}`);
// A failed step that is not a test (typecheck, lint, build) counts as one failure, so that the closing line
// never reads "0 failed" for a run that failed.
const stepFailures = problems.filter((p) => !['unit tests', 'end-to-end tests', 'Firefox tests'].includes(p)).length;
console.log(`${passed} passed, ${failed + stepFailures} failed`);
process.exit(problems.length || failed ? 1 : 0);
