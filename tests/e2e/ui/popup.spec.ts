import { test, expect, screenshot } from '../fixtures';
import { REPLICA_FIELDS, REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import de from '../../../src/reasons/catalogue/de.json' with { type: 'json' };
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };

test('reasons and own words chosen in the popup are what Autofill writes, in the form\'s language', async ({
  page,
  openPopup,
  replicas,
}) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Your reasons' })).toBeVisible();
  // Start from nothing, then choose two reasons.
  for (const box of await popup.getByRole('checkbox').all()) await box.uncheck();
  await popup.getByRole('checkbox', { name: en.reasons['creative-work'].title }).check();
  await popup.getByRole('checkbox', { name: en.reasons['memorisation'].title }).check();
  await popup.getByLabel('In your own words (optional)').fill('Ich bin Fotografin. <img src=x onerror=alert(1)>');
  await expect(popup.getByText('48 of 1000 characters')).toBeVisible();
  await popup.getByLabel('E-mail address for Meta\'s answer').fill('fotografin@example.de');
  await popup.getByLabel('Country of residence').selectOption('AT');
  await popup.getByLabel(/Language of the preview/).selectOption('de');
  const expected = [
    de.opening,
    de.reasons['creative-work'].text,
    de.reasons['memorisation'].text,
    'Ich bin Fotografin. <img src=x onerror=alert(1)>',
    de.closing,
  ].join('\n\n');
  await expect(popup.getByTestId('preview')).toHaveText(expected);
  await expect(popup.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await screenshot(popup, 'popup-light');
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-dark');
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

test('the popup\'s "Autofill this form" fills the active tab; elsewhere it offers the forms', async ({ page, openPopup }) => {
  // A light static feed: the page only has to be a non-form Facebook page (the 3000-post feed is the bench's).
  await page.goto(REPLICA_URLS.fbFeedEnglish + '?static=1&posts=300');
  const elsewhere = await openPopup(page);
  await expect(elsewhere.getByRole('button', { name: 'Open the Facebook form' })).toBeVisible();
  await expect(elsewhere.getByRole('button', { name: 'Open the Instagram form' })).toBeVisible();
  await elsewhere.close();

  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(page.getByRole('button', { name: /Autofill/ })).toBeVisible();
  const popup = await openPopup(page);
  await expect(popup.getByRole('heading', { name: 'This tab shows Meta\'s objection form' })).toBeVisible();
  await popup.getByRole('button', { name: 'Autofill this form' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'Filled in' })).toBeVisible();
  await expect(page.locator('textarea')).toHaveValue(new RegExp('^' + en.opening.slice(0, 30).replace(/[()]/g, '\\$&')));
});

test('a corrupt stored setting gives the defaults back with a visible notice', async ({ worker, openPopup }) => {
  await worker.evaluate(async () => chrome.storage.sync.set({ settings: { reasonIds: 'oops', email: 42, country: 'XX', ownWords: 'kept words' } }));
  const popup = await openPopup();
  await expect(popup.getByRole('alert')).toContainText('could not be read');
  await expect(popup.getByLabel('In your own words (optional)')).toHaveValue('kept words');
  await expect(popup.getByRole('checkbox', { name: en.reasons['old-posts'].title })).toBeChecked();
});
