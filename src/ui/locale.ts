import { i18n } from '#i18n';
import { isUiLocale } from './locales';

/**
 * The language of the extension's pages as a BCP 47 tag ("en-GB"): the language of dates, country and
 * language names, the reasons shown in the popup and the pages' `lang`. The one place that reads it.
 *
 * Usually the browser's UI locale (`@@ui_locale`, "en_GB"). But each locale file names its own language
 * (`ui_language`), and when the browser chose another language's texts than the UI locale it reports (a
 * Chromium started with `--lang=de` but without its German UI pack reports "en-US" and serves the German
 * texts), the language of the texts wins, so that one page never mixes two languages.
 */
export function uiLocale(): string {
  const shown = message('ui_language');
  let browserTag = message('@@ui_locale').replace(/_/g, '-');
  if (!browserTag && typeof navigator !== 'undefined') browserTag = navigator.language;
  if (!isUiLocale(shown)) return browserTag || 'en';
  const browserLang = browserTag.toLowerCase().split('-')[0];
  const sameLanguage = browserLang === shown || (shown === 'nb' && (browserLang === 'no' || browserLang === 'nn'));
  return sameLanguage ? browserTag : shown;
}

function message(key: 'ui_language' | '@@ui_locale'): string {
  try {
    return i18n.t(key) ?? '';
  } catch {
    return ''; // not available (a test without the extension's messages): fall back
  }
}
