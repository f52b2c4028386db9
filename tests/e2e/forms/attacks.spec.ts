import type { Page, Worker } from '@playwright/test';
import { test, expect, saveSettings, storedHistory } from '../fixtures';
import { PREFILLED_EMAIL, REPLICA_FIELDS, REPLICA_TEXTS, REPLICA_URLS, type ReplicaWindow } from '../replicas/index';

/*
 * Script on a facebook.com page is not on the user's side. Each test is an attack that page script (run
 * here with page.evaluate, in the page's own world, as Meta's or an injected script would) tries against
 * the built extension: nothing may be recorded, nothing filled, and what the control says must be true.
 *
 * "Nothing recorded" is checked against a barrier: after the attack, the user sends the form for real,
 * and the history must then hold exactly that one submission (messages of one tab reach the background
 * in order, so a forged one would already be there).
 */

const control = (page: Page) => page.locator('[data-objector-control]');
const autofillButton = (page: Page) => page.getByRole('button', { name: /Autofill/ });

interface StoredEntry {
  url: string;
  text: string;
  statusLog: Array<{ status: string }>;
}

async function storedEntries(worker: Worker): Promise<StoredEntry[]> {
  return (await storedHistory<{ entries: StoredEntry[] }>(worker))?.entries ?? [];
}

/** The user's own Send on the English SPA form, as the barrier every attack test ends with. */
async function userSendsForReal(page: Page, worker: Worker): Promise<StoredEntry> {
  await page.goto(REPLICA_URLS.fbEnglishSpa);
  await expect(autofillButton(page)).toBeVisible();
  await page.locator('textarea').fill('My own objection, typed by me.');
  await page.getByRole('button', { name: REPLICA_TEXTS.fbEnglishSpa.send, exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglishSpa.confirmation.slice(0, 30))).toBeVisible();
  await expect.poll(async () => (await storedEntries(worker)).length).toBeGreaterThan(0);
  const entries = await storedEntries(worker);
  expect(entries).toHaveLength(1);
  expect(entries[0]!.text).toBe('My own objection, typed by me.');
  return entries[0]!;
}

test.beforeEach(async ({ worker }) => {
  await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: 'My secret own words', email: 'secret@example.org', country: 'DE' });
});

test('page script calls form.requestSubmit() on the objection form: Meta gets it, Objector records nothing', async ({ page, worker, replicas }) => {
  await page.goto(REPLICA_URLS.fbEnglish);
  await expect(autofillButton(page)).toBeVisible();
  await page.evaluate(() => {
    document.querySelector('textarea')!.value = 'forged by the page';
    document.querySelector('form')!.requestSubmit();
  });
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  expect(replicas.transmissions[0]!.fields[REPLICA_FIELDS.fbEnglish.reason]).toBe('forged by the page');
  // The page told no lie in Objector's name: no "saved", no "confirmed".
  await expect(control(page)).toHaveCount(0);

  const entry = await userSendsForReal(page, worker);
  expect(entry.url).toBe(REPLICA_URLS.fbEnglishSpa);
});

test('page script clicks Send (and presses Enter on it) on the React form: Objector records nothing', async ({ page, worker, replicas }) => {
  await page.goto(REPLICA_URLS.fbEnglishSpa);
  await expect(autofillButton(page)).toBeVisible();
  await page.evaluate(() => {
    const send = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Send')!;
    send.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    send.click();
  });
  await expect(page.getByText(REPLICA_TEXTS.fbEnglishSpa.confirmation.slice(0, 30))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  await expect(page.getByText(/saved in Objector|confirmed your objection/)).toHaveCount(0);

  await userSendsForReal(page, worker);
});

test('page script presses Autofill, also inside the open shadow root: nothing of the user’s settings is filled in', async ({ page, worker }) => {
  await page.goto(REPLICA_URLS.fbEnglishSpa);
  await expect(autofillButton(page)).toBeVisible();
  await page.evaluate(() => {
    const host = document.querySelector('[data-objector-control]')!;
    const button = host.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  });
  // Autofill marks its button busy at once and then says what it did: neither happened.
  await expect(autofillButton(page)).toBeEnabled();
  await expect(control(page).locator('[role=status]')).toBeEmpty();
  await expect(page.locator('textarea')).toHaveValue('');
  await expect(page.locator('input[type=email]')).toHaveValue(PREFILLED_EMAIL);
  // The user's own click afterwards works: the button was there and live.
  await autofillButton(page).click();
  await expect(control(page).getByRole('status')).toContainText('Filled in');
  await expect(page.locator('input[type=email]')).toHaveValue('secret@example.org');
  await expect(page.locator('textarea')).toHaveValue(/My secret own words/);
  void worker;
});

test('pushState to a form path on developers.facebook.com: no control, and a Send there records nothing', async ({ page, worker, replicas }) => {
  await page.goto('https://developers.facebook.com/?static=1&posts=20');
  await page.evaluate(() => (window as unknown as ReplicaWindow).__navigateTo!('/help/contact/6359191084165019'));
  await expect(page.locator('textarea')).toBeVisible();
  await page.locator('textarea').fill('typed on developers');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglishSpa.confirmation.slice(0, 30))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  await expect(control(page)).toHaveCount(0);

  await userSendsForReal(page, worker);
});

test('the form on plain http://: no control, nothing filled, a Send records nothing', async ({ page, worker, replicas }) => {
  await page.goto(REPLICA_URLS.fbEnglish.replace('https://', 'http://'));
  expect(page.url()).toMatch(/^http:\/\//);
  await expect(page.locator('textarea')).toBeVisible();
  await page.locator('textarea').fill('typed on http');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  await expect(control(page)).toHaveCount(0);

  await userSendsForReal(page, worker);
});
