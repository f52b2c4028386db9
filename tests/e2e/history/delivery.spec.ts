import { test, expect, saveSettings, stopExtensionWorker, storedHistory } from '../fixtures';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { logIn, openHistory } from './helpers';

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
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, { reasonIds: ['safety'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  const history = await openHistory(context, extensionId);
  const account = history.getByRole('region', { name: 'Instagram 200002' });
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
