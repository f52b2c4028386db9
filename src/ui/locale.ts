import { i18n } from '#i18n';

/**
 * The browser's UI language as a BCP 47 tag ("en-GB"): the language of dates, country and language names
 * and the pages' `lang`. The one place that reads it (the extension's `@@ui_locale`, "en_GB").
 */
export function uiLocale(): string {
  try {
    const locale = i18n.t('@@ui_locale');
    if (locale) return locale.replace(/_/g, '-');
  } catch {
    // not available (a test without the extension's messages): fall through
  }
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}
