import type { FormUrlRule } from './rules/urls';

/**
 * Which objection form, if any, a URL shows. Cheap on purpose: it runs on every URL change of every
 * Facebook and Instagram page.
 */
export function matchFormRule<R extends FormUrlRule>(href: string, rules: readonly R[]): R | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  // Plain http is a page any network in between could have written: never a form Objector acts on.
  if (url.protocol !== 'https:' || url.port !== '') return undefined;
  const host = url.hostname.toLowerCase();
  return rules.find(
    (rule) => new RegExp(rule.hosts).test(host) && rule.paths.some((pattern) => new RegExp(pattern).test(url.pathname)),
  );
}

/** True on an https page of a host where Meta serves its help forms (the content script's first check). */
export function isFormHost(href: string, rules: readonly Pick<FormUrlRule, 'hosts'>[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && url.port === '' && rules.some((rule) => new RegExp(rule.hosts).test(host));
}

/** Lower case, without accents or curly apostrophes, with single spaces: how page text is compared. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    // Letters that have no accent to strip (Polish ł, Maltese ħ, Croatian đ, Danish ø, Turkish ı).
    .replace(/[łħđøı]/g, (c) => ({ ł: 'l', ħ: 'h', đ: 'd', ø: 'o', ı: 'i' })[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page's language as a lower-case primary subtag ("nl" for "nl-NL"), or undefined. */
export function pageLanguage(doc: Document): string | undefined {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').trim().toLowerCase();
  const primary = lang.split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}
