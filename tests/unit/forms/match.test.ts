// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isFormHost, matchFormRule, normalizeText, pageLanguage } from '@/src/forms/match';
import { onFormHost } from '@/src/loader/loader';
import { formUrls } from '@/src/forms/rules/urls';
import { formRules } from '@/src/forms/rules/data';

const FB_FORMS = [
  ['facebook-ai-objection', '712876720715583'],
  ['facebook-ai-objection-general', '6359191084165019'],
  ['facebook-third-party-ai', '510058597920541'],
  ['facebook-third-party-ai-older', '1266025207620918'],
] as const;
const FB_HOSTS = ['www.facebook.com', 'm.facebook.com', 'web.facebook.com', 'mbasic.facebook.com', 'touch.facebook.com', 'nl-nl.facebook.com', 'fr-fr.facebook.com', 'WWW.FaceBook.com'];
const SUFFIXES = ['', '/', '?locale=nl_NL', '/?ref=ai_objection_text', '#content', '?a=1&b=2#x', '/#top'];

const positives: Array<[string, string]> = [];
for (const [id, formId] of FB_FORMS) {
  for (const host of FB_HOSTS) {
    for (const suffix of SUFFIXES) positives.push([`https://${host}/help/contact/${formId}${suffix}`, id]);
  }
}
for (const host of ['help.instagram.com', 'www.instagram.com']) {
  for (const path of ['/contact/767264225370182', '/help/contact/767264225370182']) {
    for (const suffix of SUFFIXES) positives.push([`https://${host}${path}${suffix}`, 'instagram-ai-objection']);
  }
}

describe('matchFormRule', () => {
  it.each(positives)('%s is the form %s', (href, id) => {
    expect(matchFormRule(href, formUrls)?.id).toBe(id);
  });

  it('the full rules (background) and the URL rules (content script) agree', () => {
    for (const [href, id] of positives) expect(matchFormRule(href, formRules)?.id).toBe(id);
  });

  it('plain http is never a form (anything on the network could have written the page)', () => {
    expect(matchFormRule('http://www.facebook.com/help/contact/712876720715583', formUrls)).toBeUndefined();
    expect(isFormHost('http://www.facebook.com/', formUrls)).toBe(false);
  });

  it.each([
    // other help/contact forms
    'https://www.facebook.com/help/contact/268228883256323',
    'https://www.facebook.com/help/contact/7128767207155830',
    'https://www.facebook.com/help/contact/1712876720715583',
    'https://www.facebook.com/help/contact/712876720715583/extra',
    'https://www.facebook.com/help/contact/',
    'https://www.facebook.com/help/712876720715583',
    'https://www.facebook.com/contact/712876720715583',
    'https://www.facebook.com/',
    'https://www.facebook.com/privacy/genai',
    'https://help.instagram.com/contact/1234567890',
    // the id elsewhere in the URL
    'https://www.facebook.com/search?q=/help/contact/712876720715583',
    'https://www.facebook.com/profile#/help/contact/712876720715583',
    // look-alike hosts
    'https://facebook.com.evil.example/help/contact/712876720715583',
    'https://www.facebook.com.evil.example/help/contact/712876720715583',
    'https://evilfacebook.com/help/contact/712876720715583',
    'https://www.evilfacebook.com/help/contact/712876720715583',
    'https://facebook.co/help/contact/712876720715583',
    'https://facebook.com@evil.example/help/contact/712876720715583',
    'https://evil.example/https://www.facebook.com/help/contact/712876720715583',
    'https://help.instagram.com.evil.example/contact/767264225370182',
    'https://notinstagram.com/contact/767264225370182',
    // a form's path on the other platform
    'https://help.instagram.com/help/contact/712876720715583',
    'https://www.instagram.com/help/contact/6359191084165019',
    'https://www.facebook.com/contact/767264225370182',
    'https://www.facebook.com/help/contact/767264225370182',
    // hosts where Meta serves no help form (script there is not the help centre's)
    'https://developers.facebook.com/help/contact/712876720715583',
    'https://business.facebook.com/help/contact/712876720715583',
    'https://facebook.com/help/contact/712876720715583',
    'https://l.facebook.com/help/contact/712876720715583',
    'https://www.m.facebook.com/help/contact/712876720715583',
    'https://nl-nl-x.facebook.com/help/contact/712876720715583',
    'https://instagram.com/contact/767264225370182',
    'https://about.instagram.com/contact/767264225370182',
    'https://www.facebook.com:8443/help/contact/712876720715583',
    // other schemes
    'ftp://www.facebook.com/help/contact/712876720715583',
    'file:///help/contact/712876720715583',
    'javascript:location="https://www.facebook.com/help/contact/712876720715583"',
    'data:text/html,https://www.facebook.com/help/contact/712876720715583',
    'chrome-extension://abc/help/contact/712876720715583',
    // malformed
    '',
    'not a url',
    '/help/contact/712876720715583',
    'www.facebook.com/help/contact/712876720715583',
    'https://',
    'https://exa mple.com/help/contact/712876720715583',
  ])('%s is not an objection form', (href) => {
    expect(matchFormRule(href, formUrls)).toBeUndefined();
  });

  it.each([
    ['https://www.facebook.com/', true],
    ['https://de-de.facebook.com/groups/1', true],
    ['https://help.instagram.com/', true],
    ['https://developers.facebook.com/help/contact/712876720715583', false],
    ['https://business.facebook.com/', false],
    ['http://www.facebook.com/help/contact/712876720715583', false],
    ['https://www.facebook.com.evil.example/', false],
    ['https://www.facebook.com:8443/', false],
    ['https://WWW.Instagram.com/accounts/', true],
  ])('isFormHost(%s) → %s, and the loader\'s own check on the parsed location agrees', (href, expected) => {
    expect(isFormHost(href, formUrls)).toBe(expected);
    expect(onFormHost(new URL(href))).toBe(expected);
  });

  it('finds nothing with no rules', () => {
    expect(matchFormRule('https://www.facebook.com/help/contact/712876720715583', [])).toBeUndefined();
  });
});

