import type { Page } from '@playwright/test';
import { test, expect, screenshot } from '../fixtures';
import { REPLICA_FIELDS, REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { fitsWithoutScrolling, historyEntry, logIn, seedHistory } from './helpers';
import { composedObjection } from '../objection';
import de from '../../../src/reasons/catalogue/de.json' with { type: 'json' };
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };

const choices = (popup: Page) => popup.getByTestId('choices');
const profile = (popup: Page) => popup.getByTestId('profile');

async function expectFits(popup: Page) {
  const { scrollHeight, clientHeight } = await fitsWithoutScrolling(popup);
  expect(clientHeight).toBe(600);
  expect(scrollHeight).toBeLessThanOrEqual(clientHeight);
}

test('reasons and own words chosen in the popup are what Autofill writes, in the form\'s language', async ({
  page,
  openPopup,
  replicas,
}) => {
  const popup = await openPopup();
  // The choices are one click away, with a summary of the defaults.
  await expect(popup.getByTestId('choices-summary')).toHaveText(/^Reasons: [1-9] · Preview: English · [\d,]+ characters$/);
  // Folded, and not even built until opened (the first screen does not pay for it).
  await expect(choices(popup).locator('.choices-body')).toHaveCount(0);
  await choices(popup).locator('summary').first().click();
  await expect(popup.getByRole('group', { name: 'Your reasons' })).toBeVisible();
  // Start from nothing, then choose two reasons.
  for (const box of await popup.locator('input[name=reason]').all()) await box.uncheck();
  await popup.getByRole('checkbox', { name: en.reasons['creative-work'].title }).check();
  await popup.getByRole('checkbox', { name: en.reasons['memorisation'].title }).check();
  await popup.getByLabel('In your own words (optional)').fill('Ich bin Fotografin. <img src=x onerror=alert(1)>');
  await expect(popup.getByText('48 of 1000 characters')).toBeVisible();
  await profile(popup).locator('summary').click();
  await popup.getByLabel('E-mail address for Meta\'s answer').fill('fotografin@example.de');
  await popup.getByLabel('Country of residence').selectOption('AT');
  await popup.getByLabel(/Language of the preview/).selectOption('de');
  // The own words stay text: markup in them is shown and filled as typed.
  const expected = composedObjection('de', de, ['creative-work', 'memorisation'], 'Ich bin Fotografin. <img src=x onerror=alert(1)>');
  await expect(popup.getByTestId('preview')).toHaveText(expected);
  await expect(popup.getByTestId('choices-summary')).toHaveText(
    `Reasons: 2 and your own words · Preview: German · ${expected.length.toLocaleString('en-US')} characters`,
  );
  await expect(popup.getByTestId('profile-summary')).toHaveText('fotografin@example.de · Austria · Reminder on');
  await expect(popup.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await screenshot(popup, 'popup-choices-light');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-choices-dark');
  await popup.close();

  await page.goto(REPLICA_URLS.igGerman);
  await page.getByRole('button', { name: /Autofill/ }).click();
  await expect(page.locator('textarea')).toHaveValue(expected);
  await expect(page.locator('select')).toHaveValue('AT');
  await page.getByRole('button', { name: REPLICA_TEXTS.igGerman.send, exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  expect(replicas.transmissions[0]!.fields[REPLICA_FIELDS.igGerman.reason]).toBe(expected);
  expect(replicas.transmissions[0]!.fields[REPLICA_FIELDS.igGerman.email]).toBe('fotografin@example.de');
});

test('on a form, the main path fits 400×600: the account, its status and "Autofill this form"', async ({
  context,
  page,
  openPopup,
}) => {
  await logIn(context, 'facebook', '100001');
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(page.getByRole('button', { name: /Autofill/ })).toBeVisible();
  const popup = await openPopup(page);
  await expect(popup.getByRole('heading', { name: 'This tab shows Meta\'s objection form' })).toBeVisible();
  await expect(popup.getByTestId('form-account')).toHaveText('Facebook 100001 Not objected yet');
  const autofill = popup.getByRole('button', { name: 'Autofill this form', exact: true });
  await expect(autofill).toBeInViewport({ ratio: 1 });
  await expect(popup.getByRole('button', { name: 'Open history' })).toBeInViewport({ ratio: 1 });
  await expectFits(popup);
  await screenshot(popup, 'popup-on-form', false);

  await autofill.click();
  await expect(popup.getByRole('status').filter({ hasText: 'Filled in' })).toBeVisible();
  await expect(page.locator('textarea')).toHaveValue(new RegExp('^' + en.opening.slice(0, 30).replace(/[()]/g, '\\$&')));
  await expectFits(popup);
});

test('elsewhere, the main path fits 400×600: every account with status and date, the reminder, both forms', async ({
  context,
  page,
  openPopup,
  worker,
}) => {
  await logIn(context, 'facebook', '100003');
  await seedHistory(worker, {
    accounts: {
      'facebook:100001': { key: 'facebook:100001', platform: 'facebook', accountId: '100001', label: 'Anna personal' },
      'facebook:100002': { key: 'facebook:100002', platform: 'facebook', accountId: '100002' },
      'instagram:200002': { key: 'instagram:200002', platform: 'instagram', accountId: '200002' },
    },
    entries: [
      historyEntry('facebook:100001', 'confirmed', '2025-05-21T09:30:00.000Z'),
      historyEntry('facebook:100002', 'failed', '2025-05-22T09:30:00.000Z'),
      historyEntry('instagram:200002', 'submitted', '2025-05-20T14:02:00.000Z'),
    ],
  });
  await page.goto(REPLICA_URLS.fbFeedEnglish + '?static=1&posts=300');
  const popup = await openPopup(page);
  const lines = popup.getByRole('list').first().getByRole('listitem');
  await expect(lines).toHaveText([
    'Anna personal Confirmed May 21, 2025',
    'Facebook 100002 Failed May 22, 2025',
    'Facebook 100003 Not objected yet',
    'Instagram 200002 Submitted May 20, 2025',
  ]);
  // The logged-in account without objection is named, and its form offered first.
  await expect(popup.getByTestId('reminder')).toHaveText('!Facebook 100003 has not objected to AI training yet.');
  const facebook = popup.getByRole('button', { name: 'Open the Facebook form' });
  await expect(facebook).toHaveClass(/primary/);
  await expect(facebook).toBeInViewport({ ratio: 1 });
  await expect(popup.getByRole('button', { name: 'Open the Instagram form' })).toBeInViewport({ ratio: 1 });
  await expect(popup.getByRole('button', { name: 'Open history' })).toBeInViewport({ ratio: 1 });
  await expectFits(popup);
  await screenshot(popup, 'popup-elsewhere', false);
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-elsewhere-dark', false);

  // "Open history" opens the objections page, not the browser's history.
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open history' }).click();
  await expect(await opened).toHaveURL(/\/objections\.html$/);

  // The forms open in a new tab.
  const form = context.waitForEvent('page');
  await facebook.click();
  await expect(await form).toHaveURL(REPLICA_URLS.fbEnglish);
});

test('keyboard only: Tab reaches "Autofill this form" first, Enter fills the form', async ({ page, openPopup }) => {
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(page.getByRole('button', { name: /Autofill/ })).toBeVisible();
  const popup = await openPopup(page);
  const autofill = popup.getByRole('button', { name: 'Autofill this form', exact: true });
  await expect(autofill).toBeVisible();

  // Focus order of the main path: Autofill, the two choices, the history.
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    await popup.keyboard.press('Tab');
    order.push(await popup.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return `${el.tagName.toLowerCase()}: ${(el.innerText || el.getAttribute('aria-label') || '').split('\n')[0]}`;
    }));
  }
  expect(order).toEqual(['button: Autofill this form', 'summary: Reasons and text', 'summary: Your details', 'button: Open history']);

  // Back to Autofill (Shift+Tab), then Enter.
  for (let i = 0; i < 3; i++) await popup.keyboard.press('Shift+Tab');
  await expect(autofill).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status').filter({ hasText: 'Filled in' })).toBeVisible();
  await expect(page.locator('textarea')).toHaveValue(new RegExp('^' + en.opening.slice(0, 30).replace(/[()]/g, '\\$&')));
  await expect(page.locator('input[type=email]')).not.toHaveValue('');

  // The choices open with the keyboard too; a reason is toggled with Space.
  await popup.keyboard.press('Tab');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('group', { name: 'Your reasons' })).toBeVisible();
  await popup.keyboard.press('Tab');
  const first = popup.locator('input[name=reason]').first();
  await expect(first).toBeFocused();
  const before = await first.isChecked();
  await popup.keyboard.press('Space');
  await expect(first).toBeChecked({ checked: !before });
});

test('a corrupt stored setting gives the defaults back with a visible notice', async ({ worker, openPopup }) => {
  await worker.evaluate(async () => chrome.storage.sync.set({ settings: { reasonIds: 'oops', email: 42, country: 'XX', ownWords: 'kept words' } }));
  const popup = await openPopup();
  await expect(popup.getByRole('alert')).toContainText('could not be read');
  await choices(popup).locator('summary').first().click();
  await expect(popup.getByLabel('In your own words (optional)')).toHaveValue('kept words');
  await expect(popup.getByRole('checkbox', { name: en.reasons['old-posts'].title })).toBeChecked();
});
