import { toFormLanguage, type Catalogue, type FormLanguage, type ReasonId, REASON_IDS } from './catalogue';

/** The user's own words are limited so that the objection stays readable and within Meta's fields. */
export const OWN_WORDS_MAX = 1000;

export interface ComposeInput {
  catalogue: Partial<Catalogue>;
  reasonIds: readonly string[];
  ownWords: string;
  /** The form's language (the page's `lang`). */
  formLang: string | undefined;
  /** The user's language, the fallback when the form's language has no catalogue. */
  userLang: string | undefined;
  /** The field's maxlength, when it has one. */
  maxLength?: number;
}

export interface Composition {
  text: string;
  lang: FormLanguage;
  /** The reasons the text contains, in order. */
  reasonIds: ReasonId[];
  /** Reasons chosen but left out so the text fits `maxLength`. */
  droppedReasonIds: ReasonId[];
  ownWordsDropped: boolean;
}

/** Plain text only: control characters other than line breaks are dropped, length is bounded. */
export function cleanOwnWords(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .trim()
    .slice(0, OWN_WORDS_MAX);
}

/**
 * Composes the objection: an opening that states the legal ground, the chosen reasons in catalogue order,
 * the user's own words, and a closing request. Fits `maxLength` by dropping whole reasons from the end,
 * then the own words; never cuts a sentence.
 */
export function composeObjection(input: ComposeInput): Composition {
  const lang = pickLanguage(input.catalogue, input.formLang, input.userLang);
  const texts = input.catalogue[lang]!;
  const chosen = REASON_IDS.filter((id) => input.reasonIds.includes(id));
  const ownWords = cleanOwnWords(input.ownWords);

  const build = (ids: readonly ReasonId[], withOwnWords: boolean) =>
    [texts.opening, ...ids.map((id) => texts.reasons[id]?.text ?? ''), withOwnWords ? ownWords : '', texts.closing]
      .filter((part) => part.length > 0)
      .join('\n\n');

  const fits = (text: string) => input.maxLength === undefined || text.length <= input.maxLength;
  let included = [...chosen];
  let withOwnWords = ownWords.length > 0;
  let text = build(included, withOwnWords);
  while (!fits(text) && included.length > 0) {
    included = included.slice(0, -1);
    text = build(included, withOwnWords);
  }
  if (!fits(text) && withOwnWords) {
    withOwnWords = false;
    text = build(included, false);
  }
  if (!fits(text)) text = fits(texts.opening) ? texts.opening : '';
  return {
    text,
    lang,
    reasonIds: included,
    droppedReasonIds: chosen.filter((id) => !included.includes(id)),
    ownWordsDropped: ownWords.length > 0 && !withOwnWords,
  };
}

function pickLanguage(catalogue: Partial<Catalogue>, ...tags: Array<string | undefined>): FormLanguage {
  for (const tag of tags) {
    const lang = toFormLanguage(tag);
    if (lang && catalogue[lang]) return lang;
  }
  return 'en';
}
