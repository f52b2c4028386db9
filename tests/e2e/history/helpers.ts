import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { expect, saveSettings } from '../fixtures';
import type { Platform } from '../../../src/domain/platform';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';

/**
 * Logs a test user in as Meta would: the person's id in a cookie page script can read (`c_user`,
 * `ds_user_id`) and the session in an HttpOnly cookie page script can neither read nor write (`xs`,
 * `sessionid`, which on Instagram starts with the id).
 */
export async function logIn(context: BrowserContext, platform: Platform, id: string): Promise<void> {
  const cookie = { path: '/', secure: true, sameSite: 'None' as const };
  await context.addCookies(
    platform === 'facebook'
      ? [
          { ...cookie, name: 'c_user', value: id, domain: '.facebook.com' },
          { ...cookie, name: 'xs', value: '41%3AsEcReT%3A2%3A1700000000%3A-1%3A-1', domain: '.facebook.com', httpOnly: true },
        ]
      : [
          { ...cookie, name: 'ds_user_id', value: id, domain: '.instagram.com' },
          { ...cookie, name: 'sessionid', value: `${id}%3AsEcReT%3A12%3AAYx`, domain: '.instagram.com', httpOnly: true },
        ],
  );
}

export async function autofillAndSend(page: Page, url: string, send: string): Promise<{ sent: Promise<void> }> {
  await page.goto(url);
  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Filled in');
  // The click resolves once the navigation it starts has committed: callers that hold Meta's answer
  // wait for it later.
  return { sent: page.getByRole('button', { name: send, exact: true }).click() };
}

export async function openHistory(context: BrowserContext, extensionId: string, query = ''): Promise<Page> {
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/objections.html${query}`);
  await expect(history.getByRole('heading', { level: 1 })).toBeVisible();
  return history;
}

/** Sends the form on the German Instagram replica, whose request to Meta waits until the test releases it. */
export async function sendAndHoldMetasAnswer(page: Page, account: Locator): Promise<void> {
  await page.goto(REPLICA_URLS.igGerman);
  await page.evaluate(() => {
    const w = window as unknown as { __holdSend: Promise<void>; __release: () => void };
    w.__holdSend = new Promise((resolve) => (w.__release = resolve));
  });
  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Filled in');
  await page.getByRole('button', { name: REPLICA_TEXTS.igGerman.send, exact: true }).click();
  await expect(account.locator('.badge').first()).toHaveText('Submitted');
}

/** The English settings most tests send with (one reason, an e-mail, Ireland). */
export const ENGLISH_SETTINGS = { reasonIds: ['no-consent'], ownWords: '', email: 'me@example.org', country: 'IE' };

/** Logged in to Facebook as 100001 with the English settings saved. */
export async function facebookUserWithSettings(context: BrowserContext, worker: Worker): Promise<void> {
  await logIn(context, 'facebook', '100001');
  await saveSettings(worker, ENGLISH_SETTINGS);
}

/** Logged in to Instagram as 200002, German settings saved, the history page open: that page and the account's card. */
export async function instagramAccountInHistory(context: BrowserContext, worker: Worker, extensionId: string): Promise<{ history: Page; account: Locator }> {
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, { reasonIds: ['safety'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  const history = await openHistory(context, extensionId);
  return { history, account: history.getByRole('region', { name: 'Instagram 200002' }) };
}
