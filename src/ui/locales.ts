/**
 * The languages of the extension's own texts: one `locales/<code>.yml` each, built into
 * `_locales/<code>/messages.json`. The 24 EU languages, Norwegian Bokmål and Icelandic; English is the
 * default. Chromium and Firefox accept every one of these folder names (pt serves pt-PT and pt-BR, nb serves
 * Norwegian); see README "Languages".
 */
export const UI_LOCALES = [
  'en', 'bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'is', 'it', 'lt', 'lv', 'mt', 'nb', 'nl', 'pl',
  'pt', 'ro', 'sk', 'sl', 'sv',
] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export function isUiLocale(code: string): code is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(code);
}
