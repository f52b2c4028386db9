import { describe, expect, it } from 'vitest';
import { FORM_LANGUAGES, REASON_IDS, languageCatalogueSchema, toFormLanguage } from '@/src/reasons/catalogue';
import { loadCatalogue } from '@/src/reasons/catalogue-all';

const catalogue = loadCatalogue();
const NON_EN = FORM_LANGUAGES.filter((l) => l !== 'en');

/** Every text of a language, with where it is. */
function textsOf(lang: (typeof FORM_LANGUAGES)[number]): Array<[string, string]> {
  const c = catalogue[lang];
  const out: Array<[string, string]> = [['opening', c.opening], ['closing', c.closing]];
  for (const id of REASON_IDS) {
    out.push([`${id}.title`, c.reasons[id]?.title ?? ''], [`${id}.text`, c.reasons[id]?.text ?? '']);
  }
  return out;
}

/** Citations of art. 7 GDPR (consent, withdrawal of consent), which does not apply to legitimate interest. */
const ARTICLE_7 = [
  /\b7\s*\(\s*3\s*\)/,
  /\b7\s*,?\s*(?:abs|absatz|para|paragraph|paragraphe|paragrafo|apartado|lid|ust|odst|ods|al|alin|alineatul|stk|nr|kohta|kohdan|lõige|lõike|bekezdés|dalis|dalies|punkts|punkta|stavak|stavka|mom)\.?\s*3\b/i,
  /(?:\bart(?:icle|ikel|ikkel|igo|icolo|ículo|icolul|icolului|ikolu|ikla|iklan|ikli|iklis)?\.?|\bairteagal|άρθρ\S*|член\S*|\bčl(?:\.|ánek|ánku|ánok|en|ena|anak|anka)|\bčlanak|\bčlanka)\s*7(?![\d.]\d)\b/i,
  /\b7\.?\s*(?:cikk|panta|straipsn\S*|artiklan|artikla|§)/i,
  /withdraw\w*\s+(?:my\s+)?consent/i,
  /widerruf\w*\s+(?:meine[rn]?\s+)?einwilligung|einwilligung\s+\w*\s*widerruf/i,
  /toestemming\s+in\s*te\s*trekken|intrekk\w*\s+van\s+(?:mijn\s+)?toestemming/i,
  /retir\w*\s+(?:mon\s+|mi\s+|o\s+meu\s+)?consent\w*/i,
  /revoc\w*\s+(?:il\s+|mio\s+|el\s+|o\s+)?consen\w*/i,
  /wycofa\w*\s+(?:mojej\s+)?zgod/i,
];

describe('loadCatalogue', () => {
  it('has all 26 form languages', () => {
    expect(FORM_LANGUAGES).toHaveLength(26);
    expect(Object.keys(catalogue).sort()).toEqual([...FORM_LANGUAGES].sort());
  });

  it.each(FORM_LANGUAGES)('%s: opening, closing and every reason with title and text', (lang) => {
    const c = catalogue[lang];
    expect(() => languageCatalogueSchema.parse(c)).not.toThrow();
    expect(c.opening.trim().length).toBeGreaterThanOrEqual(40);
    expect(c.closing.trim().length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(c.reasons).sort()).toEqual([...REASON_IDS].sort());
    for (const id of REASON_IDS) {
      expect(c.reasons[id]?.title.trim(), `${lang} ${id}`).toBeTruthy();
      expect(c.reasons[id]?.text.trim().length, `${lang} ${id}`).toBeGreaterThanOrEqual(40);
    }
  });

  it.each(FORM_LANGUAGES)('%s: the opening ends with ":" and invokes art. 21', (lang) => {
    expect(catalogue[lang].opening.trimEnd().endsWith(':')).toBe(true);
    expect(catalogue[lang].opening).toMatch(/21/);
  });

  it.each(FORM_LANGUAGES)('%s: titles are unique, texts are unique', (lang) => {
    const c = catalogue[lang];
    const titles = REASON_IDS.map((id) => c.reasons[id]?.title);
    const texts = REASON_IDS.map((id) => c.reasons[id]?.text);
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(NON_EN)('%s: translated, no text identical to the English one', (lang) => {
    const english = new Map(textsOf('en'));
    expect(textsOf(lang).filter(([where, text]) => text === english.get(where)).map(([where]) => where)).toEqual([]);
  });

  it.each(FORM_LANGUAGES)('%s: no text cites art. 7(3) or withdrawing consent', (lang) => {
    // Every text and pattern that meet, so that a failure names them all (and 300 checks cost one assertion).
    const citations = textsOf(lang).flatMap(([where, text]) => ARTICLE_7.filter((p) => p.test(text)).map((p) => `${where}: ${p}`));
    expect(citations).toEqual([]);
  });

  it('the art. 7 check catches the wrong citations it is meant for', () => {
    const wrong = [
      'under Article 7(3) GDPR',
      'gemäß Art. 7 Abs. 3 DSGVO',
      'article 7, paragraph 3',
      'artikel 7, lid 3, AVG',
      'art. 7 ust. 3 RODO',
      'článek 7 odst. 3',
      'l\u2019article 7 du RGPD',
      '7. cikk (3) bekezdés',
      'I withdraw my consent',
      'Ich widerrufe meine Einwilligung',
      'je retire mon consentement',
    ];
    for (const text of wrong) expect(ARTICLE_7.some((p) => p.test(text)), text).toBe(true);
    // and lets the right ones pass
    for (const text of ['Article 21(1) GDPR', 'Art. 6 Abs. 1 lit. f DSGVO', 'artikel 9 AVG', 'art. 17 RODO']) {
      expect(ARTICLE_7.some((p) => p.test(text)), text).toBe(false);
    }
  });

  it('returns the same validated object every time', () => {
    expect(loadCatalogue()).toBe(catalogue);
  });
});

describe('toFormLanguage', () => {
  it.each([
    ['nb-NO', 'nb'],
    ['nb', 'nb'],
    ['no', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    ['no_NO', 'nb'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['DE', 'de'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['el', 'el'],
    ['ga-IE', 'ga'],
    ['mt', 'mt'],
    ['is-IS', 'is'],
  ])('%j → %j', (tag, expected) => {
    expect(toFormLanguage(tag)).toBe(expected);
  });

  it.each([['xx'], ['zh-CN'], ['ru'], ['tr-TR'], [''], ['-'], ['english']])('%j → undefined', (tag) => {
    expect(toFormLanguage(tag)).toBeUndefined();
  });

  it('undefined → undefined', () => {
    expect(toFormLanguage(undefined)).toBeUndefined();
  });

  it('every form language maps to itself', () => {
    for (const lang of FORM_LANGUAGES) expect(toFormLanguage(lang)).toBe(lang);
  });
});
