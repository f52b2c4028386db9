import { i18n } from '#i18n';

/**
 * The languages of the extension's own texts: one `locales/<code>.yml` each, built into
 * `_locales/<code>/messages.json`. The 24 EU languages, Norwegian Bokmål and Icelandic; English is the
 * default. Chromium and Firefox accept every one of these folder names (pt serves pt-PT and pt-BR, nb serves
 * Norwegian); see README "Languages".
 */
export const UI_LOCALES = [
  'en', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'hr', 'hu', 'it', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'ro',
  'sk', 'sl', 'sv',
] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(code: string): code is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(code);
}

/**
 * The language of the texts the browser chose for the extension, as a BCP 47 tag for dates, language names
 * and the reasons' language. Usually the browser's UI locale ("en-GB", "pt-PT"); but when the browser picked
 * another language's texts (a Chromium started with `--lang` but without that language's UI pack reports
 * "en-US" while it serves the German texts), the language of the texts wins, so one page never mixes two.
 */
export function uiLocaleTag(): string {
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
    return ''; // no i18n here (a test without a browser): fall back
  }
}
