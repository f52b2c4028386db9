import { test, expect, saveSettings, screenshot } from '../fixtures';
import { PREFILLED_EMAIL, REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { historyEntry, logIn, seedHistory, tabIdOf, toolbarOf } from './helpers';

const SETTINGS = { reasonIds: ['no-consent'], ownWords: '', email: '', country: 'IE' };
const NO_REMINDER = { badge: '', title: 'Objector' };

test('badge on a Facebook page for a logged-in account without objection, gone once it objected', async ({ context, page, worker }) => {
  await logIn(context, 'facebook', '100001');
  await saveSettings(worker, SETTINGS);
  // The in-app form: Send does not reload the page, so only the new objection can clear the badge.
  await page.goto(REPLICA_URLS.fbEnglishSpa);
  const tabId = await tabIdOf(worker, page);
  await expect.poll(() => toolbarOf(worker, tabId)).toEqual({
    badge: '!',
    title: 'Objector: Facebook 100001 has not objected to AI training yet',
  });

  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(page.locator('[data-objector-control]').getByRole('status')).toContainText('Filled in');
  await expect(page.locator('input[type=email]')).toHaveValue(PREFILLED_EMAIL);
  await page.getByRole('button', { name: REPLICA_TEXTS.fbEnglishSpa.send, exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglishSpa.confirmation.slice(0, 30))).toBeVisible();
  await expect.poll(() => toolbarOf(worker, tabId)).toEqual(NO_REMINDER);

  // Another page of the site, later: still no badge for this account.
  await page.goto(REPLICA_URLS.genAi);
  const reported = () => worker.evaluate(async () => Object.keys((await chrome.storage.session.get('reminder-tabs'))['reminder-tabs'] ?? {}));
  await expect.poll(reported).toContain(String(tabId));
  expect(await toolbarOf(worker, tabId)).toEqual(NO_REMINDER);
});

test('the user switches the reminder off in the popup: the open tab\'s badge goes, and comes back when on', async ({
  context,
  page,
  worker,
  openPopup,
}) => {
  await logIn(context, 'instagram', '200002');
  await saveSettings(worker, SETTINGS);
  await page.goto(REPLICA_URLS.instagramHome);
  const tabId = await tabIdOf(worker, page);
  await expect.poll(() => toolbarOf(worker, tabId)).toEqual({
    badge: '!',
    title: 'Objector: Instagram 200002 has not objected to AI training yet',
  });

  const popup = await openPopup(page);
  await expect(popup.getByTestId('reminder')).toHaveText('!Instagram 200002 has not objected to AI training yet.');
  await expect(popup.getByRole('button', { name: 'Open the Instagram form' })).toHaveClass(/primary/);
  await popup.getByTestId('profile').locator('summary').click();
  const setting = popup.getByRole('checkbox', { name: /Remind me on the toolbar icon/ });
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await expect.poll(() => toolbarOf(worker, tabId)).toEqual(NO_REMINDER);
  await expect(popup.getByTestId('reminder')).toHaveCount(0);
  await expect(popup.getByTestId('profile-summary')).toContainText('Reminder off');

  await setting.check();
  await expect.poll(() => toolbarOf(worker, tabId)).toMatchObject({ badge: '!' });
  await expect(popup.getByTestId('reminder')).toBeVisible();
});

test('no badge for an account that has a Confirmed objection, nor on a site where nobody is logged in', async ({
  context,
  page,
  worker,
}) => {
  await logIn(context, 'facebook', '100001');
  await seedHistory(worker, {
    accounts: { 'facebook:100001': { key: 'facebook:100001', platform: 'facebook', accountId: '100001' } },
    entries: [historyEntry('facebook:100001', 'confirmed', '2025-05-21T09:30:00.000Z')],
  });
  const reported = () => worker.evaluate(async () => Object.keys((await chrome.storage.session.get('reminder-tabs'))['reminder-tabs'] ?? {}));

  await page.goto(REPLICA_URLS.genAi);
  const facebookTab = await tabIdOf(worker, page);
  await expect.poll(reported).toContain(String(facebookTab));
  expect(await toolbarOf(worker, facebookTab)).toEqual(NO_REMINDER);

  const instagram = await context.newPage();
  await instagram.goto(REPLICA_URLS.instagramHome);
  const instagramTab = await tabIdOf(worker, instagram);
  await expect.poll(reported).toContain(String(instagramTab));
  expect(await toolbarOf(worker, instagramTab)).toEqual(NO_REMINDER);
  await screenshot(instagram, 'reminder-none', false);
});
