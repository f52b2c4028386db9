import { test, expect, screenshot, saveSettings } from '../fixtures';
import { REPLICA_FIELDS, REPLICA_TEXTS, REPLICA_URLS, PREFILLED_EMAIL } from '../replicas/index';
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };
import de from '../../../src/reasons/catalogue/de.json' with { type: 'json' };
import nl from '../../../src/reasons/catalogue/nl.json' with { type: 'json' };
import { composedObjection } from '../objection';

const control = (page: import('@playwright/test').Page) => page.locator('[data-objector-control]');
const autofillButton = (page: import('@playwright/test').Page) => page.getByRole('button', { name: /Autofill/ });

test('English server-rendered Facebook form: one click with no saved choices gives a complete objection; Send transmits it', async ({
  page,
  replicas,
}) => {
  await page.goto(REPLICA_URLS.fbEnglish + '?entry_point=privacy_center');
  await expect(autofillButton(page)).toBeVisible();
  // Keyboard: the control is reachable with Tab and works with Enter.
  await autofillButton(page).focus();
  await page.keyboard.press('Enter');
  const status = control(page).getByRole('status');
  await expect(status).toContainText('Filled in');
  await expect(status).toContainText('Check the e-mail address Meta filled in');
  await expect(status).toContainText('Still needed from you: country of residence');
  await expect(status).toContainText('press Send yourself');

  const reason = page.locator('textarea');
  await expect(reason).toHaveValue(new RegExp('^' + escape(en.opening)));
  const text = await reason.inputValue();
  expect(text.length).toBeGreaterThanOrEqual(100);
  expect(text.endsWith(en.closing)).toBe(true);
  expect(replicas.transmissions).toHaveLength(0); // never presses Send
  await screenshot(page, 'form-facebook-en-filled');

  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  const sent = replicas.transmissions[0]!.fields;
  // A form post sends line breaks as CRLF.
  expect(sent[REPLICA_FIELDS.fbEnglish.reason]?.replace(/\r\n/g, '\n')).toBe(text);
  expect(sent[REPLICA_FIELDS.fbEnglish.email]).toBe(PREFILLED_EMAIL);
});

test('German React-style Instagram form: answers the pre-question, fills controlled inputs, the div Send transmits the values', async ({
  page,
  worker,
  replicas,
}) => {
  await saveSettings(worker, { reasonIds: ['no-consent', 'children-family'], ownWords: '', email: 'ich@example.de', country: 'DE' });
  await page.goto(REPLICA_URLS.igGerman);
  await expect(page.getByText(REPLICA_TEXTS.igGerman.preQuestion)).toBeVisible();
  await autofillButton(page).click();
  await expect(control(page).getByRole('status')).toContainText('Filled in');

  const reason = page.locator('textarea');
  const expected = composedObjection('de', de, ['no-consent', 'children-family']);
  await expect(reason).toHaveValue(expected);
  await expect(page.locator('input[inputmode=email]')).toHaveValue('ich@example.de');
  await expect(page.locator('select')).toHaveValue('DE');
  await screenshot(page, 'form-instagram-de-filled');

  await page.getByRole('button', { name: REPLICA_TEXTS.igGerman.send }).click();
  await expect(page.getByText(REPLICA_TEXTS.igGerman.confirmation.slice(0, 30))).toBeVisible();
  const sent = replicas.transmissions[0]!.fields;
  expect(sent[REPLICA_FIELDS.igGerman.reason]).toBe(expected);
  expect(sent[REPLICA_FIELDS.igGerman.email]).toBe('ich@example.de');
  expect(sent[REPLICA_FIELDS.igGerman.country]).toBe('DE');
});

test('Dutch form reached by in-app navigation from a busy feed, rendered late; the control leaves with the form', async ({
  page,
  worker,
  replicas,
}) => {
  await saveSettings(worker, { reasonIds: ['old-posts'], ownWords: 'Mijn eigen woorden.', email: '', country: 'NL' });
  // A feed that keeps changing every 100 ms, with 300 posts: the 3000-post feed is the benchmark's (npm run
  // bench); here it only made a busy 2-core machine time out before the test began.
  const feed = REPLICA_URLS.fbFeedDutch + '?posts=300';
  await page.goto(feed);
  await page.getByRole('link', { name: REPLICA_TEXTS.fbDutch.feedLink }).click();
  await expect(page).toHaveURL(/\/help\/contact\/6359191084165019/);
  await expect(autofillButton(page)).toBeVisible();
  await autofillButton(page).click();
  await expect(control(page).getByRole('status')).toContainText('Filled in');

  const expected = composedObjection('nl', nl, ['old-posts'], 'Mijn eigen woorden.');
  await expect(page.locator('textarea')).toHaveValue(expected);
  await expect(page.locator('select')).toHaveValue('NL');
  await screenshot(page, 'form-facebook-nl-filled');

  await page.getByRole('button', { name: REPLICA_TEXTS.fbDutch.send }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbDutch.confirmation.slice(0, 30))).toBeVisible();
  const sent = replicas.transmissions[0]!.fields;
  expect(sent[REPLICA_FIELDS.fbDutch.reason]).toBe(expected);
  expect(sent[REPLICA_FIELDS.fbDutch.email]).toBe(PREFILLED_EMAIL);
  expect(sent[REPLICA_FIELDS.fbDutch.country]).toBe('NL');

  // In-app Back (popstate), as the browser's Back button does on Facebook.
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(feed);
  await expect(control(page)).toHaveCount(0);
});

test('a non-objection help form with an e-mail field and a text area gets no control', async ({ page, replicas }) => {
  await page.goto(REPLICA_URLS.fbLoginIssue);
  await expect(page.getByText(REPLICA_TEXTS.fbLoginIssue.title)).toBeVisible();
  await expect(page.locator('textarea')).toBeVisible();
  // The same tab then opens the objection form: the control appears there, so the extension is active…
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(autofillButton(page)).toBeVisible();
  // …and going back to the other form shows none.
  await page.goBack();
  await expect(page.locator('textarea')).toBeVisible();
  await expect(control(page)).toHaveCount(0);
  expect(replicas.transmissions).toHaveLength(0);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