describe('normalizeText', () => {
  it.each([
    ['Senden', 'senden'],
    ['  VERZENDEN  ', 'verzenden'],
    ['Wyślij', 'wyslij'],
    ['Prześlij', 'przeslij'],
    ['Lähetä', 'laheta'],
    ['Αποστολή', 'αποστολη'],
    ['Изпрати', 'изпрати'],
    ['Nosūtīt', 'nosutit'],
    ['Siųsti', 'siusti'],
    ['Odeslat', 'odeslat'],
    ['Pošalji', 'posalji'],
    ['Küldés', 'kuldes'],
    ['Trimite', 'trimite'],
    ['Kyllä', 'kylla'],
    ['Sí', 'si'],
    ['Tá', 'ta'],
    ['Já', 'ja'],
    ['Ναι', 'ναι'],
    ['Ciò significa che la tua richiesta verrà applicata', 'cio significa che la tua richiesta verra applicata'],
    ['We can\u2019t take further action', "we can't take further action"],
    ['We can\u2018t', "we can't"],
    ['We can\u02bct', "we can't"],
    ['Du erhältst\n\t eine   E-Mail', 'du erhaltst eine e-mail'],
    ['Send\u00a0now', 'send now'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('composed and decomposed accents compare equal', () => {
    expect(normalizeText('Envoy\u00e9')).toBe(normalizeText('Envoye\u0301'));
  });

  it.each([
    // Letters that Unicode does not decompose: still written plainly in the rules.
    ['Coś poszło nie tak', 'cos poszlo nie tak'],
    ['Ibgħat', 'ibghat'],
  ])('folds letters without a decomposition: %j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('pageLanguage', () => {
  const withLang = (lang: string | null) => {
    const doc = document.implementation.createHTMLDocument('x');
    if (lang !== null) doc.documentElement.setAttribute('lang', lang);
    return doc;
  };

  it.each([
    ['nl-NL', 'nl'],
    ['nl_NL', 'nl'],
    ['de', 'de'],
    ['DE-at', 'de'],
    [' fr-FR ', 'fr'],
    ['pt-BR', 'pt'],
    ['nb-NO', 'nb'],
    ['fil-PH', 'fil'],
    ['zh-Hant-TW', 'zh'],
  ])('lang=%j → %j', (lang, expected) => {
    expect(pageLanguage(withLang(lang))).toBe(expected);
  });

  it.each([[''], ['   '], ['x'], ['1234'], ['en1'], ['english'], ['-de'], ['*']])('lang=%j → undefined', (lang) => {
    expect(pageLanguage(withLang(lang))).toBeUndefined();
  });

  it('no lang attribute → undefined', () => {
    expect(pageLanguage(withLang(null))).toBeUndefined();
  });
});
