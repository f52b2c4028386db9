import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UI_LOCALES, isUiLocale } from '@/src/ui/locales';
import { uiLocale } from '@/src/ui/locale';

/** The browser serving the texts of `shown` while reporting `browserLocale` as its UI locale. */
function browserWith(shown: string, browserLocale: string) {
  fakeBrowser.i18n.getMessage = ((key: string) =>
    key === 'ui_language' ? shown : key === '@@ui_locale' ? browserLocale : '') as typeof fakeBrowser.i18n.getMessage;
}

describe('the language pages format dates and pick the reasons in', () => {
  afterEach(() => fakeBrowser.reset());

  it('is the browser\'s own locale, region included, when the browser chose texts in that language', () => {
    browserWith('en', 'en_GB');
    expect(uiLocale()).toBe('en-GB');
    browserWith('pt', 'pt_BR');
    expect(uiLocale()).toBe('pt-BR');
    browserWith('nb', 'no');
    expect(uiLocale()).toBe('no');
  });

  it('follows the texts when the browser reports another language than the texts it chose', () => {
    // Chromium started with --lang=de but without the German UI pack: German texts, "en-US" reported.
    browserWith('de', 'en_US');
    expect(uiLocale()).toBe('de');
  });

  it('falls back to the browser\'s locale when a locale file does not name its language', () => {
    browserWith('', 'fr_FR');
    expect(uiLocale()).toBe('fr-FR');
  });

  it('recognises its languages by their codes', () => {
    expect(isUiLocale('en')).toBe(true);
    expect(isUiLocale('xx')).toBe(false);
    expect(new Set(UI_LOCALES).size).toBe(UI_LOCALES.length);
  });
});
