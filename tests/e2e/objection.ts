import { composeObjection } from '../../src/reasons/compose';
import type { FormLanguage, LanguageCatalogue, ReasonId } from '../../src/reasons/catalogue';

/**
 * The objection Objector composes for these choices on a form in `lang` (src/reasons/compose.ts, tested on
 * its own in tests/unit/reasons): what Autofill must write and the popup must preview. The end-to-end tests
 * check that this text reaches the form and Meta, not how it is put together.
 */
export function composedObjection(lang: FormLanguage, catalogue: LanguageCatalogue, reasonIds: ReasonId[], ownWords = ''): string {
  return composeObjection({ catalogue: { [lang]: catalogue }, reasonIds, ownWords, formLang: lang, userLang: lang }).text;
}
