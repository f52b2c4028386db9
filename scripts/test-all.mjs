// `npm test`: every check. Typecheck, lint (ESLint and Mozilla's web-ext lint), the build, unit tests
// (vitest) and end-to-end tests (Playwright, the built extension in Chromium). Ends with one line
// "N passed, N failed" that adds up the unit and end-to-end results.
import { readFileSync, rmSync } from 'node:fs';
import { ensureChromium, ensureNodeModules, run } from './ensure.mjs';

ensureNodeModules();
const chromium = ensureChromium();

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
step('web-ext lint', 'npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --no-config-discovery');
step('unit tests', 'npx vitest run');
step('end-to-end tests', 'npx playwright test', { CHROMIUM_PATH: chromium });

const count = (file, read) => {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
};
const unit = count('reports/vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = count('reports/playwright.json', (r) => ({
  passed: r.stats.expected,
  failed: r.stats.unexpected + r.stats.flaky,
}));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed`);
if (problems.length) console.log(`failed steps: ${problems.join(', ')}`);
// A failed step that is not a test (typecheck, lint, build) counts as one failure, so that the closing line
// never reads "0 failed" for a run that failed.
const stepFailures = problems.filter((p) => p !== 'unit tests' && p !== 'end-to-end tests').length;
console.log(`${passed} passed, ${failed + stepFailures} failed`);
process.exit(problems.length || failed ? 1 : 0);
