import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { test, expect, saveSettings, screenshot } from '../fixtures';
import { HOSTILE_FIELDS, HOSTILE_TEXTS, PLANTED, PREFILLED_EMAIL, REPLICA_URLS } from '../replicas/index';
import en from '../../../src/reasons/catalogue/en.json' with { type: 'json' };
import pl from '../../../src/reasons/catalogue/pl.json' with { type: 'json' };
import { composedObjection } from '../objection';

/*
 * Variants of Meta's forms that Objector's rules were not written against (issue 7): it recognises what
 * makes each an objection form, fills what it finds, says what it did not find, and never presses Send.
 * Each test asserts what the replica's Send transmits.
 */

const control = (page: Page) => page.locator('[data-objector-control]');
const autofillButton = (page: Page) => page.getByRole('button', { name: /Autofill/ });

async function storedEntries(worker: Worker): Promise<Array<{ text: string; email: string }>> {
  return worker.evaluate(async () => {
    const { history } = (await chrome.storage.local.get('history')) as { history?: { entries?: unknown[] } };
    return (history?.entries ?? []) as Array<{ text: string; email: string }>;
  });
}

for (const lang of ['en', 'pl'] as const) {
  test(`${lang}: a label-only plain text e-mail in a server-rendered form is found and filled; Send transmits it and is recorded`, async ({
    page,
    worker,
    replicas,
  }) => {
    await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'ja@example.pl', country: 'PL' });
    await page.goto(lang === 'en' ? REPLICA_URLS.plainEmailEn : REPLICA_URLS.plainEmailPl);
    await autofillButton(page).click();
    const status = control(page).getByRole('status');
    await expect(status).toContainText('Filled in');
    const t = HOSTILE_TEXTS[lang];
    await expect(page.getByLabel(t.email)).toHaveValue('ja@example.pl');
    await expect(page.getByLabel(t.country)).toHaveValue('PL');
    const catalogue = lang === 'en' ? en : pl;
    const expected = composedObjection(lang, catalogue, ['no-consent']);
    await expect(page.getByLabel(t.reason)).toHaveValue(expected);
    // The site's search box outside the form is left alone.
    await expect(page.getByRole('searchbox')).toHaveValue('');
    expect(replicas.transmissions).toHaveLength(0);
    await screenshot(page, `form-plain-email-${lang}-filled`);

    await page.getByRole('button', { name: t.send, exact: true }).click();
    await expect(page.getByText(t.confirmation.slice(0, 30))).toBeVisible();
    expect(replicas.transmissions).toHaveLength(1);
    const sent = replicas.transmissions[0]!.fields;
    expect(sent[HOSTILE_FIELDS.plainEmail.email]).toBe('ja@example.pl');
    expect(sent[HOSTILE_FIELDS.plainEmail.country]).toBe('PL');
    expect(sent[HOSTILE_FIELDS.plainEmail.reason]?.replace(/\r\n/g, '\n')).toBe(expected);
    // The history has the submission with what the form really held at Send.
    await expect.poll(async () => (await storedEntries(worker)).length).toBe(1);
    const [entry] = await storedEntries(worker);
    expect(entry!.email).toBe('ja@example.pl');
    expect(entry!.text).toBe(expected);
  });
}

test('Lexical-style editor and combobox country: filled through the editing path, the app state follows, Send transmits it', async ({
  page,
  worker,
  replicas,
}) => {
  await saveSettings(worker, { reasonIds: ['no-consent', 'irreversible'], ownWords: '', email: '', country: 'DE' });
  await page.goto(REPLICA_URLS.lexical);
  await autofillButton(page).click();
  await expect(control(page).getByRole('status')).toContainText('Filled in');
  const editor = page.getByRole('textbox', { name: HOSTILE_TEXTS.en.reason });
  await expect(editor).toContainText(en.reasons['irreversible'].text);
  const shown = (await editor.innerText()).replace(/\s+/g, ' ').trim();
  for (const part of [en.opening, en.reasons['no-consent'].text, en.reasons['irreversible'].text, en.closing]) {
    expect(shown).toContain(part);
  }
  await expect(page.getByRole('combobox', { name: HOSTILE_TEXTS.en.country })).toHaveText('Germany');
  await expect(page.getByRole('listbox')).toBeHidden();
  await screenshot(page, 'form-lexical-filled');
  expect(replicas.transmissions).toHaveLength(0); // never presses Send

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(HOSTILE_TEXTS.en.confirmation.slice(0, 30))).toBeVisible();
  expect(replicas.transmissions).toHaveLength(1);
  const sent = replicas.transmissions[0]!.fields;
  // What the app's STATE held: the editor's text really reached it (a DOM-only write would send '').
  expect(sent[HOSTILE_FIELDS.lexical.reason]?.replace(/\s+/g, ' ').trim()).toBe(shown);
  expect(sent[HOSTILE_FIELDS.lexical.country]).toBe('DE');
  // No e-mail saved: Meta's prefilled one is kept.
  expect(sent[HOSTILE_FIELDS.lexical.email]).toBe(PREFILLED_EMAIL);
  await expect.poll(async () => (await storedEntries(worker)).length).toBe(1);
  const [entry] = await storedEntries(worker);
  expect(entry!.text.replace(/\s+/g, ' ').trim()).toBe(shown);
});

test('combobox country: with no saved country, Meta\'s prefilled one is left alone', async ({ page, worker, replicas }) => {
  await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: '', country: '' });
  await page.goto(REPLICA_URLS.lexical);
  await autofillButton(page).click();
  await expect(control(page).getByRole('status')).toContainText('Filled in');
  await expect(page.getByRole('combobox', { name: HOSTILE_TEXTS.en.country })).toHaveText('Ireland');
  expect(replicas.transmissions).toHaveLength(0); // never presses Send
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(HOSTILE_TEXTS.en.confirmation.slice(0, 30))).toBeVisible();
  expect(replicas.transmissions[0]!.fields[HOSTILE_FIELDS.lexical.country]).toBe('IE');
});

test('an objection URL with nothing recognisable: the control says so and saves a problem report with nothing personal in it', async ({
  page,
  replicas,
}) => {
  await page.goto(REPLICA_URLS.nothing);
  // Objector waits about 10 s for a form that may still be rendering before it says anything.
  const report = page.getByRole('button', { name: 'Save a problem report' });
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(control(page)).toContainText('does not recognise a form on this page');
  await expect(autofillButton(page)).toHaveCount(0);
  await screenshot(page, 'form-unrecognised');

  const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  for (const planted of Object.values(PLANTED)) expect(text, planted).not.toContain(planted);
  for (const [, value] of new URLSearchParams(PLANTED.query)) expect(text).not.toContain(value);
  // No long numbers (account ids) but the form's own, public id.
  expect(text.replaceAll('712876720715583', 'FORM')).not.toMatch(/\d{8,}/);
  expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);

  const parsed = JSON.parse(text) as { ruleId: string; page: { path: string; host: string }; missing: string[]; outline: string[] };
  expect(parsed.ruleId).toBe('facebook-ai-objection');
  expect(parsed.page.path).toBe('/help/contact/712876720715583');
  expect(parsed.missing).toContain('reason');
  // The structure a maintainer needs is there: the form's controls, their labels, the button's text.
  const outline = parsed.outline.join('\n');
  expect(outline).toContain('input type=text');
  expect(outline).toContain('role=radiogroup');
  expect(outline).toContain('"Your name"');
  expect(outline).toContain('"Continue"');
  expect(replicas.transmissions).toHaveLength(0);
});
