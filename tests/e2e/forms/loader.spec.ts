import type { CDPSession, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { REPLICA_URLS } from '../replicas/index';

/*
 * Engine on demand: the loader (the only content script) runs on every Facebook page; the engine is
 * injected only into a frame that shows an objection form, once, and keeps working through in-app navigation.
 * The scripts a page evaluates are counted through the DevTools protocol, which sees the extension's isolated
 * world too (the page's own scripts cannot).
 */

const FORM_PATH = '/help/contact/6359191084165019';
const control = (page: Page) => page.locator('[data-objector-control]');
const autofill = (page: Page) => control(page).getByRole('button', { name: /Autofill/ });

async function countScripts(page: Page, extensionId: string): Promise<{ cdp: CDPSession; parsed: (file: string) => number }> {
  const cdp = await page.context().newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (event) => urls.push(event.url));
  await cdp.send('Debugger.enable');
  const parsed = (file: string) => urls.filter((u) => u === `chrome-extension://${extensionId}/${file}`).length;
  return { cdp, parsed };
}

const navigateInApp = (page: Page, path: string) =>
  page.evaluate((p) => (window as unknown as { __navigateTo(path: string): void }).__navigateTo(p), path);

test('a feed gets only the loader; in-app navigation to a form loads the engine once, and it keeps working away and back', async ({ page, extensionId }) => {
  const { parsed } = await countScripts(page, extensionId);
  // A light feed (the same app, 30 posts, no churn): what is checked is which scripts run, not the load.
  await page.goto(REPLICA_URLS.fbFeedEnglish + '?static=1&posts=30', { waitUntil: 'commit' });
  await expect.poll(() => parsed('loader.js')).toBe(1);
  await expect(page.getByRole('article').first()).toBeVisible();
  // Nothing of the engine on the feed: no script, no control.
  expect(parsed('engine.js')).toBe(0);
  await expect(control(page)).toHaveCount(0);

  await navigateInApp(page, FORM_PATH);
  await expect(autofill(page)).toBeVisible();
  expect(parsed('engine.js')).toBe(1);

  await navigateInApp(page, '/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(control(page)).toHaveCount(0);

  await navigateInApp(page, FORM_PATH);
  await autofill(page).click();
  await expect(control(page).getByRole('status')).toContainText(/Filled in/);
  await expect(page.locator('textarea')).not.toHaveValue('');
  // Back on the form: the engine that was loaded works again, no second copy.
  expect(parsed('engine.js')).toBe(1);
  expect(parsed('loader.js')).toBe(1);
});

test('a form opened directly gets the engine once, and the popup reaches it', async ({ page, extensionId, openPopup }) => {
  const { parsed } = await countScripts(page, extensionId);
  await page.goto(REPLICA_URLS.fbEnglish, { waitUntil: 'commit' });
  await expect(autofill(page)).toBeVisible();
  expect(parsed('engine.js')).toBe(1);
  const popup = await openPopup(page);
  await expect(popup.getByRole('heading', { name: "This tab shows Meta's objection form" })).toBeVisible();
});

test('an engine left behind when Objector is reloaded takes its control off the page and stops watching', async ({ page, worker }) => {
  await page.goto(REPLICA_URLS.fbFeedEnglish + '?static=1&posts=30', { waitUntil: 'commit' });
  await expect(page.getByRole('article').first()).toBeVisible();
  await navigateInApp(page, FORM_PATH);
  await expect(autofill(page)).toBeVisible();

  // What an update, a reload from chrome://extensions or disabling does to open tabs: the extension's
  // scripts stay in the page, cut off from it.
  await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
  await expect(control(page)).toHaveCount(0);

  // Stopped, not merely hidden: away and back to the form, the old engine shows nothing again.
  await navigateInApp(page, '/');
  await expect(page.getByRole('article').first()).toBeVisible();
  await navigateInApp(page, FORM_PATH);
  await expect(page.locator('textarea')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(control(page)).toHaveCount(0);
});
