import { describe, expect, it } from 'vitest';
import { FORM_LANGUAGES, REASON_IDS, type Catalogue } from '@/src/reasons/catalogue';
import { loadCatalogue } from '@/src/reasons/catalogue-all';
import { OWN_WORDS_MAX, cleanOwnWords, composeObjection, type ComposeInput } from '@/src/reasons/compose';

/** Meta once rejected objections shorter than this (see meta-forms.md). */
const MIN_OBJECTION_LENGTH = 100;

const catalogue = loadCatalogue();

function compose(over: Partial<ComposeInput>) {
  return composeObjection({ catalogue, reasonIds: [], ownWords: '', formLang: 'en', userLang: 'en', ...over });
}

describe('composeObjection: structure', () => {
  it.each(FORM_LANGUAGES)('%s: opening first, chosen reasons in catalogue order, own words, closing last', (lang) => {
    const c = catalogue[lang];
    // Chosen in reverse order and with a duplicate: the text follows the catalogue's order, once each.
    const chosen = ['memorisation', 'no-consent', 'children-family', 'no-consent'];
    const result = compose({ formLang: lang, reasonIds: chosen, ownWords: 'Meine eigenen Worte.' });
    expect(result.lang).toBe(lang);
    expect(result.reasonIds).toEqual(['children-family', 'memorisation', 'no-consent']);
    expect(result.text.split('\n\n')).toEqual([
      c.opening,
      c.reasons['children-family']!.text,
      c.reasons.memorisation!.text,
      c.reasons['no-consent']!.text,
      'Meine eigenen Worte.',
      c.closing,
    ]);
    expect(result.droppedReasonIds).toEqual([]);
    expect(result.ownWordsDropped).toBe(false);
  });

  it('all reasons: every reason text appears once, in catalogue order', () => {
    const result = compose({ formLang: 'nl', reasonIds: [...REASON_IDS].reverse() });
    expect(result.reasonIds).toEqual([...REASON_IDS]);
    let at = -1;
    for (const id of REASON_IDS) {
      const next = result.text.indexOf(catalogue.nl.reasons[id]!.text);
      expect(next, id).toBeGreaterThan(at);
      at = next;
    }
  });

  it('unknown reason ids (from another version) are ignored', () => {
    const result = compose({ reasonIds: ['no-consent', 'gone-reason', '__proto__', 'constructor'] });
    expect(result.reasonIds).toEqual(['no-consent']);
    expect(result.text).not.toContain('undefined');
  });

  it('no own words: no empty paragraph between reasons and closing', () => {
    const result = compose({ reasonIds: ['safety'], ownWords: '  \n\t ' });
    expect(result.text).not.toMatch(/\n{3,}/);
    expect(result.text.endsWith(catalogue.en.closing)).toBe(true);
    expect(result.ownWordsDropped).toBe(false);
  });

  it.each(FORM_LANGUAGES)('%s: with no reasons and no own words the text is still at least %i characters', (lang) => {
    const result = compose({ formLang: lang, reasonIds: [], ownWords: '' });
    expect(result.text.length).toBeGreaterThanOrEqual(MIN_OBJECTION_LENGTH);
    expect(result.text).toBe(`${catalogue[lang].opening}\n\n${catalogue[lang].closing}`);
  });
});

describe('composeObjection: language', () => {
  it.each([
    ['the form language', 'de-DE', 'fr', 'de'],
    ['the form language, Norwegian alias', 'no', 'fr', 'nb'],
    ['the user language when the form language is unknown', 'xx', 'fr-BE', 'fr'],
    ['the user language when the form has none', undefined, 'pl', 'pl'],
    ['English when neither is known', 'zh-CN', 'ru', 'en'],
    ['English when neither is given', undefined, undefined, 'en'],
  ])('%s', (_name, formLang, userLang, expected) => {
    const result = compose({ formLang, userLang, reasonIds: ['no-consent'] });
    expect(result.lang).toBe(expected);
    expect(result.text.startsWith(catalogue[expected as keyof Catalogue].opening)).toBe(true);
  });

  it('a language missing from the catalogue falls back to the user language, then English', () => {
    const partial: Partial<Catalogue> = { en: catalogue.en, it: catalogue.it };
    expect(composeObjection({ catalogue: partial, reasonIds: [], ownWords: '', formLang: 'de', userLang: 'it' }).lang).toBe('it');
    expect(composeObjection({ catalogue: partial, reasonIds: [], ownWords: '', formLang: 'de', userLang: 'fr' }).lang).toBe('en');
  });
});

