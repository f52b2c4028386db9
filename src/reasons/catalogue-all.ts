import { FORM_LANGUAGES, languageCatalogueSchema, type Catalogue, type FormLanguage, type LanguageCatalogue } from './catalogue';

/*
 * Every language of the catalogue at once, in the chunk of whoever imports this module: the background
 * (it composes for any form language) and the unit tests. The popup does not: it loads the languages it
 * shows (`loadLanguages` in catalogue.ts), one small chunk each.
 */

let cached: Catalogue | undefined;

/** The validated catalogue of every language. Throws on a broken catalogue file (caught by the unit tests). */
export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const out: Partial<Catalogue> = {};
  // Vite bundles every file at build time wherever this stands; inside the function, the composition also
  // runs where there is no Vite (the end-to-end tests compose their expected objection with it).
  const files = import.meta.glob<LanguageCatalogue>('./catalogue/*.json', { eager: true, import: 'default' });
  for (const [path, data] of Object.entries(files)) {
    const lang = path.match(/([a-z]+)\.json$/)?.[1];
    if (!lang || !(FORM_LANGUAGES as readonly string[]).includes(lang)) continue;
    out[lang as FormLanguage] = languageCatalogueSchema.parse(data);
  }
  cached = out as Catalogue;
  return cached;
}

