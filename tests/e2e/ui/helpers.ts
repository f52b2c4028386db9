import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import type { Platform } from '../../../src/domain/platform';
import type { Status } from '../../../src/domain/status';

export { logIn } from '../history/helpers';

/** The browser's id of the tab showing `page` (found by URL; Facebook and Instagram tabs only). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  let id: number | null = null;
  await expect
    .poll(async () => {
      id = await worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, url);
      return id;
    })
    .not.toBeNull();
  return id!;
}

/** The toolbar icon's badge text and title on a tab, as the browser shows them. */
export function toolbarOf(worker: Worker, tabId: number): Promise<{ badge: string; title: string }> {
  return worker.evaluate(async (id) => ({
    badge: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
  }), tabId);
}

/** Stores a history as the background would have written it. */
export async function seedHistory(worker: Worker, history: unknown): Promise<void> {
  await worker.evaluate(async (value) => chrome.storage.local.set({ history: value }), history);
}

export function historyEntry(accountKey: string, status: Status, at: string) {
  const [platform] = accountKey.split(':') as [Platform];
  return {
    id: `entry-${accountKey}-${status}`,
    accountKey,
    platform,
    formId: platform === 'facebook' ? '712876720715583' : '767264225370182',
    url: platform === 'facebook' ? 'https://www.facebook.com/help/contact/712876720715583' : 'https://help.instagram.com/contact/767264225370182',
    lang: 'en',
    email: 'me@example.org',
    reasonIds: ['no-consent'],
    text: 'I object.',
    submittedAt: at,
    status,
    statusLog: status === 'submitted' ? [{ status, at }] : [{ status: 'submitted', at }, { status, at }],
  };
}

const AXE_SOURCE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core on the page as it is shown and returns its violations, reduced to what a report needs.
 * The source is evaluated through the DevTools protocol: an extension page's CSP forbids inline scripts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** True when the page shows everything without a scrollbar. */
export function fitsWithoutScrolling(page: Page): Promise<{ scrollHeight: number; clientHeight: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollHeight: root.scrollHeight, clientHeight: root.clientHeight };
  });
}