describe('composeObjection: maxLength', () => {
  const all = [...REASON_IDS];

  it('no limit reached: nothing dropped', () => {
    const full = compose({ reasonIds: all, ownWords: 'Mine.' });
    const result = compose({ reasonIds: all, ownWords: 'Mine.', maxLength: full.text.length });
    expect(result.text).toBe(full.text);
    expect(result.droppedReasonIds).toEqual([]);
  });

  it.each(FORM_LANGUAGES)('%s: drops general reasons first, keeps personal ones and the closing, lists what it dropped', (lang) => {
    const c = catalogue[lang];
    const reasons = ['no-consent', 'irreversible', 'old-posts', 'third-parties'];
    const full = compose({ formLang: lang, reasonIds: reasons });
    const lastTwo = c.reasons['irreversible']!.text.length + c.reasons['no-consent']!.text.length + 4;
    const maxLength = full.text.length - lastTwo + 5; // room for all but the last two reasons
    const result = compose({ formLang: lang, reasonIds: reasons, maxLength });
    expect(result.text.length).toBeLessThanOrEqual(maxLength);
    // grounds from the person's own situation lead (art. 21(1)) and survive the cut
    expect(result.reasonIds).toEqual(['old-posts', 'third-parties']);
    expect(result.droppedReasonIds).toEqual(['irreversible', 'no-consent']);
    expect(result.text.startsWith(c.opening)).toBe(true);
    expect(result.text.endsWith(c.closing)).toBe(true);
    // never cut mid-sentence: every paragraph is a whole catalogue text
    const whole = new Set([c.opening, c.closing, ...REASON_IDS.map((id) => c.reasons[id]!.text)]);
    for (const part of result.text.split('\n\n')) expect(whole.has(part), part).toBe(true);
  });

  it('own words are kept while reasons are dropped, and dropped only when no reason is left', () => {
    const own = 'These are my own words about why I object.';
    const bare = compose({ reasonIds: [] }).text;
    const withOwn = compose({ reasonIds: [], ownWords: own }).text;

    const keepsOwn = compose({ reasonIds: ['no-consent', 'irreversible'], ownWords: own, maxLength: withOwn.length });
    expect(keepsOwn.reasonIds).toEqual([]);
    expect(keepsOwn.droppedReasonIds).toEqual(['irreversible', 'no-consent']);
    expect(keepsOwn.ownWordsDropped).toBe(false);
    expect(keepsOwn.text).toContain(own);

    const dropsOwn = compose({ reasonIds: ['no-consent'], ownWords: own, maxLength: bare.length });
    expect(dropsOwn.ownWordsDropped).toBe(true);
    expect(dropsOwn.droppedReasonIds).toEqual(['no-consent']);
    expect(dropsOwn.text).toBe(bare);
    expect(dropsOwn.text).not.toContain(own);
  });

  it('the result never exceeds maxLength', () => {
    for (const maxLength of [50, 150, 300, 500, 800, 1200, 2000, 5000]) {
      for (const lang of FORM_LANGUAGES) {
        const result = compose({ formLang: lang, reasonIds: REASON_IDS, ownWords: 'x'.repeat(400), maxLength });
        expect(result.text.length, `${lang} ${maxLength}`).toBeLessThanOrEqual(maxLength);
      }
    }
  });
});

describe('own words', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script>'],
    ['a & b < c > d "quoted" \'single\''],
    ['&lt;b&gt; stays as typed'],
  ])('%s stays verbatim plain text', (words) => {
    const result = compose({ ownWords: words, reasonIds: ['no-consent'] });
    expect(result.text).toContain(`\n\n${words}\n\n`);
  });

  it('control characters are removed, line breaks kept and unified', () => {
    expect(cleanOwnWords('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('abcdef');
    expect(cleanOwnWords('line 1\r\nline 2\rline 3\nline 4')).toBe('line 1\nline 2\nline 3\nline 4');
    expect(cleanOwnWords('  \n padded \n  ')).toBe('padded');
    const result = compose({ ownWords: 'hello\u0000 world\u0008' });
    expect(result.text).toContain('\n\nhello world\n\n');
  });

  it('accents, emoji and other scripts are kept', () => {
    expect(cleanOwnWords('Ich möchte das nicht 🙅 — Ναι, Да')).toBe('Ich möchte das nicht 🙅 — Ναι, Да');
  });

  it(`are capped at ${OWN_WORDS_MAX} characters`, () => {
    expect(cleanOwnWords('a'.repeat(OWN_WORDS_MAX + 500))).toHaveLength(OWN_WORDS_MAX);
    const result = compose({ ownWords: 'b'.repeat(OWN_WORDS_MAX * 3) });
    expect(result.text).toContain('b'.repeat(OWN_WORDS_MAX));
    expect(result.text).not.toContain('b'.repeat(OWN_WORDS_MAX + 1));
  });
});
