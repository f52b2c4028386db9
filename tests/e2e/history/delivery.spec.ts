import type { Worker } from '@playwright/test';
import { test, expect, stopExtensionWorker, storedHistory } from '../fixtures';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { facebookUserWithSettings, instagramAccountInHistory, openHistory, sendAndHoldMetasAnswer } from './helpers';

/*
 * Meta's answer reaches the history even when the worker dies while it writes it: the report gets no answer,
 * and the engine sends it again until a worker acknowledges what it stored.
 */

test("the worker dies while it writes Meta's answer: the answer is sent again and the entry is Confirmed, once", async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  const { history, account } = await instagramAccountInHistory(context, worker, extensionId);
  const control = page.locator('[data-objector-control]').getByRole('status');

  // The replica holds its request to Meta until released, so the worker can be prepared in between.
  await page.goto(REPLICA_URLS.igGerman);
  await page.evaluate(() => {
    const w = window as unknown as { __holdSend: Promise<void>; __release: () => void };
    w.__holdSend = new Promise((resolve) => (w.__release = resolve));
  });
  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(control).toContainText('Filled in');
  await page.getByRole('button', { name: REPLICA_TEXTS.igGerman.send, exact: true }).click();
  await expect(account.locator('.badge').first()).toHaveText('Submitted');

  // This worker instance never finishes its next write of the history: it is stopped in the middle of it.
  await worker.evaluate(() => {
    const local = chrome.storage.local as unknown as { set: (items: object, ...rest: unknown[]) => unknown };
    const set = local.set.bind(local);
    local.set = (items, ...rest) => {
      if (!('history-write' in items)) return set(items, ...rest);
      (globalThis as unknown as { __writeHangs: boolean }).__writeHangs = true;
      return new Promise(() => undefined);
    };
  });
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  await expect.poll(() => worker.evaluate(() => (globalThis as unknown as { __writeHangs?: boolean }).__writeHangs ?? false)).toBe(true);
  // Not stored, not claimed.
  await expect(control).not.toContainText('Saved in your history as Confirmed');

  await stopExtensionWorker(context, history, extensionId);
  await expect(control).toContainText('Saved in your history as Confirmed');
  await history.reload();
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
  await expect(account.getByRole('heading', { level: 4 })).toHaveCount(1);
  const stored = await storedHistory<{ entries: Array<{ statusLog: unknown[] }> }>(worker);
  expect(stored?.entries).toHaveLength(1);
  expect(stored?.entries[0]!.statusLog).toHaveLength(2);
});

/** Makes every history write of this worker instance hang (it is then stopped in the middle of one). */
async function hangHistoryWrites(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const local = chrome.storage.local as unknown as { set: (items: object, ...rest: unknown[]) => unknown };
    const set = local.set.bind(local);
    local.set = (items, ...rest) => {
      if (Object.keys(items).every((key) => key.startsWith('outbox'))) return set(items, ...rest);
      (globalThis as unknown as { __writeHangs: boolean }).__writeHangs = true;
      return new Promise(() => undefined);
    };
  });
}

/** The keys of reports the engine handed off and no background has applied yet. */
const handedOff = (worker: Worker) =>
  worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((key) => key.startsWith('outbox:')));

test("the tab is closed before Meta's answer is acknowledged, the worker stopped: the next worker makes the entry Confirmed", async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  const { history, account } = await instagramAccountInHistory(context, worker, extensionId);
  await sendAndHoldMetasAnswer(page, account);

  // Meta confirms while the worker cannot store anything: the answer is neither stored nor acknowledged.
  await hangHistoryWrites(worker);
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  await expect.poll(() => handedOff(worker)).toContainEqual(expect.stringMatching(/^outbox:.+:status:confirmed$/));
  await expect(page.locator('[data-objector-control]').getByRole('status')).not.toContainText('Saved in your history as Confirmed');
  expect((await storedHistory<{ entries: Array<{ status: string }> }>(worker))?.entries[0]?.status).toBe('submitted');

  // The user closes the tab; the worker stops (as Chromium stops an idle one). No page is left to send again.
  await page.close();
  await stopExtensionWorker(context, history, extensionId);

  // Later the user opens Instagram again: the worker starts and applies what the closed tab handed off.
  const again = await context.newPage();
  await again.goto('https://www.instagram.com/');
  await expect.poll(async () => (await storedHistory<{ entries: Array<{ status: string }> }>(worker))?.entries[0]?.status).toBe('confirmed');
  await history.reload();
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
  await expect(account.getByRole('heading', { level: 4 })).toHaveCount(1);
  expect(await handedOff(worker)).toEqual([]);
  const stored = await storedHistory<{ entries: Array<{ statusLog: unknown[] }> }>(worker);
  expect(stored?.entries).toHaveLength(1);
  expect(stored?.entries[0]!.statusLog).toHaveLength(2);
});

test('hostile: page script cannot reach the handoff, and a damaged or misfiled handed-off value is set aside and changes nothing', async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  const { history, account } = await instagramAccountInHistory(context, worker, extensionId);
  await sendAndHoldMetasAnswer(page, account);

  // Script on Meta's page has no extension storage to write a report into.
  expect(await page.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage)).toBe('undefined');

  // Damaged values under handoff keys (a bug, a manual edit): a confirmation filed under the key of a
  // "failed" answer, and a value that is no report at all.
  const entry = (await storedHistory<{ entries: Array<{ id: string }> }>(worker))!.entries[0]!;
  await worker.evaluate(async (id) => {
    await chrome.storage.local.set({
      [`outbox:${id}:status:failed`]: { type: 'status', id, status: 'confirmed', at: new Date().toISOString() },
      'outbox:junk': '<img src=x onerror=alert(1)>',
    });
  }, entry.id);
  await expect.poll(() => handedOff(worker)).toEqual([]);
  const aside = await worker.evaluate(async () => (await chrome.storage.local.get('outbox-set-aside'))['outbox-set-aside'] as unknown[]);
  expect(aside).toHaveLength(2);
  await history.reload();
  await expect(account.locator('.badge').first()).toHaveText('Submitted');

  // Meta's real answer still reaches the entry.
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Saved in your history as Confirmed');
  await history.reload();
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
});

test("a form that posts, sent while the worker is stopped: the page reloads on Meta's answer and the entry is Confirmed", async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  await facebookUserWithSettings(context, worker);
  const history = await openHistory(context, extensionId);
  await page.goto(REPLICA_URLS.fbEnglish);
  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Filled in');
  // The user reads the form over before Send; meanwhile Chromium stops the idle worker.
  await stopExtensionWorker(context, history, extensionId);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Meta confirmed your objection');
  await history.reload();
  const account = history.getByRole('region', { name: 'Facebook 100001' });
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
  await expect(account.getByRole('heading', { level: 4 })).toHaveCount(1);
});
