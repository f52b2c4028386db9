import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveReplicas, type ReplicaServer } from './replicas/index';
import { assemble, historyValues } from '../../src/history/layout';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (e.g. Playwright's own Chromium). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_PATH = path.resolve('.output/chrome-mv3');
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface Fixtures {
  /** The browser's language (`test.use({ language: 'de' })`); English (en-US) unless a test says otherwise. */
  language: string;
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  replicas: ReplicaServer;
  page: Page;
  /** Opens the popup as a page acting on the tab of `target` (a popup opened from the toolbar acts on the active tab). */
  openPopup: (target?: Page) => Promise<Page>;
}

/**
 * Chromium with the built extension; `headless: false` needs a display (npm run demo). `locale` is the browser's
 * language, which the extension's texts follow: `--lang` chooses the extension's locale (also in Debian's
 * Chromium, which ships only the en-US UI pack), LANGUAGE does so for a Linux desktop Chromium, and pages see
 * it as navigator.language.
 */
export async function launchWithExtension(
  userDataDir: string,
  colorScheme: 'light' | 'dark' = 'light',
  { headless = true, locale = 'en-US', args = [] }: { headless?: boolean; locale?: string; args?: string[] } = {},
) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    colorScheme,
    locale,
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    viewport: { width: 1100, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
      ...args,
    ],
  });
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const test = base.extend<Fixtures>({
  language: ['en-US', { option: true }],
  context: async ({ language }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'objector-e2e-'));
    const context = await launchWithExtension(dir, 'light', { locale: language });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  replicas: async ({ context }, use) => {
    await use(await serveReplicas(context));
  },
  page: async ({ context, replicas }, use) => {
    void replicas;
    await use(context.pages()[0] ?? (await context.newPage()));
  },
  openPopup: async ({ context, extensionId, worker }, use) => {
    await use(async (target) => {
      let query = '';
      if (target) {
        const url = target.url();
        const tabId = await worker.evaluate(async (u) => {
          const tabs = await chrome.tabs.query({});
          return tabs.find((t) => t.url === u)?.id ?? null;
        }, url);
        if (tabId) query = `?tab=${tabId}`;
      }
      const popup = await context.newPage();
      // The size Chromium gives a popup at most (800×600), at the popup's own width.
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html${query}`);
      return popup;
    });
  },
});

export const expect = test.expect;

/** Saves a screenshot under test-results/screenshots (kept by CI as the visual record). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Seeds the user's settings as the popup would save them. */
export async function saveSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    await chrome.storage.sync.set({ settings: value });
  }, settings);
}

/** What the background stored as the history (its values in `storage.local`, src/history/layout.ts), put together as one document; null when nothing is stored. */
export async function storedHistory<T = { version: number; accounts: unknown[]; entries: unknown[] }>(worker: Worker): Promise<T | null> {
  const values = historyValues(await worker.evaluate(() => chrome.storage.local.get(null)));
  return values.size === 0 ? null : (assemble(values).raw as T);
}

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle, and waits until it has stopped.
 * Uses the ServiceWorker domain of an extension page (same origin as the worker). Chromium restarts the
 * worker on the next event; Playwright's Worker object then follows the new instance.
 */
export async function stopExtensionWorker(context: BrowserContext, extensionPage: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  const versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => versions.push(...(event.versions as typeof versions)));
  await cdp.send('ServiceWorker.enable');
  const ours = () => versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
  await test.expect.poll(() => ours().length).toBeGreaterThan(0);
  const seen = ours().length;
  await cdp.send('ServiceWorker.stopWorker', { versionId: ours()[0]!.versionId });
  // Stopped at least once after the request: under a burst of messages Chromium may restart it at once.
  await test.expect.poll(() => ours().slice(seen).some((v) => v.runningStatus === 'stopped')).toBe(true);
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}
