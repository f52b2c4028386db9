// "Save a problem report" in real Firefox: the control's `<a download>` link saves the file (src/forms/report).
// Firefox is told over WebDriver BiDi where to save downloads (`browser.setDownloadBehavior`), and reports
// the saved file's path (`browsingContext.downloadEnd`): the test reads the file Firefox wrote.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { BiDi, Firefox } from './bidi';
import { CONTROL, firstTab, pageHelpers, serveReplica, startFirefoxWithObjector, WAIT } from './page';
import { PLANTED, REPLICA_URLS } from '../replicas/index';
import { renderNothingPage } from '../replicas/hostile';

/** Meta greets the user by name in a heading: the report must not carry it (src/forms/report/outline.ts). */
const GREETING = `Hi ${PLANTED.name}, how can we help?`;

let firefox: Firefox;
let bidi: BiDi;
let page: ReturnType<typeof pageHelpers>;
let downloads: string;
const finished: Array<{ status: string; filepath?: string; url: string }> = [];
let interceptErrors: string[] = [];

beforeAll(async () => {
  downloads = mkdtempSync(path.join(tmpdir(), 'objector-firefox-downloads-'));
  ({ firefox, bidi, page } = await startFirefoxWithObjector());
  await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: downloads } });
  bidi.on('browsingContext.downloadEnd', (params) => finished.push(params as (typeof finished)[number]));
  await bidi.send('session.subscribe', { events: ['browsingContext.downloadEnd'] });
  const form = new URL(REPLICA_URLS.nothing);
  interceptErrors = await serveReplica(bidi, ({ method, url }) =>
    method === 'GET' && url.pathname === form.pathname && url.searchParams.get('replica') === 'nothing'
      ? renderNothingPage().replace('role="main">', `role="main"><h1>${GREETING}</h1>`)
      : undefined,
  );
});

afterAll(async () => {
  await firefox?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

test('an objection URL with nothing recognisable: Firefox saves the problem report, with nothing personal in it', async () => {
  const tab = await firstTab(bidi);
  await bidi.send('browsingContext.navigate', { context: tab, url: REPLICA_URLS.nothing, wait: 'complete' });
  expect(await page.text(tab, `document.querySelector('h1').textContent`)).toBe(GREETING);
  const reportButton = `${CONTROL}?.shadowRoot?.querySelector('button.secondary')`;
  // Objector waits about 10 s for a form that may still be rendering before it says anything.
  await vi.waitFor(async () => {
    expect(await page.bool(tab, `!!${reportButton} && !${reportButton}.hidden`)).toBe(true);
    expect(await page.text(tab, `${reportButton}.textContent`)).toBe('Save a problem report');
  }, WAIT);
  expect(await page.text(tab, `${CONTROL}.shadowRoot.textContent`)).toContain('does not recognise a form on this page');
  await page.screenshot(tab, 'firefox-form-unrecognised');

  await page.trustedClick(tab, await page.node(tab, reportButton));
  const saved = await vi.waitFor(() => {
    expect(finished).toHaveLength(1);
    return finished[0]!;
  }, WAIT);
  expect(saved.status).toBe('complete');
  expect(path.dirname(saved.filepath!)).toBe(downloads);
  expect(path.basename(saved.filepath!)).toMatch(/^objector-problem-report-facebook-ai-objection-\d{4}-\d{2}-\d{2}\.json$/);

  const text = readFileSync(saved.filepath!, 'utf8');
  for (const planted of Object.values(PLANTED)) expect(text, planted).not.toContain(planted);
  for (const [, value] of new URLSearchParams(PLANTED.query)) expect(text).not.toContain(value);
  expect(text).not.toContain(PLANTED.name.split(' ')[0]);
  expect(text.replaceAll('712876720715583', 'FORM')).not.toMatch(/\d{8,}/);
  expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);

  const report = JSON.parse(text) as { ruleId: string; page: { path: string; host: string }; missing: string[]; outline: string[]; headings: string[] };
  expect(report.ruleId).toBe('facebook-ai-objection');
  expect(report.page).toMatchObject({ host: 'www.facebook.com', path: '/help/contact/712876720715583' });
  expect(report.missing).toContain('reason');
  const outline = report.outline.join('\n');
  expect(outline).toContain('input type=text');
  expect(outline).toContain('role=radiogroup');
  expect(outline).toContain('"Your name"');
  expect(outline).toContain('"Continue"');
  // The greeting is there as a heading, its words are not.
  expect(report.headings).toContain(`h1 (text left out: ${GREETING.split(' ').length} words)`);
  expect(interceptErrors).toEqual([]);
});
