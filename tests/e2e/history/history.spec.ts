import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, screenshot, saveSettings, launchWithExtension, extensionWorker, stopExtensionWorker, storedHistory } from '../fixtures';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { autofillAndSend, facebookUserWithSettings, logIn, openHistory, sendAndHoldMetasAnswer } from './helpers';

test('Autofill, Send and Meta\'s confirmation: the history shows the account as Confirmed, and the form says so next time', async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  await facebookUserWithSettings(context, worker);
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Meta confirmed your objection');

  const history = await openHistory(context, extensionId);
  const account = history.getByRole('region', { name: 'Facebook 100001' });
  await expect(account).toBeVisible();
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
  await expect(account).toContainText('me@example.org');

  // Back on the form for the same account, the control warns before a second objection.
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(page.locator('[data-objector-control]')).toContainText('already has a confirmed objection');
  await screenshot(page, 'form-facebook-already-confirmed');
});

test('Meta shows an error: the entry is Failed', async ({ context, page, extensionId, replicas, worker }) => {
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  replicas.setOutcome('error');
  await (await autofillAndSend(page, REPLICA_URLS.igGerman, REPLICA_TEXTS.igGerman.send)).sent;
  await expect(page.getByRole('alert').filter({ hasText: REPLICA_TEXTS.igGerman.error })).toBeVisible();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Meta showed an error');

  const history = await openHistory(context, extensionId);
  const account = history.getByRole('region', { name: 'Instagram 200002' });
  await expect(account.locator('.badge').first()).toHaveText('Failed');
});

test('two accounts on two platforms are listed separately, with the popup summary', async ({
  context,
  page,
  extensionId,
  openPopup,
  worker,
}) => {
  await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'me@example.org', country: '' });
  await logIn(context, 'facebook', '100001');
  await logIn(context, 'instagram', '200002');
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  await (await autofillAndSend(page, REPLICA_URLS.igGerman, REPLICA_TEXTS.igGerman.send)).sent;
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Meta confirmed');

  const history = await openHistory(context, extensionId);
  await expect(history.getByRole('heading', { level: 2, name: 'Facebook' })).toBeVisible();
  await expect(history.getByRole('heading', { level: 2, name: 'Instagram' })).toBeVisible();
  await expect(history.getByRole('region', { name: 'Facebook 100001' }).locator('.badge').first()).toHaveText('Confirmed');
  await expect(history.getByRole('region', { name: 'Instagram 200002' }).locator('.badge').first()).toHaveText('Confirmed');

  // Label an account: it is then shown by its label.
  const fb = history.getByRole('region', { name: 'Facebook 100001' });
  await fb.getByRole('textbox', { name: 'Name for this account' }).fill('My main profile');
  await fb.getByRole('button', { name: 'Save' }).click();
  await expect(history.getByRole('region', { name: 'My main profile' })).toBeVisible();
  await screenshot(history, 'history-two-accounts');
  await history.emulateMedia({ colorScheme: 'dark' });
  await screenshot(history, 'history-two-accounts-dark');

  const popup = await openPopup();
  await expect(popup.getByRole('listitem').filter({ hasText: 'My main profile' })).toContainText('Confirmed');
  await expect(popup.getByRole('listitem').filter({ hasText: 'Instagram 200002' })).toContainText('Confirmed');
});

test('the worker is stopped between Send and the confirmation: still one complete entry', async ({
  context,
  page,
  extensionId,
  worker,
}) => {
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, { reasonIds: ['safety'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  await worker.evaluate(() => ((globalThis as unknown as { __firstInstance: boolean }).__firstInstance = true));
  const history = await openHistory(context, extensionId);

  // The replica holds its request to Meta until released, so the worker can be stopped in between.
  const account = history.getByRole('region', { name: 'Instagram 200002' });
  await sendAndHoldMetasAnswer(page, account);

  await stopExtensionWorker(context, history, extensionId);
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Meta confirmed');

  // A new worker instance recorded the confirmation, into the same entry.
  expect(await worker.evaluate(() => (globalThis as unknown as { __firstInstance?: boolean }).__firstInstance ?? false)).toBe(false);
  await history.reload();
  await expect(account.locator('.badge').first()).toHaveText('Confirmed');
  await expect(account.getByRole('heading', { level: 4 })).toHaveCount(1);
  await account.getByText(/Text sent to Meta/).click();
  await expect(account).toContainText('Sicherheit');
});

test('export then import into a fresh profile gives the same history', async ({ context, page, extensionId }) => {
  await logIn(context, 'facebook', '100001');
  await (await autofillAndSend(page, REPLICA_URLS.fbEnglish, 'Send')).sent;
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  const history = await openHistory(context, extensionId);
  await expect(history.getByRole('region', { name: 'Facebook 100001' }).locator('.badge').first()).toHaveText('Confirmed');
  const [download] = await Promise.all([history.waitForEvent('download'), history.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^objector-history-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'objector-export-')), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));

  const dir = mkdtempSync(path.join(tmpdir(), 'objector-fresh-'));
  const fresh = await launchWithExtension(dir);
  try {
    const freshId = new URL((await extensionWorker(fresh)).url()).host;
    const other = await openHistory(fresh, freshId);
    await expect(other.getByText(/No submissions yet/)).toBeVisible();
    // A foreign file is refused and changes nothing.
    await other.getByLabel('Import JSON').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect(other.getByRole('alert')).toContainText('not an Objector history file');
    await other.getByLabel('Import JSON').setInputFiles(file);
    await expect(other.getByText(/1 submission and 1 account will be added/)).toBeVisible();
    await other.getByRole('button', { name: 'Add to history' }).click();
    await expect(other.getByRole('status').filter({ hasText: /Added 1 submission/ })).toBeVisible();
    await expect(other.getByRole('region', { name: 'Facebook 100001' }).locator('.badge').first()).toHaveText('Confirmed');
    const reExported = await storedHistory(await extensionWorker(fresh));
    expect(reExported).toMatchObject({ entries: exported.entries });
  } finally {
    await fresh.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
