import { logIn } from '../history/helpers';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { test, expect, screenshot, saveSettings, EXTENSION_PATH, launchWithExtension, extensionWorker } from '../fixtures';
import { REPLICA_TEXTS, REPLICA_URLS } from '../replicas/index';
import { UI_LOCALES } from '../../../src/ui/locales';

/*
 * The extension speaks the browser's language: the in-page control, the popup and the history page, while the
 * text filled into Meta's form follows the form's language (here an English form).
 */

async function messages(code: string): Promise<Record<string, string>> {
  const parsed = generateChromeMessages(await parseMessagesFile(path.resolve('locales', `${code}.yml`)));
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, value.message]));
}

async function reasonTitles(code: string): Promise<string[]> {
  const file = (await import(`../../../src/reasons/catalogue/${code}.json`, { with: { type: 'json' } })) as {
    default: { reasons: Record<string, { title: string }> };
  };
  return Object.values(file.default.reasons).map((r) => r.title);
}

/** English UI sentences (or their fixed start before a placeholder) that must not show in another language. */
function englishOnly(en: Record<string, string>, local: Record<string, string>): string[] {
  const localText = Object.values(local).join('\n');
  const out = new Set<string>();
  for (const [key, text] of Object.entries(en)) {
    if (key === 'ui_language' || text === local[key]) continue;
    for (const form of text.split(' | ')) {
      const fixed = form.split(/\$\d/)[0]!.trim();
      if (fixed.length >= 8 && !localText.includes(fixed)) out.add(fixed);
    }
  }
  return [...out];
}

async function expectNoEnglish(page: Page, english: string[]) {
  const text = await page.locator('body').innerText();
  for (const phrase of english) expect(text, `English left on ${page.url()}`).not.toContain(phrase);
}

/** Nothing wider than the page, and no button, field or label whose text is cut off. */
async function expectNothingCutOff(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push('page scrolls sideways');
    for (const el of document.querySelectorAll<HTMLElement>('button, a, label, select, h1, h2, h3, .badge, summary')) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        out.push(`${el.tagName} "${el.innerText.slice(0, 40)}" is cut off`);
      const box = el.getBoundingClientRect();
      if (box.right > document.documentElement.clientWidth + 1) out.push(`${el.tagName} "${el.innerText.slice(0, 40)}" overflows the page`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test('the build has a messages file for every UI language, and Chromium loads the extension with all of them', async ({
  worker,
}) => {
  for (const code of UI_LOCALES) expect(existsSync(path.join(EXTENSION_PATH, '_locales', code, 'messages.json')), code).toBe(true);
  // Loaded (a worker runs) and in English for an English browser.
  expect(await worker.evaluate(() => chrome.i18n.getMessage('ui_language'))).toBe('en');
});

test('Chromium serves the locales missing from Chrome\'s documented list: Norwegian, Portuguese, Irish, Maltese, Icelandic', async () => {
  for (const code of ['nb', 'pt', 'ga', 'mt', 'is'] as const) {
    const dir = mkdtempSync(path.join(tmpdir(), 'objector-e2e-'));
    const context = await launchWithExtension(dir, 'light', { locale: code });
    try {
      const worker = await extensionWorker(context);
      expect(await worker.evaluate(() => chrome.i18n.getMessage('ui_language')), code).toBe(code);
      expect(await worker.evaluate(() => chrome.i18n.getMessage('popup_openHistory')), code).toBe((await messages(code)).popup_openHistory);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

for (const code of ['de', 'pl', 'sv'] as const) {
  test.describe(`browser in ${code}`, () => {
    test.use({ language: code });

    test(`control, popup and history speak ${code}; the form is filled in its own language`, async ({
      context,
      page,
      worker,
      extensionId,
      openPopup,
    }) => {
      const local = await messages(code);
      const english = englishOnly(await messages('en'), local);

      await logIn(context, 'facebook', '100001');
      await saveSettings(worker, { reasonIds: ['no-consent'], ownWords: '', email: 'me@example.org', country: 'SE' });

      // The in-page control on an English form: the control in the browser's language.
      await page.goto(REPLICA_URLS.fbEnglish);
      const control = page.locator('[data-objector-control]');
      await expect(control).toContainText(local.control_intro!);
      await control.getByRole('button', { name: local.control_button! }).click();
      await expect(control.getByRole('status')).toContainText(local.report_review!);
      await expect(page.locator('textarea').first()).toHaveValue(/^I object/);
      await screenshot(page, `control-${code}`, false);
      await page.getByRole('button', { name: REPLICA_TEXTS.fbEnglish.send, exact: true }).click();
      await expect(page.getByText(REPLICA_TEXTS.fbEnglish.confirmation.slice(0, 40))).toBeVisible();
      await expect(control.getByRole('status')).toContainText(local.control_confirmed!.slice(0, 20));

      // The popup: its texts, the reasons' titles and the preview in the browser's language.
      const popup = await openPopup();
      await expect(popup.getByRole('button', { name: local.popup_openHistory! }).or(popup.getByRole('link', { name: local.popup_openHistory! }))).toBeVisible();
      // Both folds open, so that their texts are on screen and checked too (they are built when opened).
      await popup.getByTestId('choices').locator('summary').first().click();
      await popup.getByTestId('profile').locator('summary').click();
      for (const title of (await reasonTitles(code)).slice(0, 3)) await expect(popup.getByText(title, { exact: true }).first()).toBeVisible();
      await expectNoEnglish(popup, english);
      await expectNothingCutOff(popup);
      await screenshot(popup, `popup-${code}`);
      await popup.close();

      // The history page: headings, status words and dates in the browser's language.
      const history = await context.newPage();
      await history.goto(`chrome-extension://${extensionId}/objections.html`);
      await expect(history.getByRole('heading', { level: 1 })).toHaveText(local.history_title!);
      await expect(history.getByRole('region', { name: 'Facebook 100001' }).locator('.badge').first()).toHaveText(local.history_status_confirmed!);
      const month = new Intl.DateTimeFormat(code, { month: 'long' }).format(new Date());
      await expect(history.locator('body')).toContainText(month);
      await expectNoEnglish(history, english);
      await expectNothingCutOff(history);
      await screenshot(history, `history-${code}`);
    });
  });
}
